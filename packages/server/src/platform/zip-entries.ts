import zlib from 'node:zlib';

/**
 * The entries of a zip held in memory (an uploaded .xlsx), read from its central directory, and their inflated
 * contents checked against the recorded size and CRC-32. Only the entries a reader asks for are inflated, and none
 * beyond `maxBytes`: a zip of a few MB can claim gigabytes (a zip bomb), and a cut or corrupt file must be refused
 * with a clear message, not hang or half-read.
 */

export class ZipDamagedError extends Error {}

export const ZIP_DAMAGED = '文件已损坏，请在 Excel 中重新保存为 .xlsx 后上传';
const ZIP_CUT = '文件不完整（可能上传或复制时中断），请重新保存后上传';
const ZIP_TOO_LARGE = '文件解压后过大，不是正常的 Excel 表格';

export type ZipEntry = {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
};

/** The end-of-central-directory record: its signature, within the last 22 bytes + a comment of at most 65 535. */
const DIRECTORY_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DIRECTORY_TAIL = 22 + 65_535;

/** Whether the file starts as a zip does ("PK\3\4"): an .xls (OLE2) or a renamed CSV does not. */
export const looksLikeZip = (file: Buffer) => file.length >= 4 && file.readUInt32LE(0) === 0x04034b50;

/** Every entry by name; a missing or inconsistent directory throws ZipDamagedError with the Chinese reason. */
export function zipEntries(file: Buffer): Map<string, ZipEntry> {
  const end = file.lastIndexOf(DIRECTORY_END);
  if (end < 0 || end < file.length - DIRECTORY_TAIL || end + 22 > file.length) throw new ZipDamagedError(ZIP_CUT);
  const count = file.readUInt16LE(end + 10);
  const directorySize = file.readUInt32LE(end + 12);
  let offset = file.readUInt32LE(end + 16);
  // ZIP64 is for entries of 4 GB and more: no spreadsheet within the 64 MB upload limit needs it.
  if (count === 0xffff || offset === 0xffffffff || offset + directorySize > end) throw new ZipDamagedError(ZIP_DAMAGED);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > end || file.readUInt32LE(offset) !== 0x02014b50) throw new ZipDamagedError(ZIP_DAMAGED);
    const nameLength = file.readUInt16LE(offset + 28);
    const entry = {
      name: file.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: file.readUInt16LE(offset + 10),
      crc: file.readUInt32LE(offset + 16),
      compressedSize: file.readUInt32LE(offset + 20),
      size: file.readUInt32LE(offset + 24),
      dataStart: 0,
    };
    const local = file.readUInt32LE(offset + 42);
    offset += 46 + nameLength + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
    if (local + 30 > file.length || file.readUInt32LE(local) !== 0x04034b50) throw new ZipDamagedError(ZIP_DAMAGED);
    entry.dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (entry.dataStart + entry.compressedSize > file.length || (entry.method !== 0 && entry.method !== 8))
      throw new ZipDamagedError(ZIP_DAMAGED);
    entries.set(entry.name, entry);
  }
  return entries;
}

function checkInflated(entry: ZipEntry, size: number, crc: number) {
  if (size !== entry.size || crc >>> 0 !== entry.crc) throw new ZipDamagedError(ZIP_DAMAGED);
}

/** One small entry (workbook, styles, shared strings), inflated whole and checked. */
export function inflateEntry(file: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.size > maxBytes) throw new ZipDamagedError(ZIP_TOO_LARGE);
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let inflated: Buffer;
  try {
    // One byte beyond the recorded size is enough to know the record lies.
    inflated = entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: entry.size + 1 });
  } catch {
    throw new ZipDamagedError(ZIP_DAMAGED);
  }
  checkInflated(entry, inflated.length, zlib.crc32(inflated));
  return inflated;
}

/**
 * A large entry (a worksheet) as a stream of inflated chunks; inflating runs on libuv's thread pool, beside the
 * reader's own work. The size and CRC are checked when the last chunk has been yielded, so a caller that acts on
 * the chunks (writes rows) must treat the whole read as failed when this throws at the end.
 */
export async function* inflateEntryChunks(
  file: Buffer,
  entry: ZipEntry,
  maxBytes: number,
  chunkSize = 1 << 20,
): AsyncGenerator<Buffer> {
  if (entry.size > maxBytes) throw new ZipDamagedError(ZIP_TOO_LARGE);
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    checkInflated(entry, data.length, zlib.crc32(data));
    yield data;
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize });
  inflater.end(data);
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.size) throw new ZipDamagedError(ZIP_DAMAGED);
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    throw error instanceof ZipDamagedError ? error : new ZipDamagedError(ZIP_DAMAGED);
  } finally {
    inflater.destroy();
  }
  checkInflated(entry, size, crc);
}

import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import {
  inflateEntry,
  inflateEntryChunks,
  looksLikeZip,
  ZIP_DAMAGED,
  zipEntries,
  ZipDamagedError,
  type ZipEntry,
} from './zip-entries.ts';
import { flip, makeZip, thrown } from './zip.test-support.ts';

/**
 * The zip layer under the streaming .xlsx reader of the base database import (R3.1, issue #4): the central
 * directory (zipEntries), whole small parts (inflateEntry) and worksheets in chunks (inflateEntryChunks), each
 * checked against the size and CRC-32 the directory records, with the zip-bomb cap. An upload that is cut, corrupt
 * or lying about its sizes must be refused with a Chinese sentence (ZipDamagedError), never hang or half-read.
 * Zips are written by hand here (local headers + central directory) so every field can be set or broken exactly.
 */

const CUT = '文件不完整（可能上传或复制时中断），请重新保存后上传';
const DAMAGED = '文件已损坏，请在 Excel 中重新保存为 .xlsx 后上传';
const TOO_LARGE = '文件解压后过大，不是正常的 Excel 表格';

/** Offset of the end-of-central-directory record of a zip made by makeZip with no comment. */
const endRecord = (zip: Buffer) => zip.length - 22;

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function expectZipError(error: unknown, message: string) {
  expect(error).toBeInstanceOf(ZipDamagedError);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe(message);
}

/** Every chunk of an entry, and the error that ended the stream, if any. */
async function drain(
  file: Buffer,
  entry: ZipEntry,
  maxBytes: number,
  chunkSize?: number,
): Promise<{ chunks: Buffer[]; error: unknown }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of inflateEntryChunks(file, entry, maxBytes, chunkSize)) chunks.push(Buffer.from(chunk));
  } catch (error) {
    return { chunks, error };
  }
  return { chunks, error: undefined };
}

/** Text that deflates well but is not trivially repetitive, of `length` bytes. */
function sheetLikeText(length: number): Buffer {
  let text = '';
  for (let n = 1; text.length < length; n++)
    text += `<row r="${n}"><c r="A${n}"><v>${(n * 7919) % 100_003}</v></c></row>`;
  return Buffer.from(text.slice(0, length), 'latin1');
}

// ── tests ───────────────────────────────────────────────────────────────────────────────────────────────────────

describe('looksLikeZip: an uploaded base database workbook (R3.1) starts as a zip does', () => {
  it('is true for PK\\3\\4 and false for .xls (OLE2), CSV, PK\\5\\6, short and empty files', () => {
    expect(looksLikeZip(makeZip([{ name: 'a.txt', data: 'a' }]))).toBe(true);
    expect(looksLikeZip(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(looksLikeZip(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(false);
    expect(looksLikeZip(Buffer.from('统一社会信用代码,企业名称\n', 'utf8'))).toBe(false);
    expect(looksLikeZip(Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0]))).toBe(false);
    expect(looksLikeZip(Buffer.from([0x50, 0x4b, 0x03]))).toBe(false);
    expect(looksLikeZip(Buffer.alloc(0))).toBe(false);
  });
});

describe('zipEntries: the central directory of an uploaded workbook (R3.1)', () => {
  it('lists every entry with its method, sizes, CRC-32 and where its data starts', () => {
    const sheet = Buffer.from('<worksheet><sheetData/></worksheet>'.repeat(20));
    const zip = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>', method: 0 },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      { name: 'xl/工作表/名单.xml', data: '中文名' },
    ]);
    const entries = zipEntries(zip);
    expect([...entries.keys()]).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/工作表/名单.xml']);

    const types = entries.get('[Content_Types].xml')!;
    expect(types).toEqual({
      name: '[Content_Types].xml',
      method: 0,
      crc: zlib.crc32('<Types/>'),
      compressedSize: 8,
      size: 8,
      dataStart: 30 + 19,
    });
    expect(zip.toString('latin1', types.dataStart, types.dataStart + 8)).toBe('<Types/>');

    const deflated = zlib.deflateRawSync(sheet);
    const worksheet = entries.get('xl/worksheets/sheet1.xml')!;
    expect(worksheet).toEqual({
      name: 'xl/worksheets/sheet1.xml',
      method: 8,
      crc: zlib.crc32(sheet),
      compressedSize: deflated.length,
      size: sheet.length,
      dataStart: 30 + 19 + 8 + 30 + 24,
    });
    expect(zip.subarray(worksheet.dataStart, worksheet.dataStart + worksheet.compressedSize).equals(deflated)).toBe(
      true,
    );

    const chinese = entries.get('xl/工作表/名单.xml')!;
    expect(chinese.size).toBe(9);
    expect(inflateEntry(zip, chinese, 100).toString('utf8')).toBe('中文名');
  });

  it('takes the data start from the local header, whose extra field may differ from the directory’s', () => {
    const zip = makeZip([
      { name: 'a.xml', data: 'hello', method: 0, localExtra: Buffer.from([0x55, 0x54, 0x05, 0x00, 1, 2, 3, 4, 5]) },
    ]);
    const entry = zipEntries(zip).get('a.xml')!;
    expect(entry.dataStart).toBe(30 + 5 + 9);
    expect(inflateEntry(zip, entry, 100).toString()).toBe('hello');
  });

  it('reads entries written with a data descriptor (sizes only in the central directory), as streaming writers do', () => {
    const zip = makeZip([
      { name: 'a.xml', data: 'first part', descriptor: true },
      { name: 'b.xml', data: 'second part', descriptor: true },
    ]);
    const entries = zipEntries(zip);
    expect(inflateEntry(zip, entries.get('a.xml')!, 100).toString()).toBe('first part');
    expect(inflateEntry(zip, entries.get('b.xml')!, 100).toString()).toBe('second part');
    expect(entries.get('b.xml')!.size).toBe(11);
  });

  it('finds the directory behind an archive comment, up to the largest a zip allows (65 535 bytes)', () => {
    expect([...zipEntries(makeZip([{ name: 'a', data: 'x' }], 'saved by WPS')).keys()]).toEqual(['a']);
    const longest = makeZip([{ name: 'a', data: 'x' }], 'c'.repeat(65_535));
    expect([...zipEntries(longest).keys()]).toEqual(['a']);
  });

  it('reads an empty zip as no entries', () => {
    expect(zipEntries(makeZip([])).size).toBe(0);
  });

  it('refuses a file cut short (no end-of-central-directory record) as incomplete', () => {
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook/>'.repeat(50) },
      { name: 'xl/worksheets/sheet1.xml', data: sheetLikeText(5000) },
    ]);
    expectZipError(
      thrown(() => zipEntries(zip.subarray(0, Math.floor(zip.length / 2)))),
      CUT,
    );
    // The record's last byte missing: the signature is there but not its 22 bytes.
    expectZipError(
      thrown(() => zipEntries(zip.subarray(0, zip.length - 1))),
      CUT,
    );
    expectZipError(
      thrown(() => zipEntries(Buffer.alloc(0))),
      CUT,
    );
    expectZipError(
      thrown(() => zipEntries(Buffer.from('PK\x03\x04 not really a zip', 'latin1'))),
      CUT,
    );
  });

  it('refuses an end record further from the end than a comment can reach', () => {
    const zip = makeZip([{ name: 'a', data: 'x' }]);
    expectZipError(
      thrown(() => zipEntries(Buffer.concat([zip, Buffer.alloc(22 + 65_535 - 21)]))),
      CUT,
    );
    // Exactly the longest comment's worth of trailing bytes is still a zip.
    expect(zipEntries(Buffer.concat([zip, Buffer.alloc(65_535)])).size).toBe(1);
  });

  it('refuses ZIP64 markers (count 0xFFFF or offset 0xFFFFFFFF) and a directory running past its end record', () => {
    const zip = makeZip([{ name: 'a', data: 'x' }]);
    const end = endRecord(zip);
    const patched = (at: number, write: (b: Buffer) => void) => {
      const copy = Buffer.from(zip);
      write(copy.subarray(at));
      return copy;
    };
    expectZipError(
      thrown(() => zipEntries(patched(end + 10, (b) => b.writeUInt16LE(0xffff)))),
      DAMAGED,
    );
    expectZipError(
      thrown(() => zipEntries(patched(end + 16, (b) => b.writeUInt32LE(0xffffffff)))),
      DAMAGED,
    );
    expectZipError(
      thrown(() => zipEntries(patched(end + 12, (b) => b.writeUInt32LE(1000)))),
      DAMAGED,
    );
  });

  it('refuses a directory that claims more entries than it holds, or whose entry is not a directory header', () => {
    const zip = makeZip([{ name: 'a', data: 'x' }]);
    const end = endRecord(zip);
    const moreEntries = Buffer.from(zip);
    moreEntries.writeUInt16LE(2, end + 10);
    expectZipError(
      thrown(() => zipEntries(moreEntries)),
      DAMAGED,
    );
    const badSignature = Buffer.from(zip);
    badSignature.writeUInt32LE(0x12345678, badSignature.readUInt32LE(end + 16));
    expectZipError(
      thrown(() => zipEntries(badSignature)),
      DAMAGED,
    );
  });

  it('refuses an entry whose local header is missing or whose data runs past the file', () => {
    const zip = makeZip([{ name: 'a', data: 'x', method: 0 }]);
    const badLocal = Buffer.from(zip);
    badLocal.writeUInt32LE(0, 0);
    expectZipError(
      thrown(() => zipEntries(badLocal)),
      DAMAGED,
    );

    const central = zip.readUInt32LE(endRecord(zip) + 16);
    const localBeyond = Buffer.from(zip);
    localBeyond.writeUInt32LE(zip.length, central + 42);
    expectZipError(
      thrown(() => zipEntries(localBeyond)),
      DAMAGED,
    );

    expectZipError(
      thrown(() => zipEntries(makeZip([{ name: 'a', data: 'x', method: 0, recordedCompressedSize: 10_000 }]))),
      DAMAGED,
    );
  });

  it('refuses compression methods other than stored (0) and deflate (8), e.g. bzip2 (12) and LZMA (14)', () => {
    expectZipError(
      thrown(() => zipEntries(makeZip([{ name: 'a', data: 'x', recordedMethod: 12 }]))),
      DAMAGED,
    );
    expectZipError(
      thrown(() => zipEntries(makeZip([{ name: 'a', data: 'x', recordedMethod: 14 }]))),
      DAMAGED,
    );
  });
});

describe('inflateEntry: a workbook’s small parts (R3.1), whole and checked', () => {
  const text = sheetLikeText(20_000);

  it('inflates a deflated entry and returns a stored one as it is', () => {
    const zip = makeZip([
      { name: 'd', data: text },
      { name: 's', data: text, method: 0 },
    ]);
    const entries = zipEntries(zip);
    expect(inflateEntry(zip, entries.get('d')!, 1 << 20).equals(text)).toBe(true);
    expect(inflateEntry(zip, entries.get('s')!, 1 << 20).equals(text)).toBe(true);
  });

  it('reads empty entries of either method', () => {
    const zip = makeZip([
      { name: 'd', data: '' },
      { name: 's', data: '', method: 0 },
    ]);
    const entries = zipEntries(zip);
    expect(inflateEntry(zip, entries.get('d')!, 10).length).toBe(0);
    expect(inflateEntry(zip, entries.get('s')!, 10).length).toBe(0);
  });

  it('refuses, before inflating, an entry that claims more than the cap (zip bomb); exactly the cap is read', () => {
    const zip = makeZip([{ name: 'd', data: text }]);
    const entry = zipEntries(zip).get('d')!;
    expectZipError(
      thrown(() => inflateEntry(zip, entry, text.length - 1)),
      TOO_LARGE,
    );
    expect(inflateEntry(zip, entry, text.length).length).toBe(text.length);
    const claim = makeZip([{ name: 'd', data: 'tiny', recordedSize: 0xffffffff }]);
    expectZipError(
      thrown(() => inflateEntry(claim, zipEntries(claim).get('d')!, 256 * 1024 * 1024)),
      TOO_LARGE,
    );
  });

  it('refuses an entry whose recorded size is smaller than what it inflates to (by one byte or by far)', () => {
    for (const recordedSize of [text.length - 1, 100, 0]) {
      const zip = makeZip([{ name: 'd', data: text, recordedSize }]);
      expectZipError(
        thrown(() => inflateEntry(zip, zipEntries(zip).get('d')!, 1 << 20)),
        DAMAGED,
      );
    }
  });

  it('never inflates more than one byte beyond the recorded size: a bomb (50 MB of zeros recorded as 1 KB) is cut short', () => {
    const zip = makeZip([{ name: 'bomb', data: Buffer.alloc(50 * 1024 * 1024), recordedSize: 1024 }]);
    const entry = zipEntries(zip).get('bomb')!;
    const inflate = vi.spyOn(zlib, 'inflateRawSync');
    try {
      expectZipError(
        thrown(() => inflateEntry(zip, entry, 1 << 30)),
        DAMAGED,
      );
      expect(inflate).toHaveBeenCalledTimes(1);
      expect(inflate.mock.calls[0]![1]).toEqual({ maxOutputLength: 1025 });
    } finally {
      inflate.mockRestore();
    }
  });

  it('refuses an entry whose recorded size is larger than what it inflates to', () => {
    const zip = makeZip([{ name: 'd', data: text, recordedSize: text.length + 1 }]);
    expectZipError(
      thrown(() => inflateEntry(zip, zipEntries(zip).get('d')!, 1 << 20)),
      DAMAGED,
    );
    const stored = makeZip([{ name: 's', data: text, method: 0, recordedSize: text.length + 1 }]);
    expectZipError(
      thrown(() => inflateEntry(stored, zipEntries(stored).get('s')!, 1 << 20)),
      DAMAGED,
    );
  });

  it('refuses a wrong CRC-32, deflated or stored', () => {
    const crc = zlib.crc32(text);
    const zip = makeZip([
      { name: 'd', data: text, recordedCrc: crc ^ 1 },
      { name: 's', data: text, method: 0, recordedCrc: crc ^ 0x80000000 },
    ]);
    const entries = zipEntries(zip);
    expectZipError(
      thrown(() => inflateEntry(zip, entries.get('d')!, 1 << 20)),
      DAMAGED,
    );
    expectZipError(
      thrown(() => inflateEntry(zip, entries.get('s')!, 1 << 20)),
      DAMAGED,
    );
  });

  it('refuses a stored entry with one byte changed (CRC)', () => {
    const zip = makeZip([{ name: 's', data: text, method: 0 }]);
    const entry = zipEntries(zip).get('s')!;
    flip(zip, entry.dataStart + 1000, 0x20);
    expectZipError(
      thrown(() => inflateEntry(zip, entry, 1 << 20)),
      DAMAGED,
    );
  });

  it('refuses deflate data that is invalid or cut, never throwing zlib’s own error', () => {
    // 0b111: a final block of the reserved type 3.
    const invalid = makeZip([{ name: 'd', data: text }]);
    const entry = zipEntries(invalid).get('d')!;
    invalid[entry.dataStart] = 0x07;
    expectZipError(
      thrown(() => inflateEntry(invalid, entry, 1 << 20)),
      DAMAGED,
    );
    const cut = makeZip([{ name: 'd', data: text, recordedCompressedSize: 200 }]);
    expectZipError(
      thrown(() => inflateEntry(cut, zipEntries(cut).get('d')!, 1 << 20)),
      DAMAGED,
    );
  });

  it('refuses a flipped byte anywhere in the deflated data', () => {
    const zip = makeZip([{ name: 'd', data: text }]);
    const entry = zipEntries(zip).get('d')!;
    for (const at of [
      0,
      1,
      7,
      Math.floor(entry.compressedSize / 3),
      Math.floor(entry.compressedSize / 2),
      entry.compressedSize - 2,
      entry.compressedSize - 1,
    ]) {
      const copy = Buffer.from(zip);
      flip(copy, entry.dataStart + at, 0x10);
      expectZipError(
        thrown(() => inflateEntry(copy, entry, 1 << 20)),
        DAMAGED,
      );
    }
  });
});

describe('inflateEntryChunks: a worksheet of the base database (R3.1) as a stream of checked chunks', () => {
  const text = sheetLikeText(10_000);

  it('yields chunks of at most chunkSize that join into the entry', async () => {
    const zip = makeZip([{ name: 'd', data: text }]);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('d')!, 1 << 20, 1024);
    expect(error).toBeUndefined();
    expect(Buffer.concat(chunks).equals(text)).toBe(true);
    expect(chunks.map((chunk) => chunk.length)).toEqual([...Array<number>(9).fill(1024), 10_000 - 9 * 1024]);
  });

  it('fills 1 MB chunks by default (the reader’s batches are one chunk each)', async () => {
    const big = sheetLikeText(3_300_000);
    const zip = makeZip([{ name: 'd', data: big }]);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('d')!, 1 << 30);
    expect(error).toBeUndefined();
    expect(chunks.map((chunk) => chunk.length)).toEqual([1 << 20, 1 << 20, 1 << 20, 3_300_000 - 3 * (1 << 20)]);
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
  });

  it('yields a stored entry as one chunk', async () => {
    const zip = makeZip([{ name: 's', data: text, method: 0 }]);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('s')!, 1 << 20, 1024);
    expect(error).toBeUndefined();
    expect(chunks.length).toBe(1);
    expect(chunks[0]!.equals(text)).toBe(true);
  });

  it('yields nothing for an empty deflated entry', async () => {
    const zip = makeZip([{ name: 'd', data: '' }]);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('d')!, 10);
    expect(error).toBeUndefined();
    expect(Buffer.concat(chunks).length).toBe(0);
  });

  it('refuses, before yielding anything, an entry that claims more than the cap (zip bomb)', async () => {
    const zip = makeZip([{ name: 'd', data: text, recordedSize: 1024 * 1024 * 1024 + 1 }]);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('d')!, 1024 * 1024 * 1024);
    expect(chunks).toEqual([]);
    expectZipError(error, TOO_LARGE);
    const stored = makeZip([{ name: 's', data: text, method: 0 }]);
    const storedResult = await drain(stored, zipEntries(stored).get('s')!, text.length - 1);
    expect(storedResult.chunks).toEqual([]);
    expectZipError(storedResult.error, TOO_LARGE);
  });

  it('stops as soon as the data outgrows a recorded size smaller than the truth: a lying entry is never inflated whole', async () => {
    const zip = makeZip([{ name: 'd', data: text, recordedSize: 3000 }]);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('d')!, 1 << 20, 1024);
    expectZipError(error, DAMAGED);
    // 1024 + 1024 ≤ 3000, and the third chunk would pass it: two chunks, then the error.
    expect(chunks.map((chunk) => chunk.length)).toEqual([1024, 1024]);

    const byOne = makeZip([{ name: 'd', data: text, recordedSize: text.length - 1 }]);
    const last = await drain(byOne, zipEntries(byOne).get('d')!, 1 << 20, 1024);
    expectZipError(last.error, DAMAGED);
    expect(Buffer.concat(last.chunks).length).toBe(9 * 1024);
  });

  it('stops a real bomb (a recorded size of 1 KB over 50 MB of zeros) after the first chunk', async () => {
    const zip = makeZip([{ name: 'bomb', data: Buffer.alloc(50 * 1024 * 1024), recordedSize: 1024 }]);
    expect(zip.length).toBeLessThan(100_000);
    const { chunks, error } = await drain(zip, zipEntries(zip).get('bomb')!, 1 << 30);
    expect(chunks).toEqual([]);
    expectZipError(error, DAMAGED);
  });

  it('throws after the last chunk when the recorded size is larger than the truth, or the CRC is wrong', async () => {
    const larger = makeZip([{ name: 'd', data: text, recordedSize: text.length + 5 }]);
    const a = await drain(larger, zipEntries(larger).get('d')!, 1 << 20, 4096);
    expect(Buffer.concat(a.chunks).equals(text)).toBe(true);
    expectZipError(a.error, DAMAGED);

    const crc = makeZip([{ name: 'd', data: text, recordedCrc: zlib.crc32(text) ^ 0x100 }]);
    const b = await drain(crc, zipEntries(crc).get('d')!, 1 << 20, 4096);
    expect(Buffer.concat(b.chunks).equals(text)).toBe(true);
    expectZipError(b.error, DAMAGED);
  });

  it('checks a stored entry’s CRC and size before yielding it', async () => {
    const zip = makeZip([{ name: 's', data: text, method: 0 }]);
    const entry = zipEntries(zip).get('s')!;
    const flipped = Buffer.from(zip);
    flip(flipped, entry.dataStart + 5000, 1);
    const a = await drain(flipped, entry, 1 << 20);
    expect(a.chunks).toEqual([]);
    expectZipError(a.error, DAMAGED);
    const wrongSize = makeZip([{ name: 's', data: text, method: 0, recordedSize: text.length - 1 }]);
    const b = await drain(wrongSize, zipEntries(wrongSize).get('s')!, 1 << 20);
    expect(b.chunks).toEqual([]);
    expectZipError(b.error, DAMAGED);
  });

  it(
    'turns zlib’s errors (invalid or cut deflate data) into ZipDamagedError, without hanging',
    { timeout: 5000 },
    async () => {
      const invalid = makeZip([{ name: 'd', data: text }]);
      const entry = zipEntries(invalid).get('d')!;
      invalid[entry.dataStart] = 0x07;
      expectZipError((await drain(invalid, entry, 1 << 20, 1024)).error, DAMAGED);

      const cut = makeZip([{ name: 'd', data: text, recordedCompressedSize: 200 }]);
      expectZipError((await drain(cut, zipEntries(cut).get('d')!, 1 << 20, 1024)).error, DAMAGED);
    },
  );

  it(
    'turns every flipped byte of the deflated data into ZipDamagedError, without hanging',
    { timeout: 10_000 },
    async () => {
      const zip = makeZip([{ name: 'd', data: text }]);
      const entry = zipEntries(zip).get('d')!;
      for (let at = 0; at < entry.compressedSize; at += 97) {
        const copy = Buffer.from(zip);
        flip(copy, entry.dataStart + at, 0x04);
        expectZipError((await drain(copy, entry, 1 << 20, 1024)).error, DAMAGED);
      }
    },
  );

  it('can be left early (the reader stops at its row limit) and read again from the start', async () => {
    const zip = makeZip([{ name: 'd', data: text }]);
    const entry = zipEntries(zip).get('d')!;
    const first: Buffer[] = [];
    for await (const chunk of inflateEntryChunks(zip, entry, 1 << 20, 1024)) {
      first.push(Buffer.from(chunk));
      if (first.length === 2) break;
    }
    expect(Buffer.concat(first).equals(text.subarray(0, 2048))).toBe(true);
    const again = await drain(zip, entry, 1 << 20, 1024);
    expect(again.error).toBeUndefined();
    expect(Buffer.concat(again.chunks).equals(text)).toBe(true);
  });

  it('rejects through the generator, so a caller awaiting next() gets the error', async () => {
    const zip = makeZip([{ name: 'd', data: text, recordedSize: 0xffffffff }]);
    const error = await rejected(inflateEntryChunks(zip, zipEntries(zip).get('d')!, 1 << 30).next());
    expectZipError(error, TOO_LARGE);
  });
});

describe('the exported message (shown to whoever uploads the base database workbook, R3.1)', () => {
  it('is the Chinese sentence for a damaged file', () => {
    expect(ZIP_DAMAGED).toBe(DAMAGED);
  });
});

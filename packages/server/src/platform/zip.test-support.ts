import zlib from 'node:zlib';

/**
 * Hand-made zips for the tests of the .xlsx reader (zip-entries.test.ts, xlsx-reader.test.ts): every header field
 * under the test's control, so a test can lie about sizes, CRCs and methods, or cut and flip bytes.
 */

export type ZipInput = {
  name: string;
  data: Buffer | string;
  /** How the data is stored: 0 (stored) or 8 (deflated, the default). */
  method?: 0 | 8;
  /** What the headers record instead of the truth (to lie about an entry). */
  recordedMethod?: number;
  recordedSize?: number;
  recordedCrc?: number;
  recordedCompressedSize?: number;
  /** Extra field of the local header only (it may differ from the central directory's). */
  localExtra?: Buffer;
  /** Bit 3: sizes and CRC left zero in the local header and written in a data descriptor after the data. */
  descriptor?: boolean;
};

const u16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
};
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};

/** A zip as Excel or any zip tool writes one: local header + data per entry, then the directory, then its end. */
export function makeZip(inputs: ZipInput[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = Buffer.isBuffer(input.data) ? input.data : Buffer.from(input.data, 'utf8');
    const method = input.method ?? 8;
    const data = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const name = Buffer.from(input.name, 'utf8');
    const recordedMethod = input.recordedMethod ?? method;
    const crc = input.recordedCrc ?? zlib.crc32(raw);
    const size = input.recordedSize ?? raw.length;
    const compressedSize = input.recordedCompressedSize ?? data.length;
    const extra = input.localExtra ?? Buffer.alloc(0);
    const flags = 0x0800 | (input.descriptor ? 0x0008 : 0);
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(recordedMethod),
      u16(0),
      u16(0x5a21),
      input.descriptor ? u32(0) : u32(crc),
      input.descriptor ? u32(0) : u32(compressedSize),
      input.descriptor ? u32(0) : u32(size),
      u16(name.length),
      u16(extra.length),
      name,
      extra,
      data,
      input.descriptor ? Buffer.concat([u32(0x08074b50), u32(crc), u32(compressedSize), u32(size)]) : Buffer.alloc(0),
    ]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(flags),
        u16(recordedMethod),
        u16(0),
        u16(0x5a21),
        u32(crc),
        u32(compressedSize),
        u32(size),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'latin1');
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(inputs.length),
    u16(inputs.length),
    u32(directory.length),
    u32(offset),
    u16(commentBytes.length),
    commentBytes,
  ]);
  return Buffer.concat([...locals, directory, end]);
}

/** Flips the bits of `mask` in byte `at`, in place. */
export const flip = (bytes: Buffer, at: number, mask: number) => bytes.writeUInt8(bytes.readUInt8(at) ^ mask, at);

/** What `fn` throws (a ZipDamagedError is expected), so tests can check its class and exact message. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

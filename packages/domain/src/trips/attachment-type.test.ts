import { describe, expect, it } from 'vitest';
import { sniffAttachment } from './attachment-type.ts';

describe('R2.8 trip attachments are typed by their content (magic bytes), not their name', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'png'],
    [[...Buffer.from('%PDF-1.7\n')], 'pdf'],
    [[0x50, 0x4b, 0x03, 0x04, 0x14], 'zip'],
    [[...Buffer.from('MZ\x90\x00')], null],
    [[...Buffer.from('<html>')], null],
    [[0x89, 0x50, 0x4e], null],
    [[], null],
  ])('%j → %s', (bytes, kind) => {
    expect(sniffAttachment(Uint8Array.from(bytes))).toBe(kind);
  });
});

/**
 * Trip attachments (R2.8 报备: photos or minutes) are checked by their content, never by their name: the first bytes
 * (magic numbers) say what a file is. A .docx is a zip whose entries include word/document.xml; the caller checks
 * that (it needs to read the zip directory), this function says only that the bytes start as a zip.
 */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_KINDS = {
  jpeg: { mime: 'image/jpeg', label: 'JPEG 图片' },
  png: { mime: 'image/png', label: 'PNG 图片' },
  pdf: { mime: 'application/pdf', label: 'PDF 文档' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** The kind the bytes are, 'zip' for a zip (a .docx candidate), or null for anything else. */
export function sniffAttachment(bytes: Uint8Array): Exclude<AttachmentKind, 'docx'> | 'zip' | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

export const ATTACHMENT_TYPE_MESSAGE = '附件只能是照片（JPG、PNG）或纪要（PDF、Word .docx），该文件的内容不是这些格式';
export const ATTACHMENT_SIZE_MESSAGE = `附件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;

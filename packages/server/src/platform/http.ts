import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import { badRequest, unauthorized, AppError } from './errors.ts';

export const SESSION_COOKIE = 'pgs_session';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** D19: bulk uploads (imports) take up to 64 MB; everything else the default 1 MB body limit. */
export const BULK_LIMIT_BYTES = 64 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** Chinese file names survive every browser through RFC 5987's filename*. */
export function sendFile(
  reply: FastifyReply,
  file: { buffer: Buffer | NodeJS.ReadableStream; fileName: string },
  mime = XLSX_MIME,
) {
  const asciiFallback = file.fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', mime)
    .header(
      'content-disposition',
      `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.buffer);
}

/** The one uploaded file of a multipart request, read whole (imports are all-or-nothing anyway). */
export async function uploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件（字段名 file）');
  try {
    const file = await request.file({ limits: { fileSize: BULK_LIMIT_BYTES, files: 1 } });
    if (!file) throw badRequest('没有收到上传的文件');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw tooLarge();
    return buffer;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge();
    // busboy's own messages ("Unexpected end of form", "Boundary not found") mean a broken upload, not a server fault.
    throw badRequest('上传的内容不完整或格式不正确，请重新选择文件上传');
  }
}

const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', '上传的文件超过 64 MB 上限');

/** A body the route reads as CSV: an uploaded file, or the request body sent as text/csv. Anything else is a 415. */
export async function uploadedCsv(request: FastifyRequest): Promise<string> {
  if (request.isMultipart()) return (await uploadedFile(request)).toString('utf8');
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/csv')
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '请上传 CSV 文件：multipart/form-data（字段名 file）或 Content-Type: text/csv',
    );
  return typeof request.body === 'string' ? request.body : '';
}

/**
 * Starts a row generator before the response is sent: its first step runs the service's permission and scope
 * checks, so a refusal is still a proper 4xx rather than a broken download.
 */
export async function primed<T>(rows: AsyncGenerator<T>): Promise<AsyncIterable<T>> {
  const first = await rows.next();
  return (async function* all() {
    if (!first.done) yield first.value;
    yield* rows;
  })();
}

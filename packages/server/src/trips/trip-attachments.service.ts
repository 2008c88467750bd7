import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_SIZE_MESSAGE,
  ATTACHMENT_TYPE_MESSAGE,
  sniffAttachment,
  type AttachmentKind,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../platform/errors.ts';
import { zipEntries } from '../platform/zip-entries.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { attachmentOf, bumpTripVersion, insertAttachment, tripById } from './trips.repository.ts';
import { requirePlatformVisible } from './trips-scope.ts';
import { getTrip } from './trips.service.ts';

/**
 * R2.8 报备 attachments: photos (JPEG, PNG) or minutes (PDF, Word .docx), at most 5 MB, typed by their bytes. A wrong
 * type or a file too large is a 4xx and nothing is stored; the file is kept in the database (trips.table.ts says why).
 */

export type Upload = { fileName: string; content: Buffer };

const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', ATTACHMENT_SIZE_MESSAGE);

/** The one file of a multipart request, cut at the limit (busboy stops reading there: a 413, nothing kept). */
export async function uploadedAttachment(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest('请以 multipart/form-data 上传附件（字段名 file）');
  try {
    const file = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } });
    if (!file) throw badRequest('没有收到上传的附件');
    const content = await file.toBuffer();
    if (file.file.truncated) throw tooLarge();
    return { fileName: file.filename || '附件', content };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge();
    throw badRequest('上传的内容不完整或格式不正确，请重新选择文件上传');
  }
}

/**
 * What the bytes are, or a 415: by content only — a photo renamed .pdf is still a JPEG, an .exe renamed .jpg refused.
 */
export function attachmentKind(content: Buffer): AttachmentKind {
  const sniffed = sniffAttachment(content);
  if (sniffed === null) throw new AppError(415, 'BAD_ATTACHMENT', ATTACHMENT_TYPE_MESSAGE);
  if (sniffed !== 'zip') return sniffed;
  try {
    if (zipEntries(content).has('word/document.xml')) return 'docx';
  } catch {
    // a damaged zip is not a Word document either
  }
  throw new AppError(415, 'BAD_ATTACHMENT', ATTACHMENT_TYPE_MESSAGE);
}

/** A file name people can read back: no path, no control characters, at most 100 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  // Code points, not UTF-16 units: a name of rare characters is not cut inside one.
  return Array.from(clean || '附件')
    .slice(0, 100)
    .join('');
}

/** `POST /trips/:id/attachments?version=`: the platform adds a photo or minutes to its own trip. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  key: { tripId: number; version: number },
  receive: () => Promise<Upload>,
  now: Date,
) {
  requirePermission(actor, 'trips.report');
  const trip = await tripById(db, key.tripId);
  if (!trip) throw notFound('没有找到该外出招商记录');
  requirePlatformVisible(actor, trip.platformKey, '外出招商记录');
  if (trip.withdrawnAt) throw conflict('该外出招商报备已撤回，不能再上传附件', 'TRIP_WITHDRAWN');
  const upload = await receive();
  if (upload.content.length === 0) throw badRequest('上传的附件是空文件');
  const kind = attachmentKind(upload.content);
  const fileName = cleanFileName(upload.fileName);
  await db.transaction(async (tx) => {
    if (!(await bumpTripVersion(tx, key.tripId, key.version))) throw staleVersion('该外出招商记录');
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    const id = await insertAttachment(tx, {
      tripId: key.tripId,
      fileName,
      kind,
      sizeBytes: upload.content.length,
      sha256,
      content: upload.content,
      uploadedAt: now,
      uploadedBy: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'trips.attach',
        entityType: 'trip',
        entityId: key.tripId,
        after: { attachmentId: id, fileName, kind, sizeBytes: upload.content.length, sha256 },
      },
      now,
    );
  });
  return getTrip(db, actor, key.tripId);
}

/** `GET /trips/:id/attachments/:attachmentId`: the file as stored, with its checked type. */
export async function readAttachment(db: Db, actor: Actor, tripId: number, attachmentId: number) {
  requirePermission(actor, 'trips.read');
  const trip = await tripById(db, tripId);
  if (!trip) throw notFound('没有找到该外出招商记录');
  requirePlatformVisible(actor, trip.platformKey, '外出招商记录');
  const row = await attachmentOf(db, tripId, attachmentId);
  if (!row) throw notFound('没有找到该附件');
  return {
    fileName: row.fileName,
    buffer: row.content,
    mime: (ATTACHMENT_KINDS as Partial<Record<string, { mime: string }>>)[row.kind]?.mime ?? 'application/octet-stream',
  };
}

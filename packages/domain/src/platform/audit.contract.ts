import { z } from 'zod';
import { wellFormedText } from './request-text.ts';
import { calendarDaySchema } from './common.contract.ts';

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  /** The actor's display name today (issue 9: people are shown by name; the start-up seeding reads 系统). */
  actorDisplayName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Position in the chain: 1, 2, 3 … without gaps. */
  seq: z.number(),
  /** The client's address and user agent; null for the system's own work (seeding, scripts). */
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  entityType: wellFormedText('对象类型').max(50).optional(),
  action: wellFormedText('操作').max(80).optional(),
  actor: wellFormedText('操作人').max(64).optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
});

/**
 * Why verify stopped: rows missing (a gap in seq), a row that does not link to the one before, a row edited
 * (content no longer matches its HMAC) or forged (a hash made without the key), a row that differs from what an
 * anchor recorded, an anchor beyond the last row (the newest rows were cut off), or an anchor line forged.
 */
export const auditVerifyReasonSchema = z.enum([
  'missing',
  'unlinked',
  'edited',
  'forged',
  'anchor_mismatch',
  'anchor_beyond_end',
  'anchor_forged',
]);
export type AuditVerifyReason = z.infer<typeof auditVerifyReasonSchema>;

export const auditVerifySchema = z.object({
  intact: z.boolean(),
  reason: auditVerifyReasonSchema.nullable(),
  checked: z.number(),
  /** The first bad row's seq (for missing rows: the first one missing). */
  firstBrokenSeq: z.number().nullable(),
  /** Its id, when the row is there. */
  firstBrokenId: z.number().nullable(),
  message: z.string(),
  /** Anchors read from the anchor file, and when the newest was written. */
  anchors: z.number(),
  lastAnchorAt: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

/** The API's error body (DESIGN.md): a code, a Chinese sentence, and details. */

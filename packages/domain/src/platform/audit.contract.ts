import { z } from 'zod';
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
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  entityType: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  actor: z.string().max(64).optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
});

export const auditVerifySchema = z.object({
  intact: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().nullable(),
  message: z.string(),
});

/** The API's error body (DESIGN.md): a code, a Chinese sentence, and details. */

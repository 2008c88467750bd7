import { z } from 'zod';
import { wellFormedText } from './request-text.ts';
import { calendarDaySchema } from './common.contract.ts';

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
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
  entityType: wellFormedText('对象类型').max(50).optional(),
  action: wellFormedText('操作').max(80).optional(),
  actor: wellFormedText('操作人').max(64).optional(),
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

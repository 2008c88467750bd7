import { z } from 'zod';

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
  entityType: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  actor: z.string().max(64).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }).optional(),
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
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

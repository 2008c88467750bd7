import { z } from 'zod';
import { ACCOUNT_CHANGE_KINDS } from './account-changes.ts';

/** One account change as the auditor reviews it (GET /account-changes). */
export const accountChangeSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.enum(ACCOUNT_CHANGE_KINDS),
  kindLabel: z.string(),
  /** Who made the change: the admin's user name, or 'operator' for the command line. */
  actorName: z.string(),
  actorDisplayName: z.string(),
  userId: z.number(),
  username: z.string(),
  description: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
});
export type AccountChange = z.infer<typeof accountChangeSchema>;

export const accountChangesQuerySchema = z.object({
  reviewed: z.enum(['true', 'false', 'all'], { error: 'reviewed 只能是 true、false 或 all' }).default('false'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const accountChangeIdParamsSchema = z.object({
  id: z.coerce.number({ error: '编号必须是数字' }).int().positive(),
});

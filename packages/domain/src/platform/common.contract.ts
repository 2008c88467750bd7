import { z } from 'zod';
import { isCalendarDay } from './dates.ts';

/** The error body every route answers with (DESIGN.md API contract). */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** A day as 'YYYY-MM-DD' that exists on the calendar (2026-02-30 is refused, not rolled over to March). */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(isCalendarDay, { error: (issue) => `日期 ${String(issue.input)} 不存在` });

import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { KEY_TASK_STATUSES, LEAD_DEPARTMENTS } from './key-task-status.ts';

/** R4.4 key-task list (附件1 任务安排表): the contract of /api/v1/key-tasks. */

const text = (label: string, max: number) =>
  wellFormedText(label)
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

/** A figure as an exact decimal string (D1), ≥ 0, at most 6 decimals. */
export const keyTaskFigureSchema = (label: string) =>
  z
    .union(
      [z.number({ error: `${label}必须是数字` }), z.string().regex(/^\d+(\.\d+)?$/, { error: `${label}必须是数字` })],
      { error: `${label}必须是数字` },
    )
    .transform((value) => String(value))
    .refine((value) => /^\d{1,14}(\.\d{1,6})?$/.test(value), {
      error: `${label}应为不超过 14 位整数、6 位小数的非负数`,
    });

export const keyTaskYearSchema = z.coerce
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(2000, { error: '年度应在 2000–2100 之间' })
  .max(2100, { error: '年度应在 2000–2100 之间' });

const platformKeySchema = z.enum(PLATFORM_KEYS, { error: '平台不存在：应为 oujiangkou、zhenan 或 hitech' });
export const leadDepartmentSchema = z.enum(LEAD_DEPARTMENTS, { error: '牵头部门应为 drc、bureau 或 eitc' });

export const keyTaskInputSchema = z
  .object({
    year: keyTaskYearSchema,
    title: text('任务名称', 200),
    leadDepartment: leadDepartmentSchema,
    platformKeys: z
      .array(platformKeySchema, { error: '涉及平台必须是平台列表' })
      .max(3)
      .refine((keys) => new Set(keys).size === keys.length, { error: '涉及平台不能重复' }),
    deadline: calendarDaySchema,
    target: keyTaskFigureSchema('目标值'),
    unit: text('计量单位', 20),
    description: wellFormedText('任务说明').trim().max(2000, { error: '任务说明不能超过 2000 个字' }).default(''),
  })
  .refine((input) => Number(input.deadline.slice(0, 4)) === input.year, {
    error: '完成期限应在任务所属年度内',
    path: ['deadline'],
  });
export type KeyTaskInput = z.infer<typeof keyTaskInputSchema>;
export const keyTaskUpdateSchema = keyTaskInputSchema.and(
  z.object({ version: z.number({ error: '请提供任务版本号 version' }).int().positive() }),
);
export const keyTaskDeleteSchema = z.object({
  version: z.coerce.number({ error: '请提供任务版本号 version' }).int().positive(),
});

export const keyTaskIdParamsSchema = z.object({ id: idSchema('任务编号') });

export const keyTaskPartSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS).nullable(),
  reached: z.string(),
  share: z.number(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The month of the latest report of this part, or null. */
  lastMonth: z.string().nullable(),
});

export const keyTaskSchema = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  leadDepartment: leadDepartmentSchema,
  platformKeys: z.array(z.enum(PLATFORM_KEYS)),
  deadline: z.string(),
  target: z.string(),
  unit: z.string(),
  description: z.string(),
  /** Computed as of `asOf` (R4.4), never stored. */
  asOf: z.string(),
  status: z.enum(KEY_TASK_STATUSES),
  overdue: z.boolean(),
  parts: z.array(keyTaskPartSchema),
  version: z.number(),
  updatedAt: z.string(),
  updatedByName: z.string(),
});
export type KeyTaskView = z.infer<typeof keyTaskSchema>;

export const keyTaskFilterSchema = z.object({
  year: keyTaskYearSchema,
  asOf: calendarDaySchema.optional(),
  status: z.enum(KEY_TASK_STATUSES, { error: '状态应为 not_started、in_progress、done 或 overdue' }).optional(),
  platformKey: platformKeySchema.optional(),
  q: wellFormedText('关键词').trim().max(100, { error: '关键词不能超过 100 个字' }).optional(),
});
export const keyTaskListQuerySchema = keyTaskFilterSchema.extend({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
});

export const progressMonthSchema = z
  .string({ error: '月份必须是文字' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' });

export const progressInputSchema = z.object({
  month: progressMonthSchema,
  platformKey: platformKeySchema.nullable(),
  value: keyTaskFigureSchema('累计完成值'),
  note: wellFormedText('进展说明').trim().max(2000, { error: '进展说明不能超过 2000 个字' }).default(''),
  /** 0 for the month's first report of this part; the report's version to change it. */
  version: z.number({ error: '请提供版本号 version（首次报送为 0）' }).int().min(0),
});
export type ProgressInput = z.infer<typeof progressInputSchema>;

export const progressReportSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  month: z.string(),
  platformKey: z.enum(PLATFORM_KEYS).nullable(),
  value: z.string(),
  note: z.string(),
  reportedOn: z.string(),
  reportedBy: z.string(),
  reportedByName: z.string(),
  version: z.number(),
});
export type ProgressReportView = z.infer<typeof progressReportSchema>;

export const keyTaskDetailSchema = keyTaskSchema.extend({ reports: z.array(progressReportSchema) });
export type KeyTaskDetail = z.infer<typeof keyTaskDetailSchema>;

export const completionQuerySchema = z.object({ year: keyTaskYearSchema, asOf: calendarDaySchema.optional() });
export const platformCompletionSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS),
  parts: z.number(),
  done: z.number(),
  completionShare: z.number().nullable(),
  progressShare: z.number().nullable(),
  overdue: z.number(),
});
export const completionSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  platforms: z.array(platformCompletionSchema),
});

export const keyTaskImportQuerySchema = z.object({
  year: keyTaskYearSchema,
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun 应为 true 或 false' })
    .default('true')
    .transform((v) => v === 'true'),
});
export const keyTaskImportReportSchema = z.object({
  year: z.number(),
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  valid: z.boolean(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
});
export type KeyTaskImportReport = z.infer<typeof keyTaskImportReportSchema>;

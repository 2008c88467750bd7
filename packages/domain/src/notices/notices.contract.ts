import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';
import { NOTICE_KINDS, NOTICE_STATUSES } from './notice-status.ts';

/** R3.2 公示: the contract of /api/v1/notices (the eitc) and /api/v1/public/notices (anyone, without login). */

const text = (label: string, max: number) =>
  wellFormedText(label)
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

export const noticeKindSchema = z.enum(NOTICE_KINDS, {
  error: '公示类型应为 mu_evaluation（亩均效益综合评价）或 platform_assessment（平台年度考核）',
});

export const createNoticeSchema = z.object({
  kind: noticeKindSchema,
  /** The published result put on notice: for mu_evaluation, the evaluation's id. */
  subjectId: z.number({ error: '请选择要公示的评价' }).int().positive(),
  startDay: calendarDaySchema.optional(),
  workingDays: z
    .number({ error: '公示天数必须是数字' })
    .int({ error: '公示天数必须是整数' })
    .min(1, { error: '公示期至少 1 个工作日' })
    .max(30, { error: '公示期不超过 30 个工作日' })
    .optional(),
});
export type CreateNoticeInput = z.infer<typeof createNoticeSchema>;

export const noticeIdParamsSchema = z.object({ id: idSchema('公示编号') });
export const objectionParamsSchema = noticeIdParamsSchema.extend({ objectionId: idSchema('异议编号') });

export const noticeSchema = z.object({
  id: z.number(),
  kind: noticeKindSchema,
  subjectId: z.number(),
  title: z.string(),
  year: z.number(),
  startDay: z.string(),
  endDay: z.string(),
  workingDays: z.number(),
  status: z.enum(NOTICE_STATUSES),
  objections: z.number(),
  unanswered: z.number(),
  entries: z.number(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type NoticeView = z.infer<typeof noticeSchema>;

export const objectionSchema = z.object({
  id: z.number(),
  reference: z.string(),
  creditCode: z.string(),
  contact: z.string(),
  reason: z.string(),
  submittedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  version: z.number(),
});
export type ObjectionView = z.infer<typeof objectionSchema>;
export const noticeDetailSchema = noticeSchema.extend({ objectionList: z.array(objectionSchema) });

export const answerObjectionSchema = z.object({
  answer: text('答复内容', 2000),
  version: z.number({ error: '请提供异议版本号 version' }).int().positive(),
});

export const noticeListQuerySchema = z.object({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(200).default(50),
});

/** What the public page shows of a notice: its title and dates, nothing from inside the system. */
export const publicNoticeSchema = z.object({
  id: z.number(),
  kind: noticeKindSchema,
  title: z.string(),
  startDay: z.string(),
  endDay: z.string(),
  status: z.enum(NOTICE_STATUSES),
  entries: z.number(),
});
export type PublicNoticeView = z.infer<typeof publicNoticeSchema>;
/** One line of the notice: the enterprise's name and its class (A/B/C/D), nothing else (R3.2). */
export const publicEntrySchema = z.object({ name: z.string(), result: z.string() });
export type PublicEntry = z.infer<typeof publicEntrySchema>;
export const publicEntriesQuerySchema = noticeListQuerySchema.extend({
  q: wellFormedText('企业名称').trim().max(100, { error: '企业名称不能超过 100 个字' }).optional(),
});

export const lodgeObjectionSchema = z.object({
  creditCode: creditCodeSchema,
  contact: text('联系人及电话', 100),
  reason: text('异议理由', 2000),
});
export type LodgeObjectionInput = z.infer<typeof lodgeObjectionSchema>;
export const objectionReceiptSchema = z.object({ reference: z.string(), submittedAt: z.string() });

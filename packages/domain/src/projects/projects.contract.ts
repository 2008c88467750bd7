import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { industryCodeSchema } from '../industries/industries.contract.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { calendarDaySchema, pageOf } from '../platform/common.contract.ts';
import { creditCodeSchema } from './credit-code.ts';
import { PROJECT_STATUSES } from './pipeline.ts';

/** 万元 and 亩 as JSON numbers or decimal strings; text in a number field is refused with the field's name. */
const amount = (label: string) =>
  z
    .union(
      [z.number({ error: `${label}必须是数字` }), z.string().regex(/^\d+(\.\d+)?$/, { error: `${label}必须是数字` })],
      { error: `${label}必须是数字` },
    )
    .transform((value) => String(value))
    .refine((value) => Number.isFinite(Number(value)) && value.replace('.', '').length <= 20, {
      error: `${label}数值过大`,
    });
const nonNegative = (label: string) =>
  amount(label).refine((value) => Number(value) >= 0, { error: `${label}不能为负数` });
const positive = (label: string) => amount(label).refine((value) => Number(value) > 0, { error: `${label}必须大于 0` });
const text = (label: string, max: number) =>
  wellFormedText(label)
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

/** DESIGN.md `POST /api/v1/projects` (D5: land in 亩 or m², or neither; D6: fixed assets ≤ total). */
export const reportProjectSchema = z
  .object({
    name: text('项目名称', 200),
    platformKey: platformKeySchema,
    investorName: text('投资方名称', 200),
    investorCreditCode: creditCodeSchema.optional().nullable(),
    industryCode: industryCodeSchema,
    totalInvestment: positive('总投资'),
    fixedAssetInvestment: nonNegative('固定资产投资'),
    landArea: positive('用地面积（亩）').optional().nullable(),
    landAreaM2: positive('用地面积（平方米）').optional().nullable(),
    expectedAnnualTax: nonNegative('预计年税收'),
    expectedAnnualOutput: nonNegative('预计年产值').optional().nullable(),
    description: wellFormedText('项目简介').max(5000, { error: '项目简介不能超过 5000 个字' }).optional(),
  })
  .refine((input) => Number(input.fixedAssetInvestment) <= Number(input.totalInvestment), {
    error: '固定资产投资不能大于总投资',
    path: ['fixedAssetInvestment'],
  })
  .refine((input) => input.landArea == null || input.landAreaM2 == null, {
    error: '用地面积请只填一种单位：亩或平方米',
    path: ['landAreaM2'],
  });
export type ReportProjectInput = z.infer<typeof reportProjectSchema>;

export const transitionSchema = z.object({
  to: z.enum(PROJECT_STATUSES, { error: '目标阶段不存在' }),
  version: z.number({ error: '请提供项目版本号 version' }).int().positive(),
  reason: wellFormedText('原因').trim().max(2000, { error: '原因不能超过 2000 个字' }).optional().nullable(),
  effectiveDate: calendarDaySchema.optional(),
});

/** R2.7 size tiers of a lead, on total investment: ≥ 5亿, ≥ 20亿, ≥ 50亿 元 (in 万元). */
export const SIZE_TIERS = { '5yi': 50_000, '20yi': 200_000, '50yi': 500_000 } as const;
export const SIZE_TIER_LABELS: Record<keyof typeof SIZE_TIERS, string> = {
  '5yi': '5亿元以上',
  '20yi': '20亿元以上',
  '50yi': '50亿元以上',
};

/** The ledger's filters; the export takes the same ones (without paging). */
export const projectFilterSchema = z.object({
  platformKey: platformKeySchema.optional(),
  status: z.enum(PROJECT_STATUSES, { error: '阶段不存在' }).optional(),
  category: z.enum(['encouraged', 'restricted', 'eliminated', 'unlisted'], { error: '类别不存在' }).optional(),
  sizeTier: z.enum(['5yi', '20yi', '50yi'], { error: '规模档次应为 5yi、20yi 或 50yi' }).optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'overdue 应为 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
  q: wellFormedText('搜索词').max(100, { error: '搜索词不能超过 100 个字' }).optional(),
});

export const projectIdParamsSchema = z.object({ id: idSchema('项目编号') });

export const projectEventSchema = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  effectiveDate: z.string(),
  details: z.unknown(),
  at: z.string(),
  actorName: z.string(),
  /** The person's display name (系统 for the system itself), shown in the history instead of the login name. */
  actorDisplayName: z.string(),
});

/** R2.5: the circulation of a project with both shares (D10: the first-negotiation platform still reads it). */
export const projectCirculationViewSchema = z.object({
  fromPlatformKey: z.string(),
  toPlatformKey: z.string(),
  firstPlaceShare: z.number(),
  hostShare: z.number(),
});

export const projectSchema = z.object({
  id: z.number(),
  name: z.string(),
  platformKey: z.string(),
  reportedPlatformKey: z.string(),
  investorName: z.string(),
  investorCreditCode: z.string().nullable(),
  industryCode: z.string(),
  totalInvestment: z.string(),
  fixedAssetInvestment: z.string(),
  landMu: z.string().nullable(),
  landless: z.boolean(),
  expectedAnnualTax: z.string(),
  expectedAnnualOutput: z.string().nullable(),
  description: z.string(),
  category: z.string(),
  catalogVersion: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  version: z.number(),
  firstReport: z.boolean(),
  duplicateOf: z.number().nullable(),
  /** D10: a duplicate shows the first report's platform and date. */
  firstReportInfo: z.object({ projectId: z.number(), platformKey: z.string(), reportedAt: z.string() }).nullable(),
  reportedAt: z.string(),
  reportedBy: z.string(),
  trackedOn: z.string().nullable(),
  landedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  negotiationDeadline: z.string().nullable(),
  overdue: z.boolean(),
  /** D10: set once the project has circulated; the first-negotiation platform keeps reading it with its share. */
  circulation: projectCirculationViewSchema.nullable(),
});
export type ProjectView = z.infer<typeof projectSchema>;

/** Every field of a project as the ledger lists it. */
export const PROJECT_VIEW_FIELDS = Object.keys(projectSchema.shape) as Array<keyof ProjectView>;
const projectViewFieldSchema = z.enum(PROJECT_VIEW_FIELDS as [keyof ProjectView, ...Array<keyof ProjectView>], {
  error: (issue) => `无法识别的字段：${String(issue.input)}`,
});

/**
 * GET /projects `fields` (issue #15, reads that fetch only what they show): the fields each listed project carries,
 * comma-separated; the id always. Without it a project carries every field.
 */
const projectFieldsSchema = z
  .string()
  .max(1000, { error: '字段列表过长' })
  .transform((text) => [
    ...new Set([
      'id',
      ...text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ]),
  ])
  .pipe(z.array(projectViewFieldSchema));

export const projectListQuerySchema = projectFilterSchema.extend({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
  fields: projectFieldsSchema.optional(),
});

/** A page of the ledger: each project with every field, or with the `fields` asked for (the id always). */
export const projectPageSchema = pageOf(
  projectSchema.partial().required({ id: true }).describe('项目；请求给出 fields 时只含所列字段'),
);
export const projectDetailSchema = projectSchema.extend({ history: z.array(projectEventSchema) });

/** DESIGN.md `POST /projects/:id/evaluation`: the filled sheet (D7) and the written opinion (R2.2). */
export const evaluationInputSchema = z.object({
  scores: z.record(wellFormedText('评分项代码').max(50), z.number({ error: '评分必须是数字' }), {
    error: '请填写评分表 scores',
  }),
  opinion: text('书面评审意见', 5000),
  /**
   * Issue #10.6: ignored — the reviewer on record is always the signed-in user (a sheet cannot be put in someone
   * else's name); other members of the review are named in `panel`. Kept so older clients are not refused.
   */
  reviewer: z.unknown().optional(),
  /** Other members of the review panel, recorded beside the signed-in user. */
  panel: z
    .array(
      wellFormedText('评审组成员')
        .trim()
        .min(1, { error: '评审组成员姓名不能为空' })
        .max(50, { error: '评审组成员姓名不能超过 50 个字' }),
    )
    .max(20, { error: '评审组成员最多 20 人' })
    .optional(),
  /** The day of the review: today or earlier, not before the project's first report (default today). */
  reviewedOn: calendarDaySchema.optional(),
  /** The project version the reviewer saw (#10.12): of simultaneous evaluations one is stored, the others get 409. */
  version: z.number({ error: '请提供项目版本号 version' }).int().positive(),
});

/** Undo the newest stage move (issue #9): the version the user saw, so a stale undo gets 409. */
export const undoTransitionSchema = z.object({
  version: z.number({ error: '请提供项目版本号 version' }).int().positive(),
});

export const evaluationResultSchema = z.object({
  id: z.number(),
  passes: z.boolean(),
  category: z.string(),
  landless: z.boolean(),
  investmentIntensity: z.string().nullable(),
  taxPerMu: z.string().nullable(),
  sheetTotal: z.number(),
  passMark: z.number(),
  reasons: z.array(z.string()),
  opinion: z.string(),
  reviewer: z.string(),
  reviewedOn: z.string(),
  projectVersion: z.number(),
});

export const circulationInputSchema = z.object({
  toPlatformKey: platformKeySchema,
  firstPlaceShare: z.union([z.number(), z.string()], { error: '首谈地分成比例必须是数字' }).optional(),
  reason: text('流转原因', 2000),
  version: z.number().int().positive().optional(),
});

export const circulationResultSchema = z.object({
  fromPlatformKey: z.string(),
  toPlatformKey: z.string(),
  firstPlaceShare: z.number(),
  hostShare: z.number(),
  projectVersion: z.number(),
});

export const investmentSummaryQuerySchema = z.object({
  year: z.coerce
    .number({ error: '年份必须是数字' })
    .int()
    .min(2000, { error: '年份应在 2000–2100 之间' })
    .max(2100, { error: '年份应在 2000–2100 之间' }),
});

export const investmentSummarySchema = z.object({
  platformKey: z.string(),
  year: z.number(),
  projects: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      status: z.string(),
      credit: z.number(),
      counted: z.boolean(),
      reason: z.string(),
    }),
  ),
  totalCredit: z.number(),
});

/** One evaluation as it was scored: the sheet of that day, the scores, the verdict's reasons and the opinion. */
export const projectEvaluationRecordSchema = z.object({
  id: z.number(),
  sheet: z.object({
    name: z.string(),
    passMark: z.number(),
    items: z.array(
      z.object({
        code: z.string(),
        dimension: z.string(),
        label: z.string(),
        maxScore: z.number(),
        guidance: z.string(),
      }),
    ),
  }),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  passes: z.boolean(),
  reasons: z.array(z.string()),
  opinion: z.string(),
  reviewer: z.string(),
  reviewedOn: z.string(),
  at: z.string(),
  actorName: z.string(),
});
export type ProjectEvaluationRecord = z.infer<typeof projectEvaluationRecordSchema>;

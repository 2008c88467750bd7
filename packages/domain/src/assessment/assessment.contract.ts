import { z } from 'zod';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { idSchema } from '../platform/ids.ts';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { wellFormedText } from '../platform/request-text.ts';
import { CRITERION_GROUPS, FIGURE_SOURCES, manualItemSchema, rubricSchema } from './rubric.ts';
import { WARNING_KINDS } from './warnings.ts';
import { MILESTONE_KINDS, MILESTONE_STATES } from './milestones.ts';

/** The API of the platforms' yearly assessment (平台考核, R4.2–R4.3; D21: "assessment", never "evaluation"). */

const yearRange = (schema: z.ZodNumber) =>
  schema.min(2000, { error: '年度应在 2000–2100 之间' }).max(2100, { error: '年度应在 2000–2100 之间' });

export const assessmentYearParamsSchema = z.object({
  year: z
    .string({ error: '年度必须是数字' })
    .regex(/^[0-9]{4}$/, { error: '年度应为四位数字，如 2025' })
    .transform(Number)
    .pipe(yearRange(z.number())),
});
export const assessmentIdParamsSchema = z.object({ id: idSchema('考核编号') });

export const rubricInputSchema = z.object({
  rubric: rubricSchema,
  version: z.number({ error: '请提供版本号 version' }).int().min(1, { error: '版本号应为正整数' }),
});
export type RubricInput = z.infer<typeof rubricInputSchema>;

export const rubricViewSchema = z.object({
  year: z.number(),
  rubric: rubricSchema,
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable(),
  isDefault: z.boolean(),
});
export type RubricView = z.infer<typeof rubricViewSchema>;

export const createAssessmentSchema = z.object({
  year: yearRange(z.number({ error: '年度必须是数字' }).int({ error: '年度必须是整数' })),
  asOf: calendarDaySchema.optional(),
  simulate: z.boolean({ error: 'simulate 应为 true 或 false' }).optional(),
  /** Only with `simulate`: another rubric to compare with the saved one. */
  rubric: rubricSchema.optional(),
});
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

export const figureRowSchema = z.object({
  kind: z.enum(['project', 'enterprise', 'evaluation_run', 'parcel', 'case', 'target', 'trip', 'task', 'milestone']),
  ref: z.string(),
  name: z.string(),
  figure: z.string(),
  note: z.string(),
});
export const figureSchema = z.object({
  available: z.boolean(),
  value: z.string().nullable(),
  target: z.string().nullable(),
  unit: z.string(),
  explanation: z.string(),
  /** How many rows are behind the figure; GET /assessments/:id/figures/:source/rows pages them. */
  rowCount: z.number(),
});

/** A figure's rows, a page at a time: the assessment, the figure's source and the platform. */
export const figureRowsParamsSchema = assessmentIdParamsSchema.extend({
  source: z.enum(FIGURE_SOURCES, { error: '数据来源不存在' }),
});
export const figureRowsQuerySchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在' }),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, { error: '页码应为正整数' }).default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1, { error: '每页条数应在 1–200 之间' })
    .max(200, { error: '每页条数应在 1–200 之间' })
    .default(20),
});
export type FigureRowsQuery = z.infer<typeof figureRowsQuerySchema>;
/** The export of a figure's rows: every row, so no page. */
export const figureRowsExportQuerySchema = figureRowsQuerySchema.pick({ platformKey: true });

export const scoredCriterionSchema = z.object({
  key: z.string(),
  group: z.enum(CRITERION_GROUPS),
  groupLabel: z.string(),
  label: z.string(),
  source: z.enum(FIGURE_SOURCES),
  weight: z.number(),
  cap: z.number().nullable(),
  figure: figureSchema,
  rank: z.number().nullable(),
  points: z.number(),
  capped: z.boolean(),
  explanation: z.string(),
});

export const bonusProjectSchema = z.object({
  id: z.number(),
  name: z.string(),
  totalInvestment: z.string(),
  share: z.number(),
  points: z.number(),
});

export const warningSchema = z.object({ kind: z.enum(WARNING_KINDS), label: z.string(), reason: z.string() });

export const scheduleCheckSchema = z.object({
  checked: z.boolean(),
  checkedOn: z.string().nullable(),
  quarter: z.number().nullable(),
  elapsedShare: z.string().nullable(),
  requiredShare: z.string().nullable(),
  progressShare: z.string().nullable(),
  behind: z.boolean(),
  reason: z.string(),
});

/** A platform's row. For a platform user, other platforms' rows carry only the ranking (criteria etc. empty). */
export const platformAssessmentSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS),
  platformName: z.string(),
  score: z.number(),
  rank: z.number(),
  /** false: another platform's row seen by a platform user — ranking only. */
  detailed: z.boolean(),
  criteria: z.array(scoredCriterionSchema),
  manual: z.array(manualItemSchema),
  bonus: z.object({ points: z.number(), projects: z.array(bonusProjectSchema) }),
  schedule: scheduleCheckSchema.nullable(),
  warnings: z.array(warningSchema),
});
export type PlatformAssessmentView = z.infer<typeof platformAssessmentSchema>;

export const ASSESSMENT_STATUSES = ['draft', 'published', 'simulation'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: '试算（未发布）',
  published: '已发布',
  simulation: '模拟（未保存）',
};

export const assessmentSummarySchema = z.object({
  id: z.number().nullable(),
  year: z.number(),
  asOf: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  rubricName: z.string(),
  rubricVersion: z.number(),
  /** For the list: platform → rank and score. */
  ranking: z.array(z.object({ platformKey: z.enum(PLATFORM_KEYS), score: z.number(), rank: z.number() })),
  warningCount: z.number(),
  createdAt: z.string(),
  createdByName: z.string(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentViewSchema = assessmentSummarySchema.extend({
  rubric: rubricSchema.nullable(),
  platforms: z.array(platformAssessmentSchema),
  warningNote: z.string(),
  /** Projects considered for the R4.3 bonus that did not qualify, with the reason (drc and leader only). */
  bonusExcluded: z.array(z.object({ id: z.number(), name: z.string(), platformKey: z.string(), reason: z.string() })),
});
export type AssessmentView = z.infer<typeof assessmentViewSchema>;

export const assessmentListQuerySchema = z.object({
  year: z.coerce.number({ error: '年度必须是数字' }).int().min(2000).max(2100).optional(),
  status: z.enum(['draft', 'published'], { error: '状态应为 draft 或 published' }).optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(200).default(50),
});

// ---------------------------------------------------------------- interviews (约谈)

export const interviewInputSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在' }),
  year: yearRange(z.number({ error: '年度必须是数字' }).int()),
  assessmentId: z.number().int().positive().nullable().optional(),
  reason: wellFormedText('约谈事由').min(2, { error: '请填写约谈事由' }).max(500),
  heldOn: calendarDaySchema,
  participants: wellFormedText('参加人员').min(2, { error: '请填写参加人员' }).max(300),
  minutes: wellFormedText('约谈纪要').min(4, { error: '请填写约谈纪要（至少 4 个字）' }).max(5000),
  followUpDeadline: calendarDaySchema,
});
export type InterviewInput = z.infer<typeof interviewInputSchema>;

export const interviewViewSchema = interviewInputSchema.extend({
  id: z.number(),
  assessmentId: z.number().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  followUpOverdue: z.boolean(),
});
export type InterviewView = z.infer<typeof interviewViewSchema>;

export const interviewListQuerySchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在' }).optional(),
  year: z.coerce.number({ error: '年度必须是数字' }).int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------------------------------------------------------------- key projects' milestones (§四(三))

export const milestoneListQuerySchema = z.object({
  year: z.coerce.number({ error: '年度必须是数字' }).int().min(2000).max(2100),
  quarter: z.coerce.number({ error: '季度必须是 1–4' }).int().min(1, { error: '季度必须是 1–4' }).max(4, {
    error: '季度必须是 1–4',
  }),
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在' }).optional(),
  lateOnly: z
    .enum(['true', 'false'], { error: 'lateOnly 应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
});

export const milestoneInputSchema = z.object({
  responsibleUnit: wellFormedText('责任单位').min(2, { error: '请填写责任单位' }).max(100),
  milestones: z
    .array(
      z.object({
        kind: z.enum(MILESTONE_KINDS, { error: '节点应为签约、注册落户、开工建设或投产' }),
        planned: calendarDaySchema.nullable(),
        actual: calendarDaySchema.nullable(),
      }),
    )
    .max(4),
  version: z.number({ error: '请提供版本号 version' }).int().min(0),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;
export const milestoneParamsSchema = z.object({ projectId: idSchema('项目编号') });

export const keyProjectSchema = z.object({
  projectId: z.number(),
  name: z.string(),
  platformKey: z.string(),
  status: z.string(),
  responsibleUnit: z.string().nullable(),
  version: z.number(),
  checkDay: z.string(),
  milestones: z.array(
    z.object({
      kind: z.enum(MILESTONE_KINDS),
      label: z.string(),
      planned: z.string().nullable(),
      actual: z.string().nullable(),
      state: z.enum(MILESTONE_STATES),
      stateLabel: z.string(),
    }),
  ),
  late: z.boolean(),
});
export type KeyProjectView = z.infer<typeof keyProjectSchema>;

import { z } from 'zod';
import { idSchema } from '../platform/ids.ts';
import { wellFormedText } from '../platform/request-text.ts';
import { PROGRESS_KEY_PATTERN, RUN_PROGRESS_PHASES } from './run-progress.ts';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { EVALUATION_CLASSES } from './classes.ts';
import { evaluationYearSchema } from '../enterprise-records/enterprise-record.contract.ts';
import { EVALUATION_SETS, evaluationMethodSchema } from './mu-evaluation-method.ts';
import { INDICATOR_CODES } from './indicators.ts';
import { MEASURE_CODES, measureSettingsSchema } from './measures.ts';
import { RECTIFICATION_TRACKS, rectificationSettingsSchema } from './rectification.ts';

/**
 * The zod contract of the evaluation API (issue #4, R3.2–R3.4): the server's routes validate with these and the web
 * reads the same shapes. Shares, cuts and margins are fractions (D2); money and measure amounts are exact decimal
 * strings in 万元 (D1, D3); every list is `{items, total, page, pageSize}` (D19).
 */

/**
 * A run is a draft until the eitc publishes it; publishing another run of the same year supersedes the one
 * published before (one published result per year, D17).
 */
export const EVALUATION_RUN_STATUSES = ['draft', 'published', 'superseded'] as const;
export type EvaluationRunStatus = (typeof EVALUATION_RUN_STATUSES)[number];
export const EVALUATION_RUN_STATUS_LABELS: Record<EvaluationRunStatus, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被替代',
};

/** `none`: enterprises elsewhere in the city, outside the three platforms (they count for the city share, R3.2). */
export const PLATFORM_FILTERS = [...PLATFORM_KEYS, 'none'] as const;
export type PlatformFilter = (typeof PLATFORM_FILTERS)[number];
const platformFilterSchema = z.enum(PLATFORM_FILTERS, {
  error: '平台应为 oujiangkou、zhenan、hitech，或 none（平台外）',
});

const yearParam = z.coerce
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(2000, { error: '年度应在 2000–2100 之间' })
  .max(2100, { error: '年度应在 2000–2100 之间' });

/** Issue #10.7: a year in the path is four plain digits (`%202025` and `2025.0` are not 2025). */
export const evaluationYearParamsSchema = z.object({
  year: z
    .string({ error: '年度必须是数字' })
    .regex(/^[0-9]{4}$/, { error: '年度应为四位数字，如 2025' })
    .transform(Number)
    .pipe(z.number().min(2000, { error: '年度应在 2000–2100 之间' }).max(2100, { error: '年度应在 2000–2100 之间' })),
});
export const evaluationRunParamsSchema = z.object({
  id: idSchema('评价编号'),
});

const paging = {
  page: z.coerce
    .number({ error: '页码必须是数字' })
    .int({ error: '页码必须是整数' })
    .min(1, { error: '页码从 1 开始' })
    .max(1_000_000, { error: '页码过大' })
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int({ error: '每页条数必须是整数' })
    .min(1, { error: '每页至少 1 条' })
    .max(500, { error: '每页最多 500 条' })
    .default(50),
};

/**
 * The stored method's shape without its R3.2 checks: a response is never refused because a rule became stricter
 * after the method was saved (the checks run on every save and every simulation instead).
 */
const evaluationMethodShapeSchema = z.object(evaluationMethodSchema.shape);

// ---------------------------------------------------------------- method per year (R3.2 "configurable, versioned")

/** `PUT /evaluation-methods/:year`: the whole configuration of the year, with the version the user saw (409 if stale). */
export const evaluationMethodInputSchema = z.object({
  method: evaluationMethodSchema,
  measures: measureSettingsSchema,
  rectification: rectificationSettingsSchema,
  version: z
    .number({ error: '请提供评价办法版本号 version' })
    .int({ error: '版本号必须是整数' })
    .positive({ error: '版本号必须大于 0' }),
});
export type EvaluationMethodInput = z.output<typeof evaluationMethodInputSchema>;

/** The year's configuration; until the eitc first saves it, the sourced defaults as version 1 (`isDefault`). */
export const evaluationMethodViewSchema = z.object({
  year: z.number(),
  method: evaluationMethodShapeSchema,
  measures: measureSettingsSchema,
  rectification: rectificationSettingsSchema,
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  isDefault: z.boolean(),
});
export type EvaluationMethodView = z.infer<typeof evaluationMethodViewSchema>;

// ---------------------------------------------------------------- runs

export const classCountsSchema = z.object({
  A: z.number(),
  B: z.number(),
  C: z.number(),
  D: z.number(),
  T: z.number(),
});

/** R3.2 per platform: its D share before and after the push, the target (city + margin) and whether the rule holds. */
export const platformDShareSchema = z.object({
  platformKey: platformKeySchema,
  evaluated: z.number(),
  baseDShare: z.number(),
  dShare: z.number(),
  targetDShare: z.number(),
  movedToD: z.number(),
  ruleHolds: z.boolean(),
  reason: z.string(),
  /** The platform's enterprises per class (T included). */
  counts: classCountsSchema,
});

/** A long job's progress key (run-progress.ts, import-progress.ts): the page makes one per job and polls it. */
export const progressKeySchema = z
  .string({ error: '进度编号必须是文字' })
  .regex(PROGRESS_KEY_PATTERN, { error: '进度编号应为 32 位十六进制数字（0–9、a–f）' });
export const progressParamsSchema = z.object({ key: progressKeySchema });
export const runProgressSchema = z.object({
  phase: z.enum(RUN_PROGRESS_PHASES),
  done: z.number(),
  total: z.number(),
  message: z.string().optional(),
});

export const runEvaluationInputSchema = z.object({
  year: evaluationYearSchema,
  progressKey: progressKeySchema.optional(),
});

export const evaluationRunSummarySchema = z.object({
  id: z.number(),
  year: z.number(),
  /** The run's place among its year's runs, oldest first: shown as "2024年第2次". */
  numberInYear: z.number(),
  status: z.enum(EVALUATION_RUN_STATUSES),
  /** R3.2: the D share under the base cuts across all the city's evaluated enterprises, before any push (D15). */
  cityDShare: z.number(),
  platforms: z.array(platformDShareSchema),
  counts: classCountsSchema,
  /** Enterprises in the run, class T included. */
  total: z.number(),
  methodName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Display names of the people (issue 9: people are shown by name; the start-up seeding reads 系统). */
  createdByName: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable(),
});
export type EvaluationRunSummary = z.infer<typeof evaluationRunSummarySchema>;

export const evaluationRunListQuerySchema = z.object({
  year: yearParam.optional(),
  status: z.enum(EVALUATION_RUN_STATUSES, { error: '状态应为 draft、published 或 superseded' }).optional(),
  ...paging,
});

/** One indicator of a set as the run used it: weight, cap and the benchmark it measured against. */
export const setBenchmarkSchema = z.object({
  code: z.enum(INDICATOR_CODES),
  label: z.string(),
  unit: z.string(),
  weight: z.number(),
  cap: z.number(),
  benchmarkMode: z.enum(['mean', 'fixed']),
  benchmark: z.number().nullable(),
});

export const evaluationRunDetailSchema = evaluationRunSummarySchema.extend({
  sets: z.array(
    z.object({
      set: z.enum(EVALUATION_SETS),
      label: z.string(),
      evaluated: z.number(),
      excluded: z.number(),
      indicators: z.array(setBenchmarkSchema),
    }),
  ),
  method: evaluationMethodShapeSchema,
  measures: measureSettingsSchema,
  rectification: rectificationSettingsSchema,
});
export type EvaluationRunDetail = z.infer<typeof evaluationRunDetailSchema>;

// ---------------------------------------------------------------- results

export const evaluationResultsFilterSchema = z.object({
  platformKey: platformFilterSchema.optional(),
  class: z.enum(EVALUATION_CLASSES, { error: '等级应为 A、B、C、D 或 T' }).optional(),
  set: z.enum(EVALUATION_SETS, { error: '评价组应为 industrial_above、industrial_below 或 service' }).optional(),
  /** Part of the name, or of the 统一社会信用代码. */
  q: wellFormedText('搜索词').trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
});
export type EvaluationResultsFilter = z.output<typeof evaluationResultsFilterSchema>;
export const evaluationResultsQuerySchema = evaluationResultsFilterSchema.extend(paging);

export const indicatorResultSchema = z.object({
  code: z.enum(INDICATOR_CODES),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  benchmark: z.number().nullable(),
  score: z.number().nullable(),
});

/** One enterprise's result with every number that explains it (issue #4 "every number explains itself"). */
export const enterpriseResultSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  platformKey: platformKeySchema.nullable(),
  set: z.enum(EVALUATION_SETS),
  setLabel: z.string(),
  class: z.enum(EVALUATION_CLASSES),
  /** The class under the base cuts; differs from `class` when the D-share push moved the enterprise (R3.2). */
  baseClass: z.enum(EVALUATION_CLASSES),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  percentile: z.number().nullable(),
  setSize: z.number(),
  indicators: z.array(indicatorResultSchema),
  classRule: z.string(),
  excludedReason: z.string().nullable(),
});
export type EvaluationResultView = z.infer<typeof enterpriseResultSchema>;

// ---------------------------------------------------------------- simulation

export const simulationInputSchema = z.object({ year: evaluationYearSchema, method: evaluationMethodSchema });

const classChangeSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  platformKey: platformKeySchema.nullable(),
  from: z.enum(EVALUATION_CLASSES),
  to: z.enum(EVALUATION_CLASSES),
});

/** What the simulated method would give, beside what the year's saved method gives on the same records. */
export const simulationSchema = z.object({
  year: z.number(),
  counts: classCountsSchema,
  cityDShare: z.number(),
  platforms: z.array(platformDShareSchema),
  baseline: z.object({
    label: z.string(),
    methodVersion: z.number(),
    counts: classCountsSchema,
    cityDShare: z.number(),
    platforms: z.array(platformDShareSchema),
  }),
  compared: z.number(),
  changed: z.number(),
  /** 'A→B': how many enterprises moved that way. */
  transitions: z.record(z.string(), z.number()),
  /** The first 50 changes, in the order of the records. */
  sample: z.array(classChangeSchema),
});
export type SimulationView = z.infer<typeof simulationSchema>;

// ---------------------------------------------------------------- measures (R3.3) and rectification (R3.4)

export const measuresFilterSchema = z.object({
  platformKey: platformFilterSchema.optional(),
  class: z.enum(['C', 'D'], { error: '差别化措施只针对 C、D 类企业：等级应为 C 或 D' }).optional(),
});
export type MeasuresFilter = z.output<typeof measuresFilterSchema>;
export const measuresQuerySchema = measuresFilterSchema.extend(paging);

export const measureSchema = z.object({
  code: z.enum(MEASURE_CODES),
  label: z.string(),
  /** Exact decimal (D1): 万元 for the surcharges, 吨标煤 for the quota cut; absent when no amount applies. */
  amount: z.string().optional(),
  unit: z.enum(['万元', '吨标煤']).optional(),
  basis: z.string(),
});

export const measureItemSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  platformKey: platformKeySchema.nullable(),
  class: z.enum(['C', 'D']),
  set: z.enum(EVALUATION_SETS),
  measures: z.array(measureSchema),
});
export type MeasureItemView = z.infer<typeof measureItemSchema>;

export const rectificationFilterSchema = z.object({
  platformKey: platformFilterSchema.optional(),
  track: z
    .enum(RECTIFICATION_TRACKS, {
      error: '整治类别应为 support（帮扶支持）、tax_review（税收重点评估）或 rectify（整治提升）',
    })
    .optional(),
});
export type RectificationFilter = z.output<typeof rectificationFilterSchema>;
export const rectificationQuerySchema = rectificationFilterSchema.extend(paging);

export const rectificationItemSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  platformKey: platformKeySchema.nullable(),
  class: z.enum(EVALUATION_CLASSES),
  /** 亩均税收 to 4 decimals (万元/亩); the bar is judged exactly (D1). */
  taxPerMu: z.string(),
  /** R3.4 bar in 万元/亩, inclusive: '1' city-wide, '5' inside the platforms. */
  bar: z.string(),
  track: z.enum(RECTIFICATION_TRACKS),
  trackLabel: z.string(),
  reason: z.string(),
});
export type RectificationItemView = z.infer<typeof rectificationItemSchema>;

import { z } from 'zod';
import Decimal from 'decimal.js';
import { PLATFORM_KEYS, platformName, type PlatformKey } from '../platform/platforms.ts';
import { wellFormedText } from '../platform/request-text.ts';

/**
 * R4.2 (§四(二)–(三)): the yearly rubric of the platforms' assessment (平台考核实施办法), kept by the drc and versioned
 * per year like the mu-evaluation method. Criteria are grouped as R4.2 names them; each takes its figure from one
 * figure source (the server registers one provider per source), has a weight, a method that turns the figure into
 * points, and a cap or none. Hand-scored items carry their written reason, who and when.
 */

/** R4.2's five areas, plus §四(三) "重点项目全过程管理和动态考核". */
export const CRITERION_GROUPS = [
  'investment_task',
  'industry_fit',
  'cluster_growth',
  'stock_renewal',
  'land_cleanup',
  'key_projects',
] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

export const CRITERION_GROUP_LABELS: Record<CriterionGroup, string> = {
  investment_task: '精准招商任务执行情况',
  industry_fit: '招引项目与鼓励类产业契合度',
  cluster_growth: '主导产业集群发展情况',
  stock_renewal: '存量产业有机更新情况',
  land_cleanup: '土地清理与利用情况',
  key_projects: '重点项目动态考核',
};

/** Where a criterion's figure comes from: one provider per source on the server (assessment/figure-sources.ts). */
export const FIGURE_SOURCES = [
  'investment_task',
  'targets_trips',
  'industry_fit',
  'cluster_growth',
  'mu_evaluation',
  'rectification_closed',
  'land_cleanup',
  'key_milestones',
  'key_tasks',
] as const;
export type FigureSourceKey = (typeof FIGURE_SOURCES)[number];

export const FIGURE_SOURCE_LABELS: Record<FigureSourceKey, string> = {
  investment_task: '年度招商引资任务完成数（按流转分成计）',
  targets_trips: '目标企业库与外出招商',
  industry_fit: '当年首报项目中本平台鼓励类项目占比',
  cluster_growth: '主导产业企业产值与税收同比平均增速',
  mu_evaluation: '亩均评价完成并发布',
  rectification_closed: '整治与更新个案按期销号率',
  land_cleanup: '批而未供、供而未用、腾空土地处置率',
  key_milestones: '重点项目节点按期完成率',
  key_tasks: '年度重点任务清单完成率',
};

const decimalText = (label: string) =>
  z
    .string({ error: `${label}必须是数字（文字形式，如 "0.8"）` })
    .regex(/^-?\d{1,12}(\.\d{1,6})?$/, { error: `${label}应为数字，最多 6 位小数` });

/** A criterion's way to points. Every method yields a share of the weight; the cap (if any) is applied after. */
export const scoringMethodSchema = z.discriminatedUnion(
  'kind',
  [
    /** points = weight × figure ÷ target (target null: the figure's own target, e.g. the platform's yearly task). */
    z.object({ kind: z.literal('proportion'), target: decimalText('目标值').nullable() }),
    /** points = weight × factors[rank − 1]; equal figures share a rank. */
    z.object({
      kind: z.literal('rank'),
      factors: z
        .array(z.number({ error: '名次系数必须是数字' }).min(0).max(10), { error: '名次系数必须是列表' })
        .min(1, { error: '至少填写第 1 名的系数' })
        .max(10),
    }),
    /** points = weight × share of the highest step whose `atLeast` the figure reaches (以上: inclusive). */
    z.object({
      kind: z.literal('thresholds'),
      steps: z
        .array(z.object({ atLeast: decimalText('档次起点'), share: z.number().min(0).max(10) }))
        .min(1, { error: '至少设一个档次' })
        .max(20),
    }),
  ],
  { error: '计分方法应为 proportion（按目标比例）、rank（按名次）或 thresholds（按档次）' },
);
export type ScoringMethod = z.infer<typeof scoringMethodSchema>;

export const criterionSchema = z.object({
  key: z
    .string({ error: '指标代码必须是文字' })
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: '指标代码应为小写字母开头的字母、数字或下划线（最多 40 个）' }),
  group: z.enum(CRITERION_GROUPS, { error: '指标类别不存在' }),
  label: wellFormedText('指标名称').min(1, { error: '请填写指标名称' }).max(60, { error: '指标名称不能超过 60 个字' }),
  source: z.enum(FIGURE_SOURCES, { error: '数据来源不存在' }),
  weight: z
    .number({ error: '权重必须是数字' })
    .gt(0, { error: '权重必须大于 0' })
    .max(100, { error: '权重不能超过 100' }),
  method: scoringMethodSchema,
  /** Upper bound of the criterion's points; null: none (over-fulfilment keeps counting). */
  cap: z.number({ error: '封顶分必须是数字' }).min(0, { error: '封顶分不能为负' }).max(1000).nullable(),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** A hand-scored item (加减分): a written reason is required; who and when are stamped by the server. */
export const manualItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: '加减分项编号格式不正确' }),
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在' }),
  label: wellFormedText('加减分项名称').min(1, { error: '请填写加减分项名称' }).max(60),
  points: z
    .number({ error: '加减分必须是数字' })
    .min(-100, { error: '加减分应在 -100 到 100 之间' })
    .max(100, { error: '加减分应在 -100 到 100 之间' }),
  reason: wellFormedText('加减分理由')
    .min(4, { error: '请写明加减分理由（至少 4 个字）' })
    .max(500, { error: '加减分理由不能超过 500 个字' }),
  by: z.string().optional(),
  at: z.string().optional(),
});
export type ManualItem = z.infer<typeof manualItemSchema>;

export const rubricSchema = z.object({
  name: wellFormedText('办法名称').min(1, { error: '请填写办法名称' }).max(80),
  criteria: z.array(criterionSchema).min(1, { error: '至少设一项考核指标' }).max(30),
  manualItems: z.array(manualItemSchema).max(60),
  /** R2.6 each platform's yearly investment task (个, credit of R2.5 counts in shares). */
  investmentTasks: z.record(z.enum(PLATFORM_KEYS), decimalText('年度招商引资任务数')),
  /** R4.3 / D25: points per qualifying project (default 1), uncapped. */
  bonusPointsPerProject: z.number().min(0).max(100),
  /** R4.3 "明显滞后": progress below this share of the time elapsed at a quarter's check (default 0.8). */
  behindScheduleShare: z
    .number()
    .gt(0, { error: '滞后判定比例必须大于 0' })
    .max(1, { error: '滞后判定比例不能超过 1' }),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const DEFAULT_BONUS_POINTS = 1;
export const DEFAULT_BEHIND_SCHEDULE_SHARE = 0.8;

export function defaultRubric(year: number): Rubric {
  const proportion = (target: string | null): ScoringMethod => ({ kind: 'proportion', target });
  return {
    name: `${year}年度市级三大功能性平台考核实施办法`,
    criteria: [
      {
        key: 'investment_task',
        group: 'investment_task',
        label: '年度招商引资任务完成率',
        source: 'investment_task',
        weight: 25,
        method: proportion(null),
        cap: 30,
      },
      {
        key: 'targets_trips',
        group: 'investment_task',
        label: '目标企业库与外出招商',
        source: 'targets_trips',
        weight: 5,
        method: proportion('1'),
        cap: 5,
      },
      {
        key: 'industry_fit',
        group: 'industry_fit',
        label: '招引项目鼓励类占比',
        source: 'industry_fit',
        weight: 15,
        method: proportion('1'),
        cap: 15,
      },
      {
        key: 'cluster_growth',
        group: 'cluster_growth',
        label: '主导产业产值税收增速',
        source: 'cluster_growth',
        weight: 20,
        method: {
          kind: 'thresholds',
          steps: [
            { atLeast: '0.15', share: 1 },
            { atLeast: '0.1', share: 0.8 },
            { atLeast: '0.05', share: 0.6 },
            { atLeast: '0', share: 0.4 },
          ],
        },
        cap: 20,
      },
      {
        key: 'mu_evaluation',
        group: 'stock_renewal',
        label: '亩均评价完成并发布',
        source: 'mu_evaluation',
        weight: 10,
        method: proportion('1'),
        cap: 10,
      },
      {
        key: 'rectification_closed',
        group: 'stock_renewal',
        label: '整治与更新个案按期销号',
        source: 'rectification_closed',
        weight: 5,
        method: proportion('1'),
        cap: 5,
      },
      {
        key: 'land_cleanup',
        group: 'land_cleanup',
        label: '批而未供、供而未用、腾空土地处置',
        source: 'land_cleanup',
        weight: 15,
        method: { kind: 'rank', factors: [1, 0.8, 0.6] },
        cap: 15,
      },
      {
        key: 'key_milestones',
        group: 'key_projects',
        label: '重点项目节点按期完成率',
        source: 'key_milestones',
        weight: 5,
        method: proportion('1'),
        cap: 5,
      },
    ],
    manualItems: [],
    investmentTasks: { oujiangkou: '6', zhenan: '6', hitech: '6' },
    bonusPointsPerProject: DEFAULT_BONUS_POINTS,
    behindScheduleShare: DEFAULT_BEHIND_SCHEDULE_SHARE,
  };
}

/** Problems the schema cannot see: duplicate keys, unsorted or repeated thresholds, a task for every platform. */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const criterion of rubric.criteria) {
    if (keys.has(criterion.key)) problems.push(`指标代码“${criterion.key}”重复`);
    keys.add(criterion.key);
    if (criterion.method.kind === 'thresholds') {
      const starts = criterion.method.steps.map((step) => step.atLeast);
      if (new Set(starts.map((s) => new Decimal(s).toString())).size !== starts.length)
        problems.push(`指标“${criterion.label}”的档次起点重复`);
    }
    if (criterion.method.kind === 'proportion' && criterion.method.target !== null) {
      if (!new Decimal(criterion.method.target).gt(0)) problems.push(`指标“${criterion.label}”的目标值必须大于 0`);
    }
  }
  const ids = new Set<string>();
  for (const item of rubric.manualItems) {
    if (ids.has(item.id)) problems.push(`加减分项编号“${item.id}”重复`);
    ids.add(item.id);
  }
  for (const key of PLATFORM_KEYS) {
    // A stored rubric may predate a platform: read defensively even though the schema requires every key.
    const task: string | undefined = (rubric.investmentTasks as Partial<Record<PlatformKey, string>>)[key];
    if (task === undefined) problems.push(`请填写${platformName(key)}的年度招商引资任务数`);
    else if (new Decimal(task).lt(0)) problems.push('年度招商引资任务数不能为负');
  }
  return problems;
}

import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { industryCodeSchema } from '../industries/industries.contract.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';
import { isQuarter } from './quarters.ts';
import { TARGET_STATUSES } from './target-status.ts';
import { CHANNEL_KINDS, TARGET_TYPES } from './target-types.ts';
import { TARGET_TIERS } from './tiers.ts';
import { PARCEL_STATES } from '../land/parcel-lifecycle.ts';

const text = (label: string, max: number) =>
  wellFormedText(label)
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });
const optionalText = (label: string, max: number) =>
  wellFormedText(label)
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .optional()
    .nullable();

export const quarterSchema = z
  .string({ error: '季度必须是文本' })
  .refine(isQuarter, { error: '季度格式应为 2026Q1（年份加 Q1–Q4）' });

/** 万元 as a JSON number or decimal string (D1: kept exact). */
const investmentSchema = z
  .union(
    [z.number({ error: '预计投资额必须是数字' }), z.string().regex(/^\d+(\.\d+)?$/, { error: '预计投资额必须是数字' })],
    {
      error: '预计投资额必须是数字',
    },
  )
  .transform((value) => String(value))
  .refine((value) => Number.isFinite(Number(value)) && value.replace('.', '').length <= 16, {
    error: '预计投资额数值过大',
  })
  .refine((value) => Number(value) > 0, { error: '预计投资额必须大于 0' });

/** R2.7 the systematic plan of a target: 招商路径, 规划, 招商策略, 谈判对策. */
export const targetPlanSchema = z.object({
  path: optionalText('招商路径', 2000).default(''),
  planning: optionalText('规划', 2000).default(''),
  strategy: optionalText('招商策略', 2000).default(''),
  tactics: optionalText('谈判对策', 2000).default(''),
});

const targetFields = {
  name: text('企业名称', 200),
  creditCode: creditCodeSchema.optional().nullable(),
  types: z
    .array(z.enum(TARGET_TYPES, { error: '企业类型不存在' }), { error: '企业类型必须是列表' })
    .min(1, { error: '请至少选择一种企业类型' })
    .max(TARGET_TYPES.length),
  hqProvince: text('总部所在省份', 50),
  hqCity: text('总部所在城市', 50),
  industryCode: industryCodeSchema,
  expectedInvestment: investmentSchema,
  plan: targetPlanSchema.default({ path: '', planning: '', strategy: '', tactics: '' }),
  owner: text('责任人', 50),
  status: z.enum(TARGET_STATUSES, { error: '状态不存在' }).default('lead'),
  channelId: z.number({ error: '渠道编号必须是数字' }).int().positive().optional().nullable(),
  /** The written reason that lets a non-encouraged industry be a target (issue #13). */
  reason: optionalText('列为目标的理由', 2000),
  /** The reason of a 放弃. */
  statusReason: optionalText('放弃原因', 2000),
};

/** `POST /api/v1/targets` (issue #13). */
export const createTargetSchema = z.object({ platformKey: platformKeySchema, quarter: quarterSchema, ...targetFields });
export type CreateTargetInput = z.infer<typeof createTargetSchema>;

/** `PUT /api/v1/targets/:id`: every field again, with the version the user saw. */
export const updateTargetSchema = z.object({
  ...targetFields,
  version: z.number({ error: '请提供版本号 version' }).int().positive(),
});
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;

export const linkProjectSchema = z.object({
  projectId: z.number({ error: '项目编号必须是数字' }).int().positive().nullable(),
  version: z.number({ error: '请提供版本号 version' }).int().positive(),
});

export const targetIdParamsSchema = z.object({ id: idSchema('目标企业编号') });

export const targetFilterSchema = z.object({
  platformKey: platformKeySchema.optional(),
  quarter: quarterSchema.optional(),
  tier: z.enum([...TARGET_TIERS, 'none'], { error: '档次应为 5亿、20亿、50亿 或 none' }).optional(),
  type: z.enum(TARGET_TYPES, { error: '企业类型不存在' }).optional(),
  status: z.enum(TARGET_STATUSES, { error: '状态不存在' }).optional(),
  channelId: z.coerce.number({ error: '渠道编号必须是数字' }).int().positive().optional(),
  hqProvince: wellFormedText('省份').max(50).optional(),
  hqCity: wellFormedText('城市').max(50).optional(),
  focus: z
    .enum(['true', 'false'], { error: 'focus 应为 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
  q: wellFormedText('搜索词').max(100, { error: '搜索词不能超过 100 个字' }).optional(),
});
export const targetListQuerySchema = targetFilterSchema.extend({
  /** `tier`: ≥50亿, ≥20亿, ≥5亿, then no tier (TIER_ORDER); `tier_reverse` the other way; default newest quarter first. */
  sort: z.enum(['tier', 'tier_reverse'], { error: '排序应为 tier 或 tier_reverse' }).optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
});

export const targetSchema = z.object({
  id: z.number(),
  lineageId: z.number(),
  platformKey: z.string(),
  quarter: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  types: z.array(z.string()),
  hqProvince: z.string(),
  hqCity: z.string(),
  focusRegion: z.boolean(),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  category: z.string(),
  catalogVersion: z.string().nullable(),
  expectedInvestment: z.string(),
  tier: z.enum(TARGET_TIERS).nullable(),
  plan: z.object({ path: z.string(), planning: z.string(), strategy: z.string(), tactics: z.string() }),
  owner: z.string(),
  status: z.enum(TARGET_STATUSES),
  statusReason: z.string().nullable(),
  reason: z.string().nullable(),
  channelId: z.number().nullable(),
  channelName: z.string().nullable(),
  projectId: z.number().nullable(),
  identifiedOn: z.string(),
  contactedOn: z.string().nullable(),
  carriedFromId: z.number().nullable(),
  quarterClosed: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TargetView = z.infer<typeof targetSchema>;

export const targetListSchema = z.object({
  items: z.array(targetSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const targetEventSchema = z.object({
  id: z.number(),
  quarter: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.unknown(),
  at: z.string(),
  actorName: z.string(),
});

/** A target with its history over every quarter of the same enterprise, and its linked project if any. */
export const targetDetailSchema = targetSchema.extend({
  history: z.array(targetEventSchema),
  quarters: z.array(
    z.object({ id: z.number(), quarter: z.string(), status: z.enum(TARGET_STATUSES), tier: z.string().nullable() }),
  ),
  project: z
    .object({
      id: z.number(),
      name: z.string(),
      status: z.string(),
      reportedOn: z.string(),
      landedOn: z.string().nullable(),
      linkedBy: z.enum(['user', 'creditCode']),
    })
    .nullable(),
  /** The outbound trips (R2.8) that met this enterprise, in any quarter of it, newest first. */
  trips: z.array(
    z.object({
      tripId: z.number(),
      targetId: z.number(),
      startOn: z.string(),
      endOn: z.string(),
      province: z.string(),
      city: z.string(),
    }),
  ),
});

// ── quarters: carry-forward, diff, close ───────────────────────────────────────────────────────────────────────

export const quarterQuerySchema = z.object({ platformKey: platformKeySchema, quarter: quarterSchema });
export const quartersQuerySchema = z.object({ platformKey: platformKeySchema });

export const carryForwardSchema = z.object({
  platformKey: platformKeySchema,
  /** The quarter to fill from the one before it. */
  quarter: quarterSchema,
  drops: z
    .array(z.object({ lineageId: z.number().int().positive(), reason: text('不结转的原因', 500) }))
    .max(5000)
    .default([]),
});

export const closeQuarterSchema = z.object({ platformKey: platformKeySchema, quarter: quarterSchema });

export const quarterStateSchema = z.object({
  platformKey: z.string(),
  quarter: z.string(),
  targets: z.number(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  carriedFrom: z.string().nullable(),
  carriedAt: z.string().nullable(),
});

const diffRowSchema = z.object({
  id: z.number(),
  lineageId: z.number(),
  name: z.string(),
  status: z.string(),
  tier: z.string().nullable(),
});
export const quarterDiffSchema = z.object({
  platformKey: z.string(),
  quarter: z.string(),
  previousQuarter: z.string(),
  added: z.array(diffRowSchema),
  dropped: z.array(z.object({ row: diffRowSchema, reason: z.string() })),
  moved: z.array(
    z.object({
      row: diffRowSchema,
      from: z.object({ status: z.string(), tier: z.string().nullable() }),
      to: z.object({ status: z.string(), tier: z.string().nullable() }),
    }),
  ),
  unchanged: z.number(),
});

export const carryForwardResultSchema = z.object({ quarter: z.string(), carried: z.number(), diff: quarterDiffSchema });

// ── channels ───────────────────────────────────────────────────────────────────────────────────────────────────

export const createChannelSchema = z.object({
  platformKey: platformKeySchema,
  kind: z.enum(CHANNEL_KINDS, { error: '渠道类型不存在' }),
  name: text('渠道名称', 200),
  /** 以商招商: who brought the leads (the entrepreneur, investor or chamber's contact). */
  broughtBy: optionalText('引荐人', 100),
  contact: optionalText('联系方式', 100),
  note: optionalText('备注', 2000),
});
export const updateChannelSchema = createChannelSchema.omit({ platformKey: true }).extend({
  version: z.number({ error: '请提供版本号 version' }).int().positive(),
});
export const channelIdParamsSchema = z.object({ id: idSchema('渠道编号') });

export const channelContractSchema = z
  .object({
    startOn: calendarDaySchema,
    endOn: calendarDaySchema,
    scope: text('委托范围', 2000),
    feeTerms: text('费用条款', 2000),
    version: z.number({ error: '请提供版本号 version' }).int().positive(),
  })
  .refine((input) => input.startOn <= input.endOn, { error: '合同结束日期不能早于开始日期', path: ['endOn'] });

export const channelFilterSchema = z.object({ platformKey: platformKeySchema.optional() });

export const channelSchema = z.object({
  id: z.number(),
  platformKey: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  broughtBy: z.string().nullable(),
  contact: z.string().nullable(),
  note: z.string().nullable(),
  contracts: z.array(
    z.object({ id: z.number(), startOn: z.string(), endOn: z.string(), scope: z.string(), feeTerms: z.string() }),
  ),
  /** Targets that name this channel (distinct enterprises over every quarter) and how many landed. */
  leads: z.number(),
  reported: z.number(),
  landed: z.number(),
  version: z.number(),
});
export const channelListSchema = z.object({
  items: z.array(channelSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ── funnel and maps ────────────────────────────────────────────────────────────────────────────────────────────

export const FUNNEL_GROUPS = ['platform', 'quarter', 'tier', 'type', 'channel'] as const;
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];

export const funnelQuerySchema = z.object({
  platformKey: platformKeySchema.optional(),
  quarter: quarterSchema.optional(),
  year: z.coerce.number({ error: '年度必须是数字' }).int().min(2000).max(2100).optional(),
  groupBy: z.enum(FUNNEL_GROUPS, { error: '分组应为 platform、quarter、tier、type 或 channel' }).default('platform'),
});
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

const funnelFiguresSchema = z.object({
  targets: z.number(),
  contacted: z.number(),
  reported: z.number(),
  landed: z.number(),
  rates: z.object({
    contact: z.number().nullable(),
    report: z.number().nullable(),
    land: z.number().nullable(),
    overall: z.number().nullable(),
  }),
  medianDays: z.object({
    toContact: z.number().nullable(),
    toReport: z.number().nullable(),
    toLand: z.number().nullable(),
  }),
});
export const funnelSchema = z.object({
  groupBy: z.enum(FUNNEL_GROUPS),
  rows: z.array(funnelFiguresSchema.extend({ key: z.string(), label: z.string() })),
  total: funnelFiguresSchema,
});
export type FunnelView = z.infer<typeof funnelSchema>;

export const chinaMapQuerySchema = z.object({
  platformKey: platformKeySchema.optional(),
  quarter: quarterSchema.optional(),
});
const tierCountsSchema = z.object({ '5亿': z.number(), '20亿': z.number(), '50亿': z.number(), none: z.number() });
export const chinaMapSchema = z.object({
  quarter: z.string().nullable(),
  provinces: z.array(
    z.object({
      province: z.string(),
      mapName: z.string(),
      count: z.number(),
      tiers: tierCountsSchema,
      focus: z.boolean(),
    }),
  ),
  cities: z.array(
    z.object({
      province: z.string(),
      city: z.string(),
      count: z.number(),
      tiers: tierCountsSchema,
      focus: z.boolean(),
    }),
  ),
});

export const wenzhouMapSchema = z.object({
  platforms: z.array(
    z.object({
      platformKey: z.string(),
      name: z.string(),
      district: z.string(),
      point: z.tuple([z.number(), z.number()]),
      stages: z.array(z.object({ status: z.string(), count: z.number() })),
      projects: z.number(),
      /** The platform's parcels in the ledger, and how many of them have no point on the map. */
      parcels: z.number(),
      unlocatedParcels: z.number(),
    }),
  ),
  /** The parcel layer (issue #12's ledger, read through the land service), as of `asOf`. */
  parcels: z.object({
    asOf: z.string(),
    withinDays: z.number(),
    points: z.array(
      z.object({
        id: z.number(),
        code: z.string(),
        platformKey: z.string(),
        point: z.tuple([z.number(), z.number()]),
        area: z.string(),
        state: z.enum(PARCEL_STATES),
        idle: z.enum(['normal', 'idle', 'recovery']),
        due: z.enum(['past', 'upcoming']).nullable(),
      }),
    ),
    unlocated: z.number(),
  }),
});

export const divisionsSchema = z.object({
  focusCities: z.array(z.string()),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), cities: z.array(z.string()) })),
});

import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { calendarDaySchema, pageOf } from '../platform/common.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';
import { CLASSIFY_CATEGORIES } from '../catalog/catalog-types.ts';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { DISPOSAL_WAYS, ELIMINATION_MEASURES, EXIT_WAYS, RENEWAL_STATUSES, RENEWAL_TRACKS } from './renewal-tracks.ts';
import { LAND_SPACE_KINDS, PROFILE_MEASURES } from './industry-profile.ts';

/** The renewal cases' API (issue #12: R3.5 tracks and R1.6 catalog consequences) and the industry profile (§三(一)). */

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
const capacity = (label: string) =>
  z
    .union(
      [z.number({ error: `${label}必须是数字` }), z.string().regex(/^\d+(\.\d+)?$/, { error: `${label}必须是数字` })],
      {
        error: `${label}必须是数字`,
      },
    )
    .transform((value) => String(value))
    .refine((value) => Number.isFinite(Number(value)) && value.replace('.', '').length <= 20, {
      error: `${label}数值过大`,
    })
    .refine((value) => Number(value) > 0, { error: `${label}必须大于 0` });
const versionSchema = z.number({ error: '请提供案件版本号 version' }).int().positive();
const yearSchema = z.coerce
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(2000, { error: '年度应在 2000–2100 之间' })
  .max(2100, { error: '年度应在 2000–2100 之间' });

/** `POST /api/v1/renewal-cases`: the fields each track needs are checked by name (a 400 naming the missing one). */
export const createRenewalCaseSchema = z
  .object({
    creditCode: creditCodeSchema,
    track: z.enum(RENEWAL_TRACKS, { error: '案件类型不存在' }),
    department: text('责任部门', 100),
    responsiblePerson: text('责任人', 50),
    deadline: calendarDaySchema,
    /** The day the case was opened (D4: default today). */
    openedOn: calendarDaySchema.optional(),
    planYear: yearSchema.optional().nullable(),
    measure: z.enum(ELIMINATION_MEASURES, { error: '淘汰措施不存在' }).optional().nullable(),
    exitWay: z.enum(EXIT_WAYS, { error: '出清方式不存在' }).optional().nullable(),
    disposalWay: z.enum(DISPOSAL_WAYS, { error: '处置方式不存在' }).optional().nullable(),
    violation: optionalText('违规情形', 1000),
    originalCapacity: capacity('原有产能').optional().nullable(),
    plannedCapacity: capacity('改造后产能').optional().nullable(),
    capacityUnit: optionalText('产能单位', 20),
    environmentOk: z.boolean({ error: '环保要求确认应为是或否' }).optional(),
    safetyOk: z.boolean({ error: '安全要求确认应为是或否' }).optional(),
    energyOk: z.boolean({ error: '能耗要求确认应为是或否' }).optional(),
    /** The parcel an exit vacates (its code in the land module's ledger), linked to 腾空 → 再利用 later. */
    parcelCode: optionalText('地块编号', 50),
    note: optionalText('备注', 2000),
  })
  .superRefine((input, ctx) => {
    const need = (ok: unknown, path: string, message: string) => {
      if (ok === undefined || ok === null || ok === '') ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (input.track === 'elimination') {
      need(input.planYear, 'planYear', '淘汰落后案件须填写计划年度');
      need(input.measure, 'measure', '淘汰落后案件须选择淘汰措施');
    }
    if (input.track === 'overcapacity_cleanup') need(input.violation, 'violation', '清理案件须写明违规情形');
    if (input.track === 'zombie_exit') need(input.exitWay, 'exitWay', '僵尸企业出清案件须选择出清方式');
    if (input.track === 'catalog_relocation') need(input.disposalWay, 'disposalWay', '搬迁处置计划须选择处置方式');
    if (input.track === 'catalog_upgrade') {
      need(input.originalCapacity, 'originalCapacity', '技术改造须填写原有产能');
      need(input.plannedCapacity, 'plannedCapacity', '技术改造须填写改造后产能');
      need(input.capacityUnit, 'capacityUnit', '技术改造须填写产能单位');
    }
    if (input.openedOn && input.deadline < input.openedOn) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: '完成期限不能早于立案日期' });
    }
  });
export type CreateRenewalCaseInput = z.infer<typeof createRenewalCaseSchema>;

export const recordStepSchema = z.object({
  step: z.string({ error: '请选择要登记的步骤 step' }).min(1, { error: '请选择要登记的步骤 step' }).max(40),
  date: calendarDaySchema,
  note: optionalText('进展说明', 2000),
  version: versionSchema,
});

export const closeRenewalCaseSchema = z.object({
  reason: text('撤销原因', 1000),
  version: versionSchema,
});

export const renewalCaseParamsSchema = z.object({
  id: z.coerce.number({ error: '案件编号必须是数字' }).int().positive({ error: '案件编号必须是正整数' }),
});

const asOfSchema = calendarDaySchema.optional();

export const renewalFilterSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在：应为 oujiangkou、zhenan 或 hitech' }).optional(),
  track: z.enum(RENEWAL_TRACKS, { error: '案件类型不存在' }).optional(),
  status: z.enum(RENEWAL_STATUSES, { error: '案件状态不存在' }).optional(),
  department: wellFormedText('责任部门').trim().max(100).optional(),
  planYear: yearSchema.optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).optional(),
  asOf: asOfSchema,
  q: wellFormedText('搜索词').trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
  /** The cases that name this parcel (the parcel page lists them). */
  parcelCode: wellFormedText('地块编号').trim().max(50, { error: '地块编号不能超过 50 个字' }).optional(),
});
export type RenewalFilter = z.infer<typeof renewalFilterSchema>;

export const renewalListQuerySchema = renewalFilterSchema.extend({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, { error: '页码从 1 开始' }).default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int()
    .min(1)
    .max(500, { error: '每页最多 500 条' })
    .default(50),
});

export const renewalStepViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const renewalCaseViewSchema = z.object({
  id: z.number(),
  platformKey: z.enum(PLATFORM_KEYS),
  creditCode: z.string(),
  enterpriseName: z.string(),
  industryCode: z.string().nullable(),
  track: z.enum(RENEWAL_TRACKS),
  status: z.enum(RENEWAL_STATUSES),
  department: z.string(),
  responsiblePerson: z.string(),
  openedOn: z.string(),
  deadline: z.string(),
  completedOn: z.string().nullable(),
  planYear: z.number().nullable(),
  measure: z.enum(ELIMINATION_MEASURES).nullable(),
  exitWay: z.enum(EXIT_WAYS).nullable(),
  disposalWay: z.enum(DISPOSAL_WAYS).nullable(),
  violation: z.string().nullable(),
  originalCapacity: z.string().nullable(),
  plannedCapacity: z.string().nullable(),
  capacityUnit: z.string().nullable(),
  environmentOk: z.boolean().nullable(),
  safetyOk: z.boolean().nullable(),
  energyOk: z.boolean().nullable(),
  parcelCode: z.string().nullable(),
  note: z.string().nullable(),
  closedReason: z.string().nullable(),
  version: z.number(),
  /** The next step to record, null once completed or withdrawn. */
  nextStep: z.object({ key: z.string(), label: z.string() }).nullable(),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  asOf: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  completedLate: z.boolean(),
});
export type RenewalCaseView = z.infer<typeof renewalCaseViewSchema>;

export const renewalCaseDetailSchema = renewalCaseViewSchema.extend({
  /** The ledger's parcel the case names, when the reader may open it (the case page links to the parcel page). */
  parcelId: z.number().nullable(),
  steps: z.array(renewalStepViewSchema),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type RenewalCaseDetail = z.infer<typeof renewalCaseDetailSchema>;

export const renewalCaseListSchema = pageOf(renewalCaseViewSchema);

export const overdueQuerySchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在：应为 oujiangkou、zhenan 或 hitech' }).optional(),
  asOf: asOfSchema,
});
export const overdueGroupSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS),
  department: z.string(),
  count: z.number(),
  maxDaysOverdue: z.number(),
  cases: z.array(renewalCaseViewSchema),
});
export const overdueListSchema = z.object({ asOf: z.string(), total: z.number(), groups: z.array(overdueGroupSchema) });

export const candidatesQuerySchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS, { error: '平台不存在：应为 oujiangkou、zhenan 或 hitech' }).optional(),
  year: yearSchema.optional(),
});
export const candidateSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  platformKey: z.enum(PLATFORM_KEYS),
  industryCode: z.string().nullable(),
  track: z.enum(RENEWAL_TRACKS),
  basis: z.string(),
});
export const candidateListSchema = z.object({ year: z.number().nullable(), items: z.array(candidateSchema) });

export const consequencesQuerySchema = z.object({
  platformKey: platformKeySchema,
  year: yearSchema.optional(),
});
const catalogRef = z.object({ id: z.number(), version: z.string(), effectiveDate: z.string().nullable() }).nullable();
export const consequenceRowSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  industryCode: z.string().nullable(),
  category: z.enum(CLASSIFY_CATEGORIES),
  track: z.enum(['catalog_relocation', 'catalog_upgrade']),
  itemNote: z.string().nullable(),
  /** The open or completed case of that track, if the enterprise has one. */
  caseId: z.number().nullable(),
  caseStatus: z.enum(RENEWAL_STATUSES).nullable(),
});
export const trackChangeSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  industryCode: z.string().nullable(),
  fromCategory: z.enum(CLASSIFY_CATEGORIES),
  toCategory: z.enum(CLASSIFY_CATEGORIES),
  fromTrack: z.enum(['catalog_relocation', 'catalog_upgrade']).nullable(),
  toTrack: z.enum(['catalog_relocation', 'catalog_upgrade']).nullable(),
  explanation: z.string(),
});
export const consequencesSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS),
  year: z.number().nullable(),
  catalog: catalogRef,
  items: z.array(consequenceRowSchema),
  /** A new version: (in force → published, not yet in force) when one waits; else (previous → in force). */
  change: z
    .object({ base: catalogRef, next: catalogRef, upcoming: z.boolean(), items: z.array(trackChangeSchema) })
    .nullable(),
});

// ── industry profile (§三(一)) ─────────────────────────────────────────────────────────────────────────────────
export const profileParamsSchema = z.object({ platformKey: platformKeySchema });
export const profileQuerySchema = z.object({ year: yearSchema.optional() });
const figureSchema = z.object({
  value: z.string(),
  share: z.number().nullable(),
  previous: z.string(),
  change: z.number().nullable(),
});
export const profileRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  figures: z.object(
    Object.fromEntries(PROFILE_MEASURES.map((m) => [m, figureSchema])) as Record<
      (typeof PROFILE_MEASURES)[number],
      typeof figureSchema
    >,
  ),
  missing: z.number(),
});
export const industryProfileSchema = z.object({
  platformKey: z.enum(PLATFORM_KEYS),
  year: z.number().nullable(),
  previousYear: z.number().nullable(),
  total: profileRowSchema,
  byDivision: z.array(profileRowSchema),
  byLeading: z.array(profileRowSchema),
  catalog: catalogRef,
  /** The encouraged items of the catalog in force: the platform's attraction direction (招引方向). */
  direction: z.array(
    z.object({ industryCode: z.string(), industryName: z.string().nullable(), note: z.string(), basis: z.string() }),
  ),
  /** Land available by planned use, from the parcel ledger: 批而未供, idle as of today, vacated (亩). */
  futureSpace: z.object({
    total: z.string(),
    rows: z.array(
      z.object({
        plannedUse: z.string(),
        byKind: z.object(
          Object.fromEntries(LAND_SPACE_KINDS.map((k) => [k, z.string()])) as Record<
            (typeof LAND_SPACE_KINDS)[number],
            z.ZodString
          >,
        ),
        total: z.string(),
        parcels: z.number(),
      }),
    ),
  }),
});
export type IndustryProfileView = z.infer<typeof industryProfileSchema>;

/** `GET /industry-profiles/:platformKey/enterprises`: the rows behind one figure (a 大类 or a leading industry). */
export const profileRowsQuerySchema = z.object({
  year: yearSchema.optional(),
  by: z.enum(['division', 'leading', 'total'], { error: 'by 应为 division、leading 或 total' }),
  key: wellFormedText('分组').trim().max(100).optional(),
});
export const profileEnterpriseSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  industryCode: z.string().nullable(),
  revenue: z.string().nullable(),
  tax: z.string().nullable(),
  valueAdded: z.string().nullable(),
});
export const profileRowsSchema = z.object({ year: z.number().nullable(), items: z.array(profileEnterpriseSchema) });

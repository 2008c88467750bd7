import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';
import { isKnownCity } from '../platform/divisions.ts';
import { createTargetSchema } from '../targets/targets.contract.ts';

const text = (label: string, max: number) =>
  wellFormedText(label)
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

/** 'YYYY-MM' between 2000 and 2099, a real month. */
export const monthSchema = z
  .string({ error: '月份必须是文字' })
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM（如 2026-03）' });
/** '2026Q1' (a quarter) or '2026' (a year). */
export const periodSchema = z
  .string({ error: '期间必须是文字' })
  .regex(/^20\d{2}(Q[1-4])?$/, { error: '期间格式应为 2026Q1（季度）或 2026（年度）' });
const version = z.number({ error: '请提供版本号 version' }).int().positive();

// ── roster (名册) ───────────────────────────────────────────────────────────────────────────────────────────────
export const staffInputSchema = z
  .object({
    name: text('姓名', 50),
    position: text('职务', 100),
    mainLeader: z.boolean({ error: '是否主要负责人必须是 是/否' }),
    takesPartInInvestment: z.boolean({ error: '是否参与招商和项目服务必须是 是/否' }),
    /** First month on the roster; default the month of the request. */
    fromMonth: monthSchema.optional(),
    /** Last month (left the platform); null = still there. */
    untilMonth: monthSchema.nullable().optional(),
  })
  .refine((s) => !s.fromMonth || !s.untilMonth || s.fromMonth <= s.untilMonth, {
    error: '离开月份不能早于加入月份',
    path: ['untilMonth'],
  });
export type StaffInput = z.infer<typeof staffInputSchema>;
export const staffUpdateSchema = z
  .object({
    name: text('姓名', 50),
    position: text('职务', 100),
    mainLeader: z.boolean({ error: '是否主要负责人必须是 是/否' }),
    takesPartInInvestment: z.boolean({ error: '是否参与招商和项目服务必须是 是/否' }),
    fromMonth: monthSchema,
    untilMonth: monthSchema.nullable(),
    version,
  })
  .refine((s) => !s.untilMonth || s.fromMonth <= s.untilMonth, {
    error: '离开月份不能早于加入月份',
    path: ['untilMonth'],
  });
export const staffSchema = z.object({
  id: z.number(),
  platformKey: z.string(),
  name: z.string(),
  position: z.string(),
  mainLeader: z.boolean(),
  takesPartInInvestment: z.boolean(),
  fromMonth: z.string(),
  untilMonth: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type StaffView = z.infer<typeof staffSchema>;
export const platformKeyParamsSchema = z.object({ key: platformKeySchema });
export const staffIdParamsSchema = z.object({ id: idSchema('人员编号') });
export const staffListQuerySchema = z.object({
  /** Only the staff on the roster that month. */
  month: monthSchema.optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(100),
});

// ── monthly time declarations (招商工作时间申报) ──────────────────────────────────────────────────────────────────
export const staffMonthParamsSchema = z.object({ id: idSchema('人员编号'), month: monthSchema });
export const timeDeclarationInputSchema = z.object({
  /** Days on investment in the month: 0–31, in half days at most. */
  investmentDays: z
    .union([z.number({ error: '招商工作天数必须是数字' }), z.string()], { error: '招商工作天数必须是数字' })
    .transform((value) => String(value).trim())
    .refine((value) => /^\d{1,2}(\.5|\.0)?$/.test(value), { error: '招商工作天数应为 0–31 的整数或半天（如 7.5）' })
    .refine((value) => Number(value) <= 31, { error: '招商工作天数不能超过 31 天' })
    .transform((value) => String(Number(value))),
  /** The version seen; absent for a first declaration of the month. */
  version: version.optional(),
});
export const timeDeclarationSchema = z.object({
  staffId: z.number(),
  month: z.string(),
  investmentDays: z.string(),
  /** The month's working days by the holiday calendar; null when that year has no calendar yet. */
  workingDays: z.number().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export const monthQuerySchema = z.object({ month: monthSchema });
export const timeSheetSchema = z.object({
  month: z.string(),
  workingDays: z.number().nullable(),
  rows: z.array(
    z.object({
      staff: staffSchema,
      investmentDays: z.string().nullable(),
      version: z.number().nullable(),
    }),
  ),
});

// ── trips (外出招商) ─────────────────────────────────────────────────────────────────────────────────────────────
export const metEnterpriseSchema = z.object({
  name: text('会见企业名称', 200),
  creditCode: creditCodeSchema.optional().nullable(),
  /** The target of the platform's library this enterprise is (checked through the targets service: 422 otherwise). */
  targetId: z.number({ error: '目标企业编号必须是数字' }).int().positive().optional().nullable(),
});
const tripFields = {
  platformKey: platformKeySchema,
  travellerIds: z
    .array(z.number({ error: '外出人员编号必须是数字' }).int().positive(), { error: '请选择外出人员' })
    .min(1, { error: '请至少选择一名外出人员' })
    .max(50, { error: '外出人员不能超过 50 人' }),
  startOn: calendarDaySchema,
  endOn: calendarDaySchema,
  province: text('目的地省份', 20),
  city: text('目的地城市', 30),
  met: z.array(metEnterpriseSchema, { error: '会见企业必须是列表' }).max(50, { error: '会见企业不能超过 50 家' }),
  outcome: text('成效', 5000),
  /** Targets of the library this trip served (besides those met by name); each shows the trip on its page. */
  targetIds: z
    .array(z.number({ error: '目标企业编号必须是数字' }).int().positive())
    .max(50, { error: '关联目标企业不能超过 50 家' })
    .optional(),
  projectIds: z
    .array(z.number({ error: '关联项目编号必须是数字' }).int().positive())
    .max(50, { error: '关联项目不能超过 50 个' })
    .optional(),
};
/** The checks across fields, shared by the report and its edit. */
const tripChecks = <T extends z.ZodType<{ startOn: string; endOn: string; province: string; city: string }>>(
  schema: T,
) =>
  schema
    .refine((t) => t.startOn <= t.endOn, { error: '返回日期不能早于出发日期', path: ['endOn'] })
    .refine((t) => isKnownCity(t.province, t.city), {
      error: '目的地应从省份和城市列表中选择',
      path: ['city'],
    });
export const tripInputSchema = tripChecks(z.object(tripFields));
export type TripInput = z.infer<typeof tripInputSchema>;

/** `PUT /trips/:id`: every field again (the platform stays), with the version seen; 409 when stale. */
export const tripUpdateSchema = tripChecks(z.object({ ...tripFields, version }));
export type TripUpdateInput = z.infer<typeof tripUpdateSchema>;

/** `POST /trips/:id/withdraw`: a trip reported by mistake is withdrawn with a reason (kept, counted nowhere). */
export const tripWithdrawSchema = z.object({ version, reason: text('撤回原因', 500) });

/**
 * `POST /trips/:id/met/:seq/target`: an enterprise met on the trip that was not a target becomes one (status 接触),
 * with the target's own fields; `version` is the trip's.
 */
export const metTargetInputSchema = createTargetSchema
  .omit({ platformKey: true, quarter: true, status: true, statusReason: true })
  .extend({ version });
export const metParamsSchema = z.object({
  id: idSchema('外出招商编号'),
  seq: z.coerce.number({ error: '会见企业序号必须是数字' }).int().min(0),
});

export const attachmentSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  kind: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export const tripSchema = z.object({
  id: z.number(),
  platformKey: z.string(),
  travellers: z.array(z.object({ id: z.number(), name: z.string(), mainLeader: z.boolean() })),
  startOn: z.string(),
  endOn: z.string(),
  province: z.string(),
  city: z.string(),
  met: z.array(z.object({ name: z.string(), creditCode: z.string().nullable(), targetId: z.number().nullable() })),
  outcome: z.string(),
  projects: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Targets of the library linked to the trip (met by name or named in targetIds). */
  targets: z.array(z.object({ id: z.number(), name: z.string(), quarter: z.string() })),
  reportedAt: z.string(),
  reportedOn: z.string(),
  dueOn: z.string(),
  /** R2.8 "及时报备": reported after the due day. */
  late: z.boolean(),
  reportedBy: z.string(),
  attachments: z.array(attachmentSchema),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Set when withdrawn (撤回): the trip then counts nowhere. */
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  version: z.number(),
});
export type TripView = z.infer<typeof tripSchema>;
export const tripIdParamsSchema = z.object({ id: idSchema('外出招商编号') });
export const attachmentParamsSchema = z.object({ id: idSchema('外出招商编号'), attachmentId: idSchema('附件编号') });
export const tripFilterSchema = z.object({
  platformKey: platformKeySchema.optional(),
  month: monthSchema.optional(),
  late: z
    .enum(['true', 'false'], { error: 'late 应为 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
});
export const tripListQuerySchema = tripFilterSchema.extend({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
});

export const tripSettingsSchema = z.object({ reportWithinDays: z.number(), version: z.number() });
export const tripSettingsInputSchema = z.object({
  reportWithinDays: z
    .number({ error: '报备期限必须是数字' })
    .int({ error: '报备期限必须是整数天' })
    .min(1, { error: '报备期限至少 1 天' })
    .max(30, { error: '报备期限不能超过 30 天' }),
  version,
});

// ── staffing compliance (R2.8) ───────────────────────────────────────────────────────────────────────────────────
export const leaderComplianceSchema = z.object({
  staffId: z.number(),
  name: z.string(),
  trips: z.number(),
  tripIds: z.array(z.number()),
  tripsOk: z.boolean(),
  investmentDays: z.string().nullable(),
  workingDays: z.number().nullable(),
  timeShare: z.string().nullable(),
  timeOk: z.boolean().nullable(),
});
export const monthComplianceSchema = z.object({
  month: z.string(),
  platformKey: z.string(),
  leaders: z.array(leaderComplianceSchema),
  staffShare: z.string().nullable(),
  staffTakingPart: z.number(),
  staffTotal: z.number(),
  staffTakingPartIds: z.array(z.number()),
  staffOk: z.boolean().nullable(),
  missing: z.array(z.enum(['roster', 'calendar', 'declaration', 'noMainLeader'])),
  allOk: z.boolean(),
});
export type MonthComplianceView = z.infer<typeof monthComplianceSchema>;
export const periodQuerySchema = z.object({ period: periodSchema });
export const periodComplianceSchema = z.object({
  period: z.string(),
  months: z.array(z.string()),
  platforms: z.array(
    z.object({
      platformKey: z.string(),
      months: z.array(monthComplianceSchema),
      /** Months with every figure present and passing, months with a missing figure. */
      monthsOk: z.number(),
      monthsMissing: z.number(),
    }),
  ),
});

// ── the holiday calendar ──────────────────────────────────────────────────────────────────────────────────────────
export const yearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^20\d{2}$/, { error: '年度应为 4 位数字（如 2026）' })
    .transform(Number),
});
const festivalSchema = z.object({
  name: text('节日名称', 20),
  offFrom: calendarDaySchema,
  offTo: calendarDaySchema,
  makeUpDays: z.array(calendarDaySchema).max(5, { error: '一个节日的调休上班日不超过 5 天' }),
});
export const calendarInputSchema = z.object({
  source: text('来源', 300),
  festivals: z.array(festivalSchema).max(20, { error: '节日不超过 20 个' }),
  /** The version seen; absent for a year not entered yet. */
  version: version.optional(),
});
export const calendarSchema = z.object({
  year: z.number(),
  source: z.string(),
  festivals: z.array(festivalSchema),
  /** Working days per month, January first. */
  workingDaysByMonth: z.array(z.number()),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const calendarYearsSchema = z.array(z.object({ year: z.number(), source: z.string() }));

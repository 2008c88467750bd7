import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { idSchema } from '../platform/ids.ts';
import { calendarDaySchema } from '../platform/common.contract.ts';
import { industryCodeSchema } from '../industries/industries.contract.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';
import {
  DELAY_CAUSES,
  LAND_SUB_DATABASES,
  PARCEL_STATES,
  REUSE_WAYS,
  SUPPLY_WAYS,
  VACATE_REASONS,
} from './parcel-lifecycle.ts';
import { DUE_KINDS } from './due-list.ts';

/** 亩 and 万元 as JSON numbers or decimal strings (D1), kept as strings; text is refused naming the field. */
const amount = (label: string) =>
  z
    .union(
      [
        z.number({ error: `${label}必须是数字` }),
        z
          .string()
          .trim()
          .regex(/^\d+(\.\d+)?$/, { error: `${label}必须是数字` }),
      ],
      { error: `${label}必须是数字` },
    )
    .transform((value) => String(value))
    .refine((value) => Number.isFinite(Number(value)) && value.replace('.', '').length <= 20, {
      error: `${label}数值过大`,
    });
const positive = (label: string) => amount(label).refine((v) => Number(v) > 0, { error: `${label}必须大于 0` });
const nonNegative = (label: string) => amount(label).refine((v) => Number(v) >= 0, { error: `${label}不能为负数` });
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
const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
    .pipe(calendarDaySchema);
const version = z.number({ error: '请提供地块版本号 version' }).int().positive();

export const locationSchema = z.object({
  lng: z
    .number({ error: '经度必须是数字' })
    .min(73, { error: '经度超出中国范围' })
    .max(136, { error: '经度超出中国范围' }),
  lat: z
    .number({ error: '纬度必须是数字' })
    .min(3, { error: '纬度超出中国范围' })
    .max(54, { error: '纬度超出中国范围' }),
});

export const parcelCodeSchema = z
  .string({ error: '请填写地块编号' })
  .trim()
  .min(1, { error: '地块编号不能为空' })
  .max(40, { error: '地块编号不能超过 40 个字符' })
  .regex(/^[0-9A-Za-z\-_\u4e00-\u9fa5（）()]+$/, { error: '地块编号只能含汉字、字母、数字、横线和括号' });

/** `POST /api/v1/parcels`: a parcel enters the ledger as 批而未供 (approved). Area in 亩 or in m² (D5). */
export const createParcelSchema = z
  .object({
    code: parcelCodeSchema,
    platformKey: platformKeySchema,
    area: positive('地块面积（亩）').optional().nullable(),
    areaM2: positive('地块面积（平方米）').optional().nullable(),
    plannedUse: text('规划用途', 100),
    industryCode: industryCodeSchema.optional().nullable(),
    plotRatioMin: nonNegative('容积率下限').optional().nullable(),
    plotRatioMax: nonNegative('容积率上限').optional().nullable(),
    district: optionalText('所在区县', 50),
    address: optionalText('地址', 200),
    location: locationSchema.optional().nullable(),
    boundary: z.unknown().optional().nullable(),
    approvedOn: day('批准日期'),
    approvalDocument: text('批准文号', 200),
    responsiblePerson: text('责任人', 50),
    acquisitionStatus: optionalText('征地拆迁情况', 500),
    deadline: day('供地期限').optional().nullable(),
    contact: optionalText('招商联系方式', 200),
  })
  .refine((p) => p.area == null || p.areaM2 == null, { error: '面积请只填一种单位：亩或平方米', path: ['areaM2'] })
  .refine((p) => p.area != null || p.areaM2 != null, { error: '请填写地块面积（亩或平方米）', path: ['area'] })
  .refine((p) => p.plotRatioMin == null || p.plotRatioMax == null || Number(p.plotRatioMin) <= Number(p.plotRatioMax), {
    error: '容积率下限不能大于上限',
    path: ['plotRatioMax'],
  })
  .refine((p) => p.deadline == null || p.deadline >= p.approvedOn, {
    error: '供地期限不能早于批准日期',
    path: ['deadline'],
  });
export type CreateParcelInput = z.infer<typeof createParcelSchema>;

export const supplyParcelSchema = z
  .object({
    way: z.enum(SUPPLY_WAYS, { error: '供地方式应为 transfer（出让）、allocation（划拨）或 lease（租赁）' }),
    contractNo: text('合同编号', 100),
    contractDate: day('合同日期'),
    landPrice: nonNegative('土地价款（万元）'),
    holderCreditCode: creditCodeSchema.optional().nullable(),
    holderName: text('用地单位', 200),
    agreedStartOn: day('约定开工日期'),
    agreedCompletionOn: day('约定竣工日期'),
    totalInvestment: positive('约定总投资（万元）').optional().nullable(),
    version,
  })
  .refine((s) => s.agreedCompletionOn > s.agreedStartOn, {
    error: '约定竣工日期必须晚于约定开工日期',
    path: ['agreedCompletionOn'],
  })
  .refine((s) => s.agreedStartOn >= s.contractDate, { error: '约定开工日期不能早于合同日期', path: ['agreedStartOn'] });
export type SupplyParcelInput = z.infer<typeof supplyParcelSchema>;

export const startParcelSchema = z.object({ startedOn: day('开工日期'), version });

export const progressParcelSchema = z.object({
  reportedOn: day('报告日期'),
  developedArea: nonNegative('已开发面积（亩）').optional().nullable(),
  investedAmount: nonNegative('已投资额（万元）').optional().nullable(),
  /** The day construction stopped; null: it is going on. */
  suspendedSince: day('停工日期').optional().nullable(),
  version,
});

export const completeParcelSchema = z.object({
  completedOn: day('竣工日期'),
  builtArea: nonNegative('建筑面积（平方米）').optional().nullable(),
  investedAmount: nonNegative('已投资额（万元）').optional().nullable(),
  version,
});

export const delayParcelSchema = z
  .object({
    cause: z.enum(DELAY_CAUSES, { error: '延期原因应为 government（政府原因）或 force_majeure（不可抗力）' }),
    reason: text('延期理由', 1000),
    evidence: optionalText('证明材料', 500),
    fromOn: day('延期起始日'),
    toOn: day('延期截止日'),
    version,
  })
  .refine((d) => d.toOn >= d.fromOn, { error: '延期截止日不能早于起始日', path: ['toOn'] });

export const vacateParcelSchema = z.object({
  vacatedOn: day('腾空日期'),
  fromEnterpriseName: text('原用地企业', 200),
  fromEnterpriseCreditCode: creditCodeSchema.optional().nullable(),
  reason: z.enum(VACATE_REASONS, { error: '腾空原因应为 elimination、low_efficiency、zombie_exit 或 relocation' }),
  note: optionalText('说明', 1000),
  version,
});

export const reuseParcelSchema = z.object({
  way: z.enum(REUSE_WAYS, {
    error: '再利用方式应为 government_lease、government_buyback、merger 或 redevelopment',
  }),
  reusedOn: day('再利用日期'),
  newHolderName: text('新用地单位', 200),
  newHolderCreditCode: creditCodeSchema.optional().nullable(),
  version,
});

export const recoverParcelSchema = z.object({
  recoveredOn: day('收回日期'),
  decisionNo: text('收回决定书文号', 200),
  version,
});

export const publishParcelSchema = z.object({
  public: z.boolean({ error: '请说明是否公开（true 或 false）' }),
  contact: optionalText('招商联系方式', 200),
  version,
});

export const parcelIdParamsSchema = z.object({ id: idSchema('地块编号') });
export const asOfQuerySchema = z.object({ asOf: calendarDaySchema.optional() });

const paging = {
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(500).default(50),
};

export const parcelFilterSchema = z.object({
  platformKey: platformKeySchema.optional(),
  subDatabase: z
    .enum(LAND_SUB_DATABASES, { error: '子库应为 approved_not_supplied、supplied_not_used 或 vacated' })
    .optional(),
  state: z.enum(PARCEL_STATES, { error: '地块状态不存在' }).optional(),
  clockStatus: z.enum(['normal', 'idle', 'recovery'], { error: '闲置状态应为 normal、idle 或 recovery' }).optional(),
  q: wellFormedText('搜索词').trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
  asOf: calendarDaySchema.optional(),
});
export const parcelListQuerySchema = parcelFilterSchema.extend(paging);

export const dueFilterSchema = z.object({
  platformKey: platformKeySchema.optional(),
  asOf: calendarDaySchema.optional(),
  withinDays: z.coerce.number({ error: '提醒天数必须是数字' }).int().min(1).max(365).optional(),
  which: z.enum(['upcoming', 'past', 'all'], { error: 'which 应为 upcoming、past 或 all' }).default('all'),
  /** Only the parcels the signed-in user is the named responsible person of. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const dueListQuerySchema = dueFilterSchema.extend(paging);

export const clockSchema = z.object({
  asOf: z.string(),
  status: z.enum(['normal', 'idle', 'recovery']),
  idleFee: z.string().nullable(),
  idleSince: z.string().nullable(),
  recoverySince: z.string().nullable(),
  idleFrom: z.string().nullable(),
  recoveryFrom: z.string().nullable(),
  slowConstruction: z.boolean(),
  delayDays: z.number(),
  reasons: z.array(z.string()),
  /** The settings the result was computed with. */
  settings: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ClockView = z.infer<typeof clockSchema>;

export const parcelSchema = z.object({
  id: z.number(),
  code: z.string(),
  platformKey: z.string(),
  state: z.enum(PARCEL_STATES),
  area: z.string(),
  areaM2: z.string(),
  plannedUse: z.string(),
  industryCode: z.string().nullable(),
  plotRatioMin: z.string().nullable(),
  plotRatioMax: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  location: locationSchema.nullable(),
  boundary: z.unknown().nullable(),
  boundaryAreaMu: z.string().nullable(),
  approvedOn: z.string(),
  approvalDocument: z.string(),
  responsiblePerson: z.string(),
  acquisitionStatus: z.string().nullable(),
  deadline: z.string().nullable(),
  supplyWay: z.enum(SUPPLY_WAYS).nullable(),
  contractNo: z.string().nullable(),
  contractDate: z.string().nullable(),
  landPrice: z.string().nullable(),
  holderCreditCode: z.string().nullable(),
  holderName: z.string().nullable(),
  agreedStartOn: z.string().nullable(),
  agreedCompletionOn: z.string().nullable(),
  totalInvestment: z.string().nullable(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  developedArea: z.string().nullable(),
  investedAmount: z.string().nullable(),
  builtArea: z.string().nullable(),
  suspendedSince: z.string().nullable(),
  vacatedOn: z.string().nullable(),
  vacatedFrom: z.string().nullable(),
  vacatedFromCreditCode: z.string().nullable(),
  vacateReason: z.enum(VACATE_REASONS).nullable(),
  reuseWay: z.enum(REUSE_WAYS).nullable(),
  reusedOn: z.string().nullable(),
  recoveredOn: z.string().nullable(),
  isPublic: z.boolean(),
  contact: z.string().nullable(),
  version: z.number(),
  clock: clockSchema,
});
export type ParcelView = z.infer<typeof parcelSchema>;

export const parcelEventSchema = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  effectiveDate: z.string(),
  summary: z.string(),
  at: z.string(),
  actorName: z.string(),
});
export const parcelDelaySchema = z.object({
  id: z.number(),
  cause: z.enum(DELAY_CAUSES),
  reason: z.string(),
  evidence: z.string().nullable(),
  fromOn: z.string(),
  toOn: z.string(),
  days: z.number(),
});
export const parcelDetailSchema = parcelSchema.extend({
  history: z.array(parcelEventSchema),
  delays: z.array(parcelDelaySchema),
});
export type ParcelDetail = z.infer<typeof parcelDetailSchema>;

export const dueItemSchema = z.object({
  parcelId: z.number(),
  code: z.string(),
  platformKey: z.string(),
  state: z.enum(PARCEL_STATES),
  responsiblePerson: z.string(),
  kind: z.enum(DUE_KINDS),
  dueOn: z.string(),
  daysLeft: z.number(),
});

/** What the public page shows (R3.6 全面公开地块信息): nothing else of the parcel leaves the system. */
export const publicParcelSchema = z.object({
  code: z.string(),
  platformKey: z.string(),
  platformName: z.string(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  location: locationSchema.nullable(),
  area: z.string(),
  plannedUse: z.string(),
  kind: z.enum(['approved', 'vacated']),
  encouragedIndustries: z.array(z.string()),
  contact: z.string().nullable(),
});
export const publicParcelListSchema = z.object({ items: z.array(publicParcelSchema), total: z.number() });

export const parcelMatchSchema = z.object({
  parcelId: z.number(),
  code: z.string(),
  platformKey: z.string(),
  area: z.string(),
  areaGap: z.string(),
  intensity: z.string().nullable(),
  circulation: z.boolean(),
  reasons: z.array(z.string()),
});
/** The answer: the fitting parcels, ranked (an array; circulation suggestions are marked on each item). */
export const parcelMatchesSchema = z.array(parcelMatchSchema);

import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { pageOf } from '../platform/common.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';
import { IMPORT_PROGRESS_PHASES } from './import-progress.ts';
import { progressKeySchema } from '../mu-evaluation/mu-evaluation.contract.ts';
import { ENTERPRISE_KINDS, ENTERPRISE_SCALES, evaluationYearSchema } from './enterprise-record.contract.ts';

/**
 * The API of the base database (R3.1, issue #4): import, lists of the sub-databases, an enterprise over the years.
 * The record's own rules live in enterprise-record.contract.ts; these schemas only describe requests and answers.
 */

/**
 * R3.1 sub-databases held in the enterprise records: 淘汰落后 and 停产僵尸 are the flags with their basis (R3.5);
 * 低效产出 is an industrial enterprise at or under the R3.4 bar (≤ 5 万元/亩 inside the platforms, ≤ 1 万元/亩
 * elsewhere; land = owned + leased, tenants alike). The three land sub-databases come with the land module.
 */
export const ENTERPRISE_SUB_DATABASES = ['backward', 'zombie', 'low_efficiency'] as const;
export type EnterpriseSubDatabase = (typeof ENTERPRISE_SUB_DATABASES)[number];
export const ENTERPRISE_SUB_DATABASE_LABELS: Record<EnterpriseSubDatabase, string> = {
  backward: '淘汰落后企业库',
  zombie: '停产僵尸企业库',
  low_efficiency: '低效产出企业库',
};

/** The value of the platform filter that asks for enterprises elsewhere in the city (platformKey null). */
export const NO_PLATFORM = 'none';

/**
 * `POST /api/v1/enterprise-records`: only the shape. The records themselves are judged row by row by
 * `recordChecker` (record-checker.ts), so a bad record is a 422 listing every bad cell rather than a 400 for the first one.
 */
export const enterpriseRecordsBodySchema = z.object({
  year: evaluationYearSchema,
  records: z
    .array(z.unknown(), { error: '请提供企业数据 records（数组）' })
    .min(1, { error: '企业数据 records 不能为空' }),
});

export const enterpriseImportResultSchema = z.object({ year: z.number(), inserted: z.number(), updated: z.number() });
export type EnterpriseImportResult = z.infer<typeof enterpriseImportResultSchema>;

/** One bad cell: `row` as the user counts it (the JSON list from 1, a spreadsheet's own row number), `column` its name. */
export const enterpriseRowErrorSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });

const yearParam = z.coerce
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(2000, { error: '年度应在 2000–2100 之间' })
  .max(2100, { error: '年度应在 2000–2100 之间' });

/** `POST /api/v1/enterprise-records/import?year=&dryRun=`: a dry run unless told otherwise, so nothing is written by accident. */
export const enterpriseImportQuerySchema = z.object({
  year: z
    .unknown()
    .refine((value) => value !== undefined && value !== '', {
      error: '缺少年度：请选择要导入的评价年度（year）',
      abort: true,
    })
    .pipe(yearParam),
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun 应为 true（只检查）或 false（检查无误后写入）' })
    .default('true')
    .transform((value) => value === 'true'),
  /** Lets the page poll `GET /enterprise-records/import/progress/:key` while the server checks and writes. */
  progressKey: progressKeySchema.optional(),
});

export const importProgressSchema = z.object({
  phase: z.enum(IMPORT_PROGRESS_PHASES),
  done: z.number(),
  total: z.number(),
  rows: z.number(),
  message: z.string().optional(),
});

/**
 * The workbook import's report. A dry run that finds no error says how many records it would insert and update; a
 * real import says how many it did. `rows` counts the data rows read (blank rows skipped).
 */
export const enterpriseImportReportSchema = z.object({
  year: z.number(),
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.boolean(),
  errors: z.array(enterpriseRowErrorSchema),
  /** What the import read past without refusing the file: columns the template does not have (ignored). */
  warnings: z.array(enterpriseRowErrorSchema),
  inserted: z.number().optional(),
  updated: z.number().optional(),
});
export type EnterpriseImportReport = z.infer<typeof enterpriseImportReportSchema>;

/** The filters of the list and its export. A platform user is held to its own platform whatever it sends. */
export const enterpriseFilterSchema = z.object({
  /** Absent: the latest year that has records. */
  year: yearParam.optional(),
  platformKey: z
    .enum([...PLATFORM_KEYS, NO_PLATFORM], { error: '平台不存在：应为 oujiangkou、zhenan、hitech 或 none（平台外）' })
    .optional(),
  kind: z.enum(ENTERPRISE_KINDS, { error: '企业类型应为 industrial 或 service' }).optional(),
  scale: z.enum(ENTERPRISE_SCALES, { error: '企业规模应为 above 或 below' }).optional(),
  subDatabase: z
    .enum(ENTERPRISE_SUB_DATABASES, {
      error: '子库应为 backward（淘汰落后）、zombie（停产僵尸）或 low_efficiency（低效产出）',
    })
    .optional(),
  // A NUL cannot reach PostgreSQL text at all: refused here, whether or not the year has records to search.
  q: wellFormedText('搜索词').trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
});
export type EnterpriseFilter = z.infer<typeof enterpriseFilterSchema>;

export const enterpriseListQuerySchema = enterpriseFilterSchema.extend({
  page: z.coerce
    .number({ error: '页码必须是数字' })
    .int({ error: '页码必须是整数' })
    .min(1, { error: '页码从 1 开始' })
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int({ error: '每页条数必须是整数' })
    .min(1, { error: '每页至少 1 条' })
    .max(500, { error: '每页最多 500 条' })
    .default(50),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;

const quantity = z.string().nullable();

/** One enterprise-year as the API shows it: the record's fields (decimals as canonical strings) and provenance. */
export const enterpriseRecordViewSchema = z.object({
  creditCode: z.string(),
  year: z.number(),
  name: z.string(),
  platformKey: z.enum(PLATFORM_KEYS).nullable(),
  kind: z.enum(ENTERPRISE_KINDS),
  scale: z.enum(ENTERPRISE_SCALES),
  landOwned: quantity,
  landLeased: quantity,
  tax: quantity,
  valueAdded: quantity,
  revenue: quantity,
  rdExpense: quantity,
  employees: quantity,
  energyTce: quantity,
  emissionsTons: quantity,
  electricityKwh: quantity,
  waterTons: quantity,
  producing: z.boolean(),
  registeredOn: z.string().nullable(),
  industryCode: z.string().nullable(),
  backward: z.boolean(),
  backwardBasis: z.string().nullable(),
  zombie: z.boolean(),
  zombieBasis: z.string().nullable(),
  utility: z.boolean(),
  /** 亩: owned + leased; null when both are missing. */
  landTotal: quantity,
  /** 万元/亩, rounded to 4 decimals for display (the R3.4 bar itself is judged exactly, D1); null without tax or land. */
  taxPerMu: quantity,
  importedAt: z.string(),
  importedBy: z.string(),
});
export type EnterpriseRecordView = z.infer<typeof enterpriseRecordViewSchema>;

/** A list page, with the year it shows (the one asked for, or the latest; null when there are no records at all). */
export const enterpriseListSchema = pageOf(enterpriseRecordViewSchema).extend({ year: z.number().nullable() });

export const creditCodeParamsSchema = z.object({ creditCode: creditCodeSchema });

/** An enterprise over the years, ascending (the trend chart); `name` is the latest year's. */
export const enterpriseDetailSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  records: z.array(enterpriseRecordViewSchema),
});

export const enterpriseYearsSchema = z.array(z.object({ year: z.number(), count: z.number() }));

import Decimal from 'decimal.js';
import { z } from 'zod';
import { wellFormedText } from '../platform/request-text.ts';
import { platformKeySchema } from '../catalog/catalog.contract.ts';
import { industryCodeSchema } from '../industries/industries.contract.ts';
import { creditCodeSchema } from '../projects/credit-code.ts';

/**
 * R3.1 base database: one enterprise's figures for one year, as `POST /api/v1/enterprise-records` takes them
 * (issue #4) and as one row of the import template. Money in 万元, land in 亩, energy in 吨标煤, emissions in 当量吨,
 * electricity in kWh, water in 吨. A numeric field may be null: the figure is missing (D14), and the evaluation
 * method's missing-value rule decides what it scores.
 */

/** The Chinese name of every field, for messages, the import template's headers and the export. */
export const ENTERPRISE_RECORD_FIELD_LABELS = {
  creditCode: '统一社会信用代码',
  name: '企业名称',
  platformKey: '所在平台',
  kind: '企业类型',
  scale: '企业规模',
  landOwned: '自有用地面积（亩）',
  landLeased: '承租用地面积（亩）',
  tax: '实缴税收（万元）',
  valueAdded: '增加值（万元）',
  revenue: '营业收入（万元）',
  rdExpense: '研发经费支出（万元）',
  employees: '年平均职工人数',
  energyTce: '综合能耗（吨标煤）',
  emissionsTons: '主要污染物排放量（当量吨）',
  electricityKwh: '用电量（千瓦时）',
  waterTons: '用水量（吨）',
  producing: '是否正常生产',
  registeredOn: '注册日期',
  industryCode: '行业代码',
  backward: '淘汰落后类',
  backwardBasis: '淘汰落后认定依据',
  zombie: '停产僵尸类',
  zombieBasis: '停产僵尸认定依据',
  utility: '公用事业企业',
} as const;
export type EnterpriseRecordField = keyof typeof ENTERPRISE_RECORD_FIELD_LABELS;

export const ENTERPRISE_KINDS = ['industrial', 'service'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];
export const ENTERPRISE_KIND_LABELS: Record<EnterpriseKind, string> = { industrial: '工业企业', service: '服务业企业' };

export const ENTERPRISE_SCALES = ['above', 'below'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];
export const ENTERPRISE_SCALE_LABELS: Record<EnterpriseScale, string> = { above: '规上', below: '规下' };

/** Larger than any real 万元, kWh or 吨 figure (10^16, 17 integer digits): such input is a paste error, not a number. */
const MAX_INTEGER_DIGITS = 16;
const DECIMAL_TEXT = /^([+-]?)0*(\d+?)(?:\.(\d*?)0*)?$/;
const NON_ASCII = /[^\x20-\x7e]/;

/**
 * A decimal's canonical text ('007.50' → '7.5', '-0' → '0'), or why it is not a non-negative decimal. Plain string
 * work rather than decimal.js: an import runs this 1.2 million times for 100 000 rows.
 */
function canonicalDecimal(text: string, label: string, integer: boolean): { value: string } | { problem: string } {
  const match = DECIMAL_TEXT.exec(text);
  if (!match || text.endsWith('.') || text === '') return { problem: `“${label}”必须是数字，实为“${text}”` };
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  const value = fraction === '' ? whole : `${whole}.${fraction}`;
  if (match[1] === '-' && value !== '0') return { problem: `“${label}”不能为负数，实为 -${value}` };
  if (whole.length > MAX_INTEGER_DIGITS) return { problem: `“${label}”数值过大` };
  if (integer && fraction !== '') return { problem: `“${label}”必须是整数，实为 ${value}` };
  return { value };
}

/**
 * A non-negative quantity: a JSON number or a decimal string (full-width digits are normalised, as people type them
 * with Chinese input methods). Yields the canonical decimal string, so nothing is lost to floating point (D1); null
 * or an empty cell is a missing figure. The key itself must be there, so a misspelt column is not silently missing.
 */
function quantity(field: EnterpriseRecordField, options: { integer?: boolean } = {}) {
  const label = ENTERPRISE_RECORD_FIELD_LABELS[field];
  const integer = options.integer === true;
  return z.unknown().transform((input, ctx): string | null => {
    const outcome = readQuantity(input, label, integer);
    if (outcome === null || 'value' in outcome) return outcome?.value ?? null;
    ctx.issues.push({ code: 'custom', message: outcome.problem, input });
    return z.NEVER;
  });
}

/** null for a missing figure, the canonical text, or the Chinese problem. */
export function readQuantity(
  input: unknown,
  label: string,
  integer: boolean,
): { value: string } | { problem: string } | null {
  if (input === null) return null;
  if (input === undefined) return { problem: `缺少“${label}”（没有数据请填 null 或留空）` };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { problem: `“${label}”必须是数字` };
    if (input < 0) return { problem: `“${label}”不能为负数，实为 ${String(input)}` };
    if (input >= 10 ** MAX_INTEGER_DIGITS) return { problem: `“${label}”数值过大` };
    // String(1e-7) is '1e-7': decimal.js writes such rare numbers out in full.
    if (input !== 0 && input < 1e-6) return canonicalDecimal(new Decimal(input).toFixed(), label, integer);
    // Between 1e-6 and 1e21 String() already writes the canonical decimal (no exponent, no stray zeros, '-0' as '0').
    if (!integer || Number.isInteger(input)) return { value: String(input) };
    return canonicalDecimal(String(input), label, integer);
  }
  if (typeof input !== 'string') return { problem: `“${label}”必须是数字` };
  const text = NON_ASCII.test(input) ? input.normalize('NFKC').trim() : input.trim();
  if (text === '') return null;
  return canonicalDecimal(text, label, integer);
}

/**
 * readQuantity without its messages, for the import's hot path: the canonical text, null for a missing figure, or
 * undefined where readQuantity finds a problem. A plain non-negative number (the common cell) costs no allocation.
 */
export function quantityText(input: unknown, integer: boolean): string | null | undefined {
  if (input === null) return null;
  if (
    typeof input === 'number' &&
    ((input >= 1e-6 && input < 10 ** MAX_INTEGER_DIGITS) || input === 0) &&
    (!integer || Number.isInteger(input))
  )
    return String(input);
  const outcome = readQuantity(input, '', integer);
  return outcome === null ? null : 'value' in outcome ? outcome.value : undefined;
}

/**
 * Whether 'YYYY-MM-DD' names a real day, by arithmetic: the same answer as platform/dates.ts isCalendarDay for
 * years 1000–9999, without building a Date for each of 100 000 rows.
 */
export function isRealDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** A yes/no cell: JSON booleans, or 是/否 as typed in the template. */
function yesNo(field: EnterpriseRecordField) {
  const label = ENTERPRISE_RECORD_FIELD_LABELS[field];
  return z.union([z.boolean(), z.enum(['是', '否']).transform((value) => value === '是')], {
    error: (issue) => (issue.input === undefined ? `缺少“${label}”` : `“${label}”应为 true/false（是/否）`),
  });
}

const basis = (field: EnterpriseRecordField) =>
  wellFormedText(`“${ENTERPRISE_RECORD_FIELD_LABELS[field]}”`)
    .trim()
    .max(1000, { error: `“${ENTERPRISE_RECORD_FIELD_LABELS[field]}”不能超过 1000 个字` })
    .nullish();

export const enterpriseRecordSchema = z
  .object({
    creditCode: creditCodeSchema,
    name: wellFormedText('企业名称')
      .trim()
      .min(1, { error: '企业名称不能为空' })
      .max(200, { error: '企业名称不能超过 200 个字' }),
    /** null: elsewhere in the city, outside the three platforms (counts for the city-wide share only, R3.2). */
    platformKey: platformKeySchema.nullable(),
    kind: z.enum(ENTERPRISE_KINDS, { error: '企业类型应为 industrial（工业）或 service（服务业）' }),
    scale: z.enum(ENTERPRISE_SCALES, { error: '企业规模应为 above（规上）或 below（规下）' }),
    /** R3.2/R3.4: tenants (承租企业) have only leased land; land used = owned + leased. */
    landOwned: quantity('landOwned'),
    landLeased: quantity('landLeased'),
    tax: quantity('tax'),
    valueAdded: quantity('valueAdded'),
    revenue: quantity('revenue'),
    rdExpense: quantity('rdExpense'),
    employees: quantity('employees', { integer: true }),
    energyTce: quantity('energyTce'),
    emissionsTons: quantity('emissionsTons'),
    electricityKwh: quantity('electricityKwh'),
    waterTons: quantity('waterTons'),
    producing: yesNo('producing'),
    registeredOn: z
      .string({ error: '“注册日期”必须是 YYYY-MM-DD 格式的日期' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '“注册日期”格式应为 YYYY-MM-DD', abort: true })
      .refine(isRealDay, { error: (issue) => `“注册日期”${String(issue.input)} 不存在` })
      .nullish(),
    industryCode: industryCodeSchema.nullish(),
    /** R3.1/R3.5 sub-databases 淘汰落后类 and 停产僵尸类, each with the basis of the finding. */
    backward: yesNo('backward').optional(),
    backwardBasis: basis('backwardBasis'),
    zombie: yesNo('zombie').optional(),
    zombieBasis: basis('zombieBasis'),
    /** A utility (电力、热力、燃气、水务、垃圾和污水处理): left out of the ABCD classes (class T, DOMAIN-FACTS §1.5). */
    utility: yesNo('utility').optional(),
  })
  .superRefine((record, ctx) => {
    if (record.backward === true && !record.backwardBasis) {
      ctx.addIssue({ code: 'custom', path: ['backwardBasis'], message: '已标记为淘汰落后类，请填写认定依据' });
    }
    if (record.zombie === true && !record.zombieBasis) {
      ctx.addIssue({ code: 'custom', path: ['zombieBasis'], message: '已标记为停产僵尸类，请填写认定依据' });
    }
  });
export type EnterpriseRecord = z.output<typeof enterpriseRecordSchema>;
export type EnterpriseRecordInput = z.input<typeof enterpriseRecordSchema>;

export const evaluationYearSchema = z
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(2000, { error: '年度应在 2000–2100 之间' })
  .max(2100, { error: '年度应在 2000–2100 之间' });

export type RecordRowError = { row: number; column: string; message: string };

export const duplicateMessage = (firstRow: number) =>
  `统一社会信用代码与第 ${firstRow} 行重复（同一年度每家企业只能有一条记录）`;
export const registeredAfterYearMessage = (registeredOn: string, year: number) =>
  `注册日期 ${registeredOn} 晚于评价年度 ${year} 年末`;

import {
  ENTERPRISE_KIND_LABELS,
  ENTERPRISE_RECORD_FIELD_LABELS,
  ENTERPRISE_SCALE_LABELS,
  enterpriseRecordSchema,
  PLATFORMS,
  type EnterpriseRecordField,
} from '@pgs/domain';

/**
 * The base database's workbook columns (R3.1), shared by the import template, the import reader and the list
 * export: the domain's Chinese labels, so an exported list can be edited and imported back.
 */

export const DATA_SHEET = '企业年度数据';
export const NOTES_SHEET = '填写说明';
export const NO_PLATFORM_LABEL = '平台外';
export const FIELDS = Object.keys(ENTERPRISE_RECORD_FIELD_LABELS) as EnterpriseRecordField[];
export const label = (field: EnterpriseRecordField) => ENTERPRISE_RECORD_FIELD_LABELS[field];
/**
 * A column the import cannot do without: the domain's schema refuses a record that lacks the field (not a second list).
 */
export const REQUIRED = new Set(
  FIELDS.filter((field) => !enterpriseRecordSchema.shape[field].safeParse(undefined).success),
);
/**
 * Columns only the export has (derived figures): the import skips them, so an export can be filled in and re-imported.
 */
export const EXPORT_ONLY = { landTotal: '用地合计（亩）', taxPerMu: '亩均税收（万元/亩）' } as const;

const QUANTITY_UNITS: Partial<Record<EnterpriseRecordField, string>> = {
  landOwned: '亩；承租企业（只有承租用地）留空',
  landLeased: '亩；没有承租用地留空或填 0',
  tax: '万元（实缴税收）',
  valueAdded: '万元',
  revenue: '万元',
  rdExpense: '万元',
  employees: '人，整数',
  energyTce: '吨标准煤',
  emissionsTons: '当量吨（化学需氧量、氨氮、二氧化硫、氮氧化物合计）',
  electricityKwh: '千瓦时',
  waterTons: '吨',
};
export const PLATFORM_CHOICES = [...PLATFORMS.map((platform) => platform.name), NO_PLATFORM_LABEL];
export const YES_NO = '填“是”或“否”';

/** What the notes sheet says of each column: unit or allowed values. Presentation only; the rules are the domain's. */
export const FIELD_NOTES: Record<EnterpriseRecordField, string> = {
  creditCode: '18 位统一社会信用代码（本列为文本格式，请勿转成数字）；同一年度每家企业只填一行',
  name: '企业全称',
  platformKey: `填 ${PLATFORM_CHOICES.map((choice) => `“${choice}”`).join('、')}（不在三大平台内的填“${NO_PLATFORM_LABEL}”）`,
  kind: `填“${ENTERPRISE_KIND_LABELS.industrial}”或“${ENTERPRISE_KIND_LABELS.service}”`,
  scale: `填“${ENTERPRISE_SCALE_LABELS.above}”（规模以上）或“${ENTERPRISE_SCALE_LABELS.below}”（规模以下）`,
  ...(Object.fromEntries(
    Object.entries(QUANTITY_UNITS).map(([field, unit]) => [
      field,
      `单位：${unit}；没有数据的留空（不要用 0 代替缺失）`,
    ]),
  ) as Record<string, string>),
  producing: `${YES_NO}（未投产、停产填“否”）`,
  registeredOn: '日期，如 2019-05-20；不能晚于评价年度年末',
  industryCode: 'GB/T 4754-2017 行业代码：门类字母或 2–4 位数字（本列为文本格式，保留前导 0）',
  backward: `${YES_NO}，留空为“否”`,
  backwardBasis: '标记为淘汰落后类时必填（文件、检查结论等）',
  zombie: `${YES_NO}，留空为“否”`,
  zombieBasis: '标记为停产僵尸类时必填',
  utility: `${YES_NO}：电力、热力、燃气、水务、垃圾和污水处理企业填“是”（不参加 ABCD 分类），留空为“否”`,
} as Record<EnterpriseRecordField, string>;

export const TEXT_COLUMNS: EnterpriseRecordField[] = ['creditCode', 'industryCode'];
export const WIDTHS: Partial<Record<EnterpriseRecordField, number>> = {
  creditCode: 22,
  name: 32,
  platformKey: 24,
  backwardBasis: 28,
  zombieBasis: 28,
};

/** The width a column gets in the template and the export. */
export const columnWidth = (field: EnterpriseRecordField) => WIDTHS[field] ?? Math.max(12, label(field).length * 2 + 2);

/** The Chinese header of a field name the domain reports ('' stays '': the whole row). */
export function columnLabel(field: string): string {
  return field in ENTERPRISE_RECORD_FIELD_LABELS ? label(field as EnterpriseRecordField) : field;
}

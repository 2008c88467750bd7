import { loadExcelJS } from '../platform/lazy-libraries.ts';
import {
  creditCodeProblem,
  ENTERPRISE_KIND_LABELS,
  ENTERPRISE_KINDS,
  ENTERPRISE_SCALE_LABELS,
  ENTERPRISE_SCALES,
  PLATFORMS,
  type EnterpriseRecordField,
} from '@pgs/domain';
import { NUMBER_FORMATS } from '../platform/xlsx-format.ts';
import { MAX_IMPORT_ROWS } from './enterprise-sheet-reader.ts';
import {
  columnWidth,
  DATA_SHEET,
  FIELD_NOTES,
  FIELDS,
  label,
  NOTES_SHEET,
  PLATFORM_CHOICES,
  REQUIRED,
  TEXT_COLUMNS,
} from './enterprise-workbook-columns.ts';

/** The import template of the base database (R3.1): what a platform or the eitc downloads, fills in and uploads. */

/** A valid code for the example row, made with the domain's check (no second implementation of GB 32100). */
function exampleCreditCode(): string {
  const body = '91330303MA2AB1CD3';
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') if (creditCodeProblem(body + c) === null) return body + c;
  return `${body}0`;
}

const EXAMPLE: Record<EnterpriseRecordField, string | number> = {
  creditCode: exampleCreditCode(),
  name: '温州示例电气有限公司',
  platformKey: PLATFORMS[1]!.name,
  kind: ENTERPRISE_KIND_LABELS.industrial,
  scale: ENTERPRISE_SCALE_LABELS.above,
  landOwned: 32.5,
  landLeased: '',
  tax: 486.2,
  valueAdded: 3120,
  revenue: 15800,
  rdExpense: 520,
  employees: 210,
  energyTce: 1850,
  emissionsTons: 3.6,
  electricityKwh: 4200000,
  waterTons: 26000,
  producing: '是',
  registeredOn: '2012-06-18',
  industryCode: '3823',
  backward: '否',
  backwardBasis: '',
  zombie: '否',
  zombieBasis: '',
  utility: '否',
};

/**
 * Rows of the template that get drop-down lists: every row the import accepts (issue #9: rows 2–2001 only left the
 * rest unguarded). Excel, WPS and LibreOffice keep the range as one; ExcelJS's reader expands it cell by cell, so
 * a program that loads the template with ExcelJS should pass `ignoreNodes: ['dataValidations']`.
 */
const VALIDATED_ROWS = MAX_IMPORT_ROWS;

/** The import template: the header row (with a note on every cell), drop-downs, and a notes sheet with an example. */
export async function buildTemplateWorkbook(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'PGS 平台产业管理引导系统';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FIELDS.map((field) => ({ header: label(field), key: field, width: columnWidth(field) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  FIELDS.forEach((field, index) => {
    header.getCell(index + 1).note = `${REQUIRED.has(field) ? '必填列' : '选填列'}：${FIELD_NOTES[field]}`;
  });
  // Codes stay text, so Excel keeps all 18 characters and the leading zero of 大类 such as "06".
  for (const field of TEXT_COLUMNS) sheet.getColumn(field).numFmt = '@';
  // A day typed as 2019/5/20 or 2019-05-20 becomes an Excel date, shown one way.
  sheet.getColumn('registeredOn').numFmt = NUMBER_FORMATS.day;
  const lists: Array<[EnterpriseRecordField, string[]]> = [
    ['platformKey', PLATFORM_CHOICES],
    ['kind', ENTERPRISE_KINDS.map((kind) => ENTERPRISE_KIND_LABELS[kind])],
    ['scale', ENTERPRISE_SCALES.map((scale) => ENTERPRISE_SCALE_LABELS[scale])],
    ...(['producing', 'backward', 'zombie', 'utility'] as const).map((field): [EnterpriseRecordField, string[]] => [
      field,
      ['是', '否'],
    ]),
  ];
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } })
    .dataValidations;
  for (const [field, choices] of lists) {
    const letter = sheet.getColumn(field).letter;
    validations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: label(field),
      error: FIELD_NOTES[field],
    });
  }

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: '列名', key: 'label', width: 30 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 90 },
    { header: '示例', key: 'example', width: 28 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const field of FIELDS)
    notes.addRow({
      label: label(field),
      required: REQUIRED.has(field) ? '必填' : '选填',
      note: FIELD_NOTES[field],
      example: EXAMPLE[field],
    });
  notes.addRow({});
  notes.addRow({
    label: '说明',
    note: `在“${DATA_SHEET}”表第 2 行起每行填一家企业；导入时选择评价年度。整个文件检查无误才写入，有错误时列出每个错误单元格（行号、列名、原因），不写入任何数据。`,
  });
  notes.addRow({
    label: '说明',
    note: '重新导入同一年度时按统一社会信用代码更新该企业当年的数据；数据相同的行保持不变。',
  });
  notes.getColumn('note').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

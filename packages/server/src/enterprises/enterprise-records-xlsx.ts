import { once } from 'node:events';
import { Readable, type PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  creditCodeProblem,
  ENTERPRISE_KIND_LABELS,
  ENTERPRISE_KINDS,
  ENTERPRISE_RECORD_FIELD_LABELS,
  ENTERPRISE_SCALE_LABELS,
  ENTERPRISE_SCALES,
  enterpriseRecordSchema,
  PLATFORMS,
  platformName,
  type EnterpriseRecordField,
  type EnterpriseRecordView,
  type PlatformKey,
} from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';

/**
 * The base database's workbooks (R3.1): the import template, the streaming import reader and the list export. The
 * three share one set of columns, the domain's Chinese labels, so an exported list can be edited and imported back.
 */

export const DATA_SHEET = '企业年度数据';
export const NOTES_SHEET = '填写说明';
export const NO_PLATFORM_LABEL = '平台外';
/** A zip of 64 MB can unpack to far more rows than anyone files; past this the reader stops instead of filling memory. */
export const MAX_IMPORT_ROWS = 200_000;

export type SheetRowError = { row: number; column: string; message: string };

const FIELDS = Object.keys(ENTERPRISE_RECORD_FIELD_LABELS) as EnterpriseRecordField[];
const label = (field: EnterpriseRecordField) => ENTERPRISE_RECORD_FIELD_LABELS[field];
/** A column the import cannot do without: the domain's schema refuses a record that lacks the field (not a second list). */
const REQUIRED = new Set(FIELDS.filter((field) => !enterpriseRecordSchema.shape[field].safeParse(undefined).success));
/** Columns only the export has (derived figures): the import skips them, so an export can be filled in and re-imported. */
const EXPORT_ONLY = { landTotal: '用地合计（亩）', taxPerMu: '亩均税收（万元/亩）' } as const;

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
const PLATFORM_CHOICES = [...PLATFORMS.map((platform) => platform.name), NO_PLATFORM_LABEL];
const YES_NO = '填“是”或“否”';

/** What the notes sheet says of each column: unit or allowed values. Presentation only; the rules are the domain's. */
const FIELD_NOTES: Record<EnterpriseRecordField, string> = {
  creditCode: '18 位统一社会信用代码（本列为文本格式，请勿转成数字）；同一年度每家企业只填一行',
  name: '企业全称',
  platformKey: `填 ${PLATFORM_CHOICES.map((choice) => `“${choice}”`).join('、')}（不在三大平台内的填“${NO_PLATFORM_LABEL}”）`,
  kind: `填“${ENTERPRISE_KIND_LABELS.industrial}”或“${ENTERPRISE_KIND_LABELS.service}”`,
  scale: `填“${ENTERPRISE_SCALE_LABELS.above}”（规模以上）或“${ENTERPRISE_SCALE_LABELS.below}”（规模以下）`,
  ...(Object.fromEntries(Object.entries(QUANTITY_UNITS).map(([field, unit]) => [field, `单位：${unit}；没有数据的留空（不要用 0 代替缺失）`])) as Record<string, string>),
  producing: `${YES_NO}（未投产、停产填“否”）`,
  registeredOn: '日期，如 2019-05-20；不能晚于评价年度年末',
  industryCode: 'GB/T 4754-2017 行业代码：门类字母或 2–4 位数字（本列为文本格式，保留前导 0）',
  backward: `${YES_NO}，留空为“否”`,
  backwardBasis: '标记为淘汰落后类时必填（文件、检查结论等）',
  zombie: `${YES_NO}，留空为“否”`,
  zombieBasis: '标记为停产僵尸类时必填',
  utility: `${YES_NO}：电力、热力、燃气、水务、垃圾和污水处理企业填“是”（不参加 ABCD 分类），留空为“否”`,
} as Record<EnterpriseRecordField, string>;

const TEXT_COLUMNS: EnterpriseRecordField[] = ['creditCode', 'industryCode'];
const WIDTHS: Partial<Record<EnterpriseRecordField, number>> = { creditCode: 22, name: 32, platformKey: 24, backwardBasis: 28, zombieBasis: 28 };

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

/** Rows of the template that get drop-down lists: other readers expand the range cell by cell, so it stays modest. */
const VALIDATED_ROWS = 2000;

/** The import template: the header row (with a note on every cell), drop-downs, and a notes sheet with an example. */
export async function buildTemplateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PGS 平台产业管理引导系统';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FIELDS.map((field) => ({ header: label(field), key: field, width: WIDTHS[field] ?? Math.max(12, label(field).length * 2 + 2) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  FIELDS.forEach((field, index) => {
    header.getCell(index + 1).note = `${REQUIRED.has(field) ? '必填列' : '选填列'}：${FIELD_NOTES[field]}`;
  });
  // Codes stay text, so Excel keeps all 18 characters and the leading zero of 大类 such as "06".
  for (const field of TEXT_COLUMNS) sheet.getColumn(field).numFmt = '@';
  const lists: Array<[EnterpriseRecordField, string[]]> = [
    ['platformKey', PLATFORM_CHOICES],
    ['kind', ENTERPRISE_KINDS.map((kind) => ENTERPRISE_KIND_LABELS[kind])],
    ['scale', ENTERPRISE_SCALES.map((scale) => ENTERPRISE_SCALE_LABELS[scale])],
    ...(['producing', 'backward', 'zombie', 'utility'] as const).map((field): [EnterpriseRecordField, string[]] => [field, ['是', '否']]),
  ];
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
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
  for (const field of FIELDS) notes.addRow({ label: label(field), required: REQUIRED.has(field) ? '必填' : '选填', note: FIELD_NOTES[field], example: EXAMPLE[field] });
  notes.addRow({});
  notes.addRow({ label: '说明', note: `在“${DATA_SHEET}”表第 2 行起每行填一家企业；导入时选择评价年度。整个文件检查无误才写入，有错误时列出每个错误单元格（行号、列名、原因），不写入任何数据。` });
  notes.addRow({ label: '说明', note: '重新导入同一年度时按统一社会信用代码更新该企业当年的数据；数据相同的行保持不变。' });
  notes.getColumn('note').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** People type names with full-width brackets and stray spaces; compare what they mean. */
const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const HEADERS = new Map<string, EnterpriseRecordField | null>([
  ...FIELDS.flatMap((field): Array<[string, EnterpriseRecordField]> => [
    [normal(label(field)), field],
    [normal(field), field],
  ]),
  ...Object.values(EXPORT_ONLY).map((text): [string, null] => [normal(text), null]),
]);

const PLATFORM_WORDS = new Map<string, PlatformKey | null>([
  ...PLATFORMS.flatMap((platform): Array<[string, PlatformKey]> => [
    [normal(platform.key), platform.key],
    [normal(platform.name), platform.key],
    [normal(platform.shortName), platform.key],
  ]),
  ...[NO_PLATFORM_LABEL, '无', '其他', 'none'].map((word): [string, null] => [normal(word), null]),
]);
const KIND_WORDS = new Map<string, string>(
  ENTERPRISE_KINDS.flatMap((kind) => [normal(kind), normal(ENTERPRISE_KIND_LABELS[kind]), normal(ENTERPRISE_KIND_LABELS[kind].replace('企业', ''))].map((word): [string, string] => [word, kind])),
);
const SCALE_WORDS = new Map<string, string>([
  ...ENTERPRISE_SCALES.map((scale): [string, string] => [normal(scale), scale]),
  ...ENTERPRISE_SCALES.map((scale): [string, string] => [normal(ENTERPRISE_SCALE_LABELS[scale]), scale]),
  [normal('规模以上'), 'above'],
  [normal('规模以下'), 'below'],
]);
const CHOICES: Partial<Record<EnterpriseRecordField, string>> = {
  platformKey: PLATFORM_CHOICES.map((choice) => `“${choice}”`).join('、'),
  kind: `“${ENTERPRISE_KIND_LABELS.industrial}”或“${ENTERPRISE_KIND_LABELS.service}”`,
  scale: `“${ENTERPRISE_SCALE_LABELS.above}”或“${ENTERPRISE_SCALE_LABELS.below}”`,
};

/** A cell as a plain value: formulas give their result, rich text and links their text, error cells their code. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return undefined;
  if ('error' in value) return String(value.error);
  if ('text' in value) return plain(value.text as ExcelJS.CellValue);
  return String(value);
}

/**
 * Excel date cells arrive as Dates at UTC midnight of the day shown (exceljs converts the serial number in UTC), so
 * the UTC calendar day is the day the user typed, whatever the server's time zone.
 */
const utcDay = (date: Date) => (Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString().slice(0, 10));

type Choice = { value: unknown; unknown: boolean };
function choose(words: Map<string, unknown>, value: unknown): Choice {
  if (typeof value !== 'string') return { value, unknown: true };
  const word = normal(value);
  return words.has(word) ? { value: words.get(word), unknown: false } : { value, unknown: true };
}

/** A cell as the record field the domain validates; blanks become what the domain reads as "not given" for that field. */
function fieldValue(field: EnterpriseRecordField, cell: unknown): { value: unknown; choiceProblem?: string } {
  const blank = cell === undefined || (typeof cell === 'string' && cell.trim() === '');
  switch (field) {
    case 'creditCode':
    case 'name':
      return { value: blank ? '' : cell instanceof Date ? utcDay(cell) : typeof cell === 'string' ? cell : String(cell) };
    case 'platformKey':
    case 'kind':
    case 'scale': {
      const words = field === 'platformKey' ? PLATFORM_WORDS : field === 'kind' ? KIND_WORDS : SCALE_WORDS;
      const choice = blank ? { value: undefined, unknown: true } : choose(words, cell);
      if (!choice.unknown) return { value: choice.value };
      const problem = blank ? `请填写“${label(field)}”：${CHOICES[field]}` : `“${label(field)}”应为${CHOICES[field]}，实为“${String(cell)}”`;
      return { value: choice.value, choiceProblem: problem };
    }
    case 'producing':
    case 'backward':
    case 'zombie':
    case 'utility':
      return { value: blank ? undefined : typeof cell === 'string' ? cell.trim() : cell };
    case 'registeredOn':
      return { value: blank ? undefined : cell instanceof Date ? utcDay(cell) : cell };
    case 'industryCode':
    case 'backwardBasis':
    case 'zombieBasis':
      return { value: blank ? undefined : typeof cell === 'number' ? String(cell) : cell };
    default:
      // The figures: a blank cell is a missing figure (D14); numbers and text go to the domain as they are.
      return { value: blank ? null : cell };
  }
}

export type ParsedSheet = {
  /** File and header problems: when there are any, no row was read. */
  problems: SheetRowError[];
  /** The rows' records in order, and each one's spreadsheet row number. */
  records: Record<string, unknown>[];
  rowNumbers: number[];
  /** Messages that replace the domain's for a cell whose text names no platform, kind or scale: `${row}:${field}`. */
  choiceProblems: Map<string, string>;
};

/** The end-of-central-directory record: its signature, within the last 22 bytes + a comment of at most 65 535. */
const ZIP_DIRECTORY_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_DIRECTORY_TAIL = 22 + 65_535;
/** Far beyond 200 000 rows of XML (~200 MB): more than this unpacked is a zip bomb, not a spreadsheet. */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
const DAMAGED = '文件已损坏，请在 Excel 中重新保存为 .xlsx 后上传';

/**
 * Checks the zip before ExcelJS reads it: the directory is there (a file cut short by an interrupted upload is
 * refused), and every entry inflates to its recorded size and CRC-32. ExcelJS's streaming reader (through unzipper)
 * waits forever on an entry whose compressed data is corrupt, and a failed read leaves its temporary files behind,
 * so damage must be found first. Inflating is streamed (no entry held whole) and costs a fraction of the parse.
 */
async function zipProblem(file: Buffer): Promise<string | null> {
  const end = file.lastIndexOf(ZIP_DIRECTORY_END);
  if (end < 0 || end < file.length - ZIP_DIRECTORY_TAIL || end + 22 > file.length) return '文件不完整（可能上传或复制时中断），请重新保存后上传';
  const entries = file.readUInt16LE(end + 10);
  const directorySize = file.readUInt32LE(end + 12);
  let offset = file.readUInt32LE(end + 16);
  // ZIP64 (entries of 4 GB and more) is left to the reader: no spreadsheet within the 64 MB upload limit needs it.
  if (entries === 0xffff || offset === 0xffffffff) return null;
  if (offset + directorySize > end) return DAMAGED;
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > end || file.readUInt32LE(offset) !== 0x02014b50) return DAMAGED;
    const method = file.readUInt16LE(offset + 10);
    const crc = file.readUInt32LE(offset + 16);
    const compressed = file.readUInt32LE(offset + 20);
    const size = file.readUInt32LE(offset + 24);
    const local = file.readUInt32LE(offset + 42);
    offset += 46 + file.readUInt16LE(offset + 28) + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
    if (local + 30 > file.length || file.readUInt32LE(local) !== 0x04034b50) return DAMAGED;
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (start + compressed > file.length || (method !== 0 && method !== 8)) return DAMAGED;
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES) return '文件解压后过大，不是正常的 Excel 表格';
    const data = file.subarray(start, start + compressed);
    if (method === 0) {
      if (data.length !== size || zlib.crc32(data) !== crc) return DAMAGED;
      continue;
    }
    const inflater = zlib.createInflateRaw();
    let actualCrc = 0;
    let actualSize = 0;
    inflater.on('data', (chunk: Buffer) => {
      actualSize += chunk.length;
      // A size beyond the recorded one is not inflated further.
      if (actualSize > size) inflater.destroy(new Error('larger than recorded'));
      else actualCrc = zlib.crc32(chunk, actualCrc);
    });
    inflater.end(data);
    try {
      await once(inflater, 'end');
    } catch {
      return DAMAGED;
    }
    if (actualSize !== size || actualCrc >>> 0 !== crc) return DAMAGED;
  }
  return null;
}

const fileProblem = (message: string): ParsedSheet => ({ problems: [{ row: 0, column: '', message }], records: [], rowNumbers: [], choiceProblems: new Map() });

/**
 * Reads the workbook with ExcelJS's streaming reader: rows are turned into plain records as they stream past, so a
 * 100 000-row file never becomes a workbook object model in memory. Styles are read so date cells come as dates.
 */
export async function parseEnterpriseWorkbook(file: Buffer): Promise<ParsedSheet> {
  // .xlsx is a zip ("PK"); an .xls (OLE2) or a renamed CSV would only make the unzipper fail obscurely.
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) return fileProblem('文件不是有效的 Excel（.xlsx）文件；旧版 .xls 或 CSV 请在 Excel 中另存为 .xlsx');
  const damaged = await zipProblem(file);
  if (damaged) return fileProblem(damaged);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  // Every worksheet is iterated to the end even after the data sheet is read: ExcelJS parks sheets that come before the
  // shared strings in temporary files and deletes each one only when the iteration moves past it.
  let sheet: ParsedSheet | null = null;
  try {
    for await (const worksheet of reader) {
      if (sheet !== null || (worksheet as unknown as { name?: string }).name === NOTES_SHEET) continue;
      sheet = await readSheet(worksheet as unknown as AsyncIterable<ExcelJS.Row>);
    }
  } catch {
    return fileProblem('文件已损坏或不是有效的 Excel（.xlsx）文件，请在 Excel 中重新保存后上传');
  }
  return sheet ?? fileProblem(`工作簿中没有“${DATA_SHEET}”工作表`);
}

async function readSheet(rows: AsyncIterable<ExcelJS.Row>): Promise<ParsedSheet> {
  const parsed: ParsedSheet = { problems: [], records: [], rowNumbers: [], choiceProblems: new Map() };
  let columns: Array<[column: number, field: EnterpriseRecordField]> | null = null;
  for await (const row of rows) {
    const values = row.values as ExcelJS.CellValue[];
    if (columns === null) {
      if (row.number !== 1) {
        parsed.problems.push({ row: 1, column: '', message: `第 1 行应为表头（请使用模板，表头在“${DATA_SHEET}”表第 1 行）` });
        return parsed;
      }
      columns = readHeader(values, parsed.problems);
      if (parsed.problems.length > 0) return parsed;
      continue;
    }
    const record: Record<string, unknown> = {};
    let empty = true;
    for (const [column, field] of columns) {
      const cell = plain(values[column]);
      if (cell !== undefined && !(typeof cell === 'string' && cell.trim() === '')) empty = false;
      const { value, choiceProblem } = fieldValue(field, cell);
      if (value !== undefined) record[field] = value;
      if (choiceProblem) parsed.choiceProblems.set(`${row.number}:${field}`, choiceProblem);
    }
    if (empty) {
      for (const [, field] of columns) parsed.choiceProblems.delete(`${row.number}:${field}`);
      continue;
    }
    if (parsed.records.length === MAX_IMPORT_ROWS) {
      parsed.problems.push({ row: row.number, column: '', message: `数据超过 ${MAX_IMPORT_ROWS} 行上限，请分批导入` });
      return parsed;
    }
    parsed.records.push(record);
    parsed.rowNumbers.push(row.number);
  }
  if (columns === null) parsed.problems.push({ row: 1, column: '', message: `“${DATA_SHEET}”表是空的，请使用模板填写` });
  else if (parsed.records.length === 0) parsed.problems.push({ row: 2, column: '', message: '没有数据行：请从第 2 行起每行填写一家企业' });
  return parsed;
}

/** Maps header cells to fields; an unknown, repeated or missing required column is a problem of row 1. */
function readHeader(values: ExcelJS.CellValue[], problems: SheetRowError[]): Array<[number, EnterpriseRecordField]> {
  const columns: Array<[number, EnterpriseRecordField]> = [];
  const seen = new Set<EnterpriseRecordField>();
  values.forEach((value, column) => {
    const text = String(plain(value) ?? '').trim();
    if (text === '') return;
    const field = HEADERS.get(normal(text));
    if (field === undefined) problems.push({ row: 1, column: text, message: `无法识别的列“${text}”，请使用模板中的列名` });
    else if (field === null) return;
    else if (seen.has(field)) problems.push({ row: 1, column: text, message: `列“${text}”出现了不止一次` });
    else {
      seen.add(field);
      columns.push([column, field]);
    }
  });
  for (const field of REQUIRED) if (!seen.has(field)) problems.push({ row: 1, column: label(field), message: `缺少必填列“${label(field)}”` });
  return columns;
}

/** The Chinese header of a field name the domain reports ('' stays '': the whole row). */
export function columnLabel(field: string): string {
  return field in ENTERPRISE_RECORD_FIELD_LABELS ? label(field as EnterpriseRecordField) : field;
}

// ── export ──────────────────────────────────────────────────────────────────────────────────────────────────────

const yesNo = (value: boolean) => (value ? '是' : '否');
const figure = (value: string | null) => (value === null ? null : Number(value));

/** Streams a list into the template's columns plus the derived ones, one row per enterprise-year. */
export function streamEnterpriseWorkbook(rows: AsyncIterable<EnterpriseRecordView>): PassThrough {
  const columns = [
    ...FIELDS.map((field) => ({ header: label(field), key: field, width: WIDTHS[field] ?? Math.max(12, label(field).length * 2 + 2) })),
    { header: EXPORT_ONLY.landTotal, key: 'landTotal', width: 16 },
    { header: EXPORT_ONLY.taxPerMu, key: 'taxPerMu', width: 18 },
  ];
  return streamWorkbook(DATA_SHEET, columns, rows, (record) => ({
    creditCode: record.creditCode,
    name: record.name,
    platformKey: record.platformKey === null ? NO_PLATFORM_LABEL : platformName(record.platformKey),
    kind: ENTERPRISE_KIND_LABELS[record.kind],
    scale: ENTERPRISE_SCALE_LABELS[record.scale],
    landOwned: figure(record.landOwned),
    landLeased: figure(record.landLeased),
    tax: figure(record.tax),
    valueAdded: figure(record.valueAdded),
    revenue: figure(record.revenue),
    rdExpense: figure(record.rdExpense),
    employees: figure(record.employees),
    energyTce: figure(record.energyTce),
    emissionsTons: figure(record.emissionsTons),
    electricityKwh: figure(record.electricityKwh),
    waterTons: figure(record.waterTons),
    producing: yesNo(record.producing),
    registeredOn: record.registeredOn ?? '',
    industryCode: record.industryCode ?? '',
    backward: yesNo(record.backward),
    backwardBasis: record.backwardBasis ?? '',
    zombie: yesNo(record.zombie),
    zombieBasis: record.zombieBasis ?? '',
    utility: yesNo(record.utility),
    landTotal: figure(record.landTotal),
    taxPerMu: figure(record.taxPerMu),
  }));
}


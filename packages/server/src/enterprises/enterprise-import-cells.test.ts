import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { ENTERPRISE_RECORD_FIELD_LABELS, EXCEL_ERROR_VALUES, type EnterpriseRecordField } from '@pgs/domain';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { XLSX_MIME } from '../platform/http.ts';
import { inflateEntry, zipEntries } from '../platform/zip-entries.ts';
import { makeZip } from '../platform/zip.test-support.ts';
import { enterpriseRecords } from './enterprises.table.ts';

/**
 * Issue #9, spreadsheets as offices and other programs fill them: uncomputed formulas (openpyxl, Apache POI), every
 * Excel error value, numbers as text and with thousands separators, invisible characters, typed dates, a credit code
 * stored as a number, extra columns, a renamed sheet, a title row; each refused with its exact message and nothing
 * written (rows counted before and after a real import), or read as the user meant.
 */

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const FIELDS = Object.keys(ENTERPRISE_RECORD_FIELD_LABELS) as EnterpriseRecordField[];
const LABELS = FIELDS.map((field) => ENTERPRISE_RECORD_FIELD_LABELS[field]);
const YEAR = 2024;

const BOUNDARY = '----pgs-import-cells';
function importFile(user: string, file: Buffer, query: string) {
  const payload = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="企业数据.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/enterprise-records/import?${query}`,
    headers: { cookie: cookies[user]!, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload,
  });
}
const recordsOf = async (year: number) =>
  (await t.database.db.select({ n: count() }).from(enterpriseRecords).where(eq(enterpriseRecords.year, year)))[0]!.n;

/** Dry run, then a real import: both refuse with `errors`, and the year holds as many rows after as before. */
async function refusedWith(file: Buffer, errors: unknown[], user = 'eitc') {
  const dry = await importFile(user, file, `year=${YEAR}&dryRun=true`);
  expect(dry.statusCode, dry.body).toBe(200);
  expect(dry.json().valid).toBe(false);
  expect(dry.json().errors).toEqual(errors);
  const before = await recordsOf(YEAR);
  const real = await importFile(user, file, `year=${YEAR}&dryRun=false`);
  expect(real.statusCode, real.body).toBe(422);
  expect(real.json().error.details).toEqual(errors);
  expect(await recordsOf(YEAR)).toBe(before);
  return dry.json();
}

type Cells = Partial<Record<EnterpriseRecordField, ExcelJS.CellValue>>;
const row = (n: number, over: Cells = {}): Cells => ({
  creditCode: creditCodeFor(300_000 + n),
  name: `温州单元格测试${n}有限公司`,
  platformKey: '浙南产业集聚区',
  kind: '工业企业',
  scale: '规上',
  landOwned: 20,
  landLeased: null,
  tax: 150.5,
  valueAdded: 800,
  revenue: 3200,
  rdExpense: 90,
  employees: 120,
  energyTce: 410,
  emissionsTons: 1.8,
  electricityKwh: 2_100_000,
  waterTons: 9000,
  producing: '是',
  ...over,
});

/** A workbook written by ExcelJS: the template's sheet and headers (plus `extra` headers after them), rows from row 2. */
async function excelJsFile(
  rows: Cells[],
  options: {
    sheetName?: string;
    extra?: string[];
    extraValues?: ExcelJS.CellValue[];
    titleRows?: number;
    textColumns?: boolean;
  } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? '企业年度数据');
  workbook.addWorksheet('填写说明').addRow(['列名']);
  const top = options.titleRows ?? 0;
  if (top > 0) sheet.getCell('A1').value = `${YEAR} 年度企业数据汇总表`;
  sheet.getRow(top + 1).values = [...LABELS, ...(options.extra ?? [])];
  rows.forEach((cells, i) => {
    const target = sheet.getRow(top + i + 2);
    for (const [field, value] of Object.entries(cells))
      target.getCell(FIELDS.indexOf(field as EnterpriseRecordField) + 1).value = value;
    (options.extraValues ?? []).forEach((value, k) => (target.getCell(FIELDS.length + k + 1).value = value));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── hand-made XML, as openpyxl and Apache POI write it ──────────────────────────────────────────────────────────────

const letter = (column: number): string =>
  column <= 26
    ? String.fromCharCode(64 + column)
    : letter(Math.floor((column - 1) / 26)) + String.fromCharCode(65 + ((column - 1) % 26));
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A cell's XML by its value: text inline, numbers plain, or the raw XML of `{ xml }` (the content inside `<c>`, with attributes). */
type HandCell = string | number | { attributes?: string; xml: string };
function handCell(ref: string, value: HandCell): string {
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  return `<c r="${ref}"${value.attributes ?? ''}>${value.xml}</c>`;
}
function handRow(number: number, values: HandCell[]): string {
  return `<row r="${number}">${values.map((value, i) => handCell(`${letter(i + 1)}${number}`, value)).join('')}</row>`;
}
/** One sheet named 企业年度数据, no styles, no shared strings: the least a writer may produce. */
function handMadeFile(rows: string): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<workbook><sheets><sheet name="企业年度数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet><sheetData>${rows}</sheetData></worksheet>` },
  ]);
}
/** A row of hand-made cells from `row(n)` with some replaced; a null cell is left out. */
function handValues(n: number, over: Partial<Record<EnterpriseRecordField, HandCell>> = {}): HandCell[] {
  const base = row(n) as Record<string, unknown>;
  return FIELDS.map(
    (field) =>
      over[field] ?? (base[field] === undefined || base[field] === null ? '' : (base[field] as string | number)),
  );
}

const label = (field: EnterpriseRecordField) => ENTERPRISE_RECORD_FIELD_LABELS[field];
const UNCOMPUTED = '公式没有计算结果，请在 Excel 中打开并保存后再上传';

describe('cells with no value to read are refused, row and column named (issue #9)', () => {
  it('formulas saved without their result (openpyxl: an empty <v>; Apache POI: no <v>), in figures and in text', async () => {
    const file = handMadeFile(
      handRow(1, LABELS) +
        handRow(2, handValues(1, { tax: { xml: '<f>SUM(B2:C2)</f><v></v>' } })) +
        handRow(
          3,
          handValues(2, {
            name: { attributes: ' t="str"', xml: '<f>"温州"&amp;"公司"</f>' },
            revenue: { xml: '<f t="shared" ref="J3:J4" si="0">I3*4</f>' },
          }),
        ) +
        // A formula that Excel calculated reads as its result.
        handRow(4, handValues(3, { revenue: { xml: '<f>I4*4</f><v>3200</v>' } })),
    );
    await refusedWith(file, [
      { row: 2, column: label('tax'), message: UNCOMPUTED },
      { row: 3, column: label('name'), message: UNCOMPUTED },
      { row: 3, column: label('revenue'), message: UNCOMPUTED },
    ]);
  });

  it('every Excel error value, stored as an error (t="e") in any column or typed as text, with the value named', async () => {
    const columns: EnterpriseRecordField[] = [
      'name',
      'tax',
      'registeredOn',
      'industryCode',
      'backwardBasis',
      'platformKey',
      'producing',
      'creditCode',
      'employees',
      'zombieBasis',
    ];
    const rows = EXCEL_ERROR_VALUES.map((value, i) =>
      handRow(
        i + 2,
        handValues(i + 10, { [columns[i]!]: { attributes: ' t="e"', xml: `<v>${escapeXml(value)}</v>` } }),
      ),
    );
    const typed = EXCEL_ERROR_VALUES.map((value, i) =>
      handRow(
        i + 12,
        handValues(i + 30, { [columns[(i + 3) % columns.length]!]: i % 2 === 0 ? value : ` ${value.toLowerCase()} ` }),
      ),
    );
    const file = handMadeFile(handRow(1, LABELS) + rows.join('') + typed.join(''));
    await refusedWith(file, [
      ...EXCEL_ERROR_VALUES.map((value, i) => ({
        row: i + 2,
        column: label(columns[i]!),
        message: `单元格是 Excel 错误值 ${value}，请改正后再上传`,
      })),
      ...EXCEL_ERROR_VALUES.map((value, i) => ({
        row: i + 12,
        column: label(columns[(i + 3) % columns.length]!),
        message: `单元格是 Excel 错误值 ${value}，请改正后再上传`,
      })),
    ]);
  });

  it('ExcelJS writes an error value and a formula without result the same way: refused alike', async () => {
    const file = await excelJsFile([
      row(50, { name: { error: '#N/A' } as ExcelJS.CellValue }),
      row(51, { tax: { formula: 'I3*2' } as ExcelJS.CellValue }),
      row(52, { backwardBasis: '#DIV/0!' }),
    ]);
    await refusedWith(file, [
      { row: 2, column: label('name'), message: '单元格是 Excel 错误值 #N/A，请改正后再上传' },
      { row: 3, column: label('tax'), message: UNCOMPUTED },
      { row: 4, column: label('backwardBasis'), message: '单元格是 Excel 错误值 #DIV/0!，请改正后再上传' },
    ]);
  });
});

describe('what offices type is read as they meant it (issue #9)', () => {
  it('numbers as text, thousands separators, invisible characters, dates typed five ways; an extra column is a warning', async () => {
    const code = creditCodeFor(300_100);
    const rows = [
      row(100, {
        creditCode: `\u200b${code.slice(0, 6)}\u200d${code.slice(6)}\ufeff`,
        name: '温州\u00a0看不见\u2060字符有限公司\u00ad',
        revenue: '1,234.56',
        tax: '486.2',
        electricityKwh: '4,200,000',
        registeredOn: '2019/5/20',
      }),
      row(101, { registeredOn: '2019.05.20', valueAdded: '１，０００' }),
      row(102, { registeredOn: '2019年5月20日' }),
      row(103, { registeredOn: '20190520' }),
      row(104, { registeredOn: 20190520 }),
      row(105, { registeredOn: '2019-5-2', industryCode: '\u200b3821 ' }),
    ];
    const file = await excelJsFile(rows, { extra: ['备注', '联系人'], extraValues: ['随便写的说明', '张三'] });
    const dry = await importFile('eitc', file, `year=${YEAR}&dryRun=true`);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ valid: true, rows: 6, errors: [], inserted: 6 });
    expect(dry.json().warnings).toEqual([
      { row: 1, column: '备注', message: '已忽略列“备注”：模板中没有这一列，其内容不会导入' },
      { row: 1, column: '联系人', message: '已忽略列“联系人”：模板中没有这一列，其内容不会导入' },
    ]);
    const real = await importFile('eitc', file, `year=${YEAR}&dryRun=false`);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ valid: true, inserted: 6, warnings: dry.json().warnings });
    const stored = await t.database.db.select().from(enterpriseRecords).where(eq(enterpriseRecords.year, YEAR));
    const of = (n: number) => stored.find((record) => record.creditCode === creditCodeFor(300_000 + n))!;
    expect(of(100)).toMatchObject({ creditCode: code, name: '温州 看不见字符有限公司', registeredOn: '2019-05-20' });
    expect([of(100).revenue, of(100).tax, of(100).electricityKwh].map(Number)).toEqual([1234.56, 486.2, 4_200_000]);
    expect(of(101).registeredOn).toBe('2019-05-20');
    expect(Number(of(101).valueAdded)).toBe(1000);
    for (const n of [102, 103, 104]) expect(of(n).registeredOn).toBe('2019-05-20');
    expect(of(105)).toMatchObject({ registeredOn: '2019-05-02', industryCode: '3821' });
  });

  it('refuses what cannot be meant: a day that does not exist, a wrong grouping, a credit code stored as a number', async () => {
    const file = await excelJsFile([
      row(200, { registeredOn: '2019/2/30' }),
      row(201, { registeredOn: '20191301', revenue: '1,23' }),
      // 913303001234567890 as Excel's double keeps it: the last digits are already lost.
      row(202, { creditCode: 913303001234567936 }),
      row(203, { registeredOn: '2019年4月31日' }),
    ]);
    await refusedWith(file, [
      { row: 2, column: label('registeredOn'), message: '“注册日期”2019/2/30 不存在' },
      { row: 3, column: label('revenue'), message: '“营业收入（万元）”必须是数字，实为“1,23”' },
      { row: 3, column: label('registeredOn'), message: '“注册日期”20191301 不存在' },
      { row: 4, column: label('creditCode'), message: '代码被 Excel 存成了数字，请把该列设为文本后重新输入' },
      { row: 5, column: label('registeredOn'), message: '“注册日期”2019年4月31日 不存在' },
    ]);
  });
});

describe('the file’s layout: messages that name the real cause (issue #9)', () => {
  it('a data sheet renamed: the sheets that are there are listed', async () => {
    const file = await excelJsFile([row(300)], { sheetName: 'Sheet1' });
    await refusedWith(file, [
      {
        row: 0,
        column: '',
        message:
          '工作簿中没有名为“企业年度数据”的工作表（现有工作表：“Sheet1”、“填写说明”），请把填好数据的工作表改名为“企业年度数据”后重新上传',
      },
    ]);
  });

  it('a workbook of one sheet is read whatever its name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(LABELS);
    sheet.addRow(FIELDS.map((field) => (row(301) as Record<string, ExcelJS.CellValue>)[field] ?? null));
    const dry = await importFile('eitc', Buffer.from(await workbook.xlsx.writeBuffer()), `year=${YEAR}&dryRun=true`);
    expect(dry.json()).toMatchObject({ valid: true, rows: 1 });
  });

  it('a title row above the header: the header must be on row 1, and where it is now', async () => {
    await refusedWith(await excelJsFile([row(310)], { titleRows: 1 }), [
      { row: 1, column: '', message: '表头必须在第 1 行：第 2 行是表头，请删除它上方的 1 行（标题或空行）后重新上传' },
    ]);
    await refusedWith(await excelJsFile([row(311)], { titleRows: 2 }), [
      { row: 1, column: '', message: '表头必须在第 1 行：第 3 行是表头，请删除它上方的 2 行（标题或空行）后重新上传' },
    ]);
  });

  it('a platform user’s rows of another platform: Chinese column names, the first 20 rows and the count', async () => {
    const file = await excelJsFile(
      Array.from({ length: 30 }, (_, n) => row(400 + n, { platformKey: '瓯江口产业集聚区' })),
    );
    const response = await importFile('zn', file, `year=${YEAR}&dryRun=true`);
    expect(response.statusCode).toBe(403);
    const error = response.json().error;
    expect(error.details).toHaveLength(20);
    expect(error.details[0]).toEqual({ row: 2, column: '所在平台', message: '所在平台不是本平台' });
    expect(error.message).toContain(`第 ${Array.from({ length: 20 }, (_, n) => n + 2).join('、')} 行等 30 行`);
    expect(response.body.length).toBeLessThan(3000);
  });

  it('a missing year says it is missing', async () => {
    const response = await importFile('eitc', await excelJsFile([row(500)]), 'dryRun=true');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('缺少年度');
    // The API document still describes the year as a required query parameter.
    const spec = t.app.swagger() as {
      paths: Record<string, { post?: { parameters?: Array<{ name: string; in: string; required?: boolean }> } }>;
    };
    expect(spec.paths['/api/v1/enterprise-records/import']!.post!.parameters).toContainEqual(
      expect.objectContaining({ name: 'year', in: 'query', required: true }),
    );
  });

  it('the template’s drop-downs cover every row the import accepts (200 000 data rows)', async () => {
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/v1/enterprise-records/template.xlsx',
      headers: { cookie: cookies.eitc! },
    });
    const file = template.rawPayload;
    const entries = zipEntries(file);
    const sheet = inflateEntry(file, entries.get('xl/worksheets/sheet1.xml')!, 64 * 1024 * 1024).toString('utf8');
    const ranges = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((match) => match[1]);
    expect(ranges.length).toBe(7);
    // The registration day's column shows dates as dates.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
    expect(workbook.getWorksheet('企业年度数据')!.getColumn(FIELDS.indexOf('registeredOn') + 1).numFmt).toBe(
      'yyyy-mm-dd',
    );
    for (const range of ranges) {
      const [from, to] = range!.split(':');
      expect([from!.replace(/\d+/, ''), from!.replace(/[A-Z]+/, ''), to!.replace(/[A-Z]+/, '')]).toEqual([
        to!.replace(/\d+/, ''),
        '2',
        '200001',
      ]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BASIS_LABELS, EXCEL_ERROR_VALUES } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { makeZip } from '../platform/zip.test-support.ts';

/**
 * Issue #9 for the catalog import: cells that are not text (dates, logical values, Excel error values, formulas
 * without their result) are refused in their cell, numbers are read as their text, invisible characters removed,
 * renamed files and sheets and title rows get the enterprise import's messages; a refusal changes nothing.
 */

let t: TestApp;
let drc: string;
beforeAll(async () => {
  t = await createTestApp();
  drc = await t.login('drc');
});
afterAll(() => t?.close());

const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: drc }, ...(payload ? { payload } : {}) });
let drafts = 0;
async function newDraft() {
  const response = await send('POST', '/catalogs/hitech/versions', { version: `单元格试验版${++drafts}` });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number; revision: number; items: unknown[] }>();
}
function upload(versionId: number, buffer: Buffer) {
  const boundary = '----pgs-catalog-cells';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="catalog.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog-versions/${versionId}/import`,
    headers: { cookie: drc, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const HEADER = ['序号', '类别', '行业代码', '行业名称', '关键词', '列入依据', '备注'];
const BASIS = BASIS_LABELS['R1.2-leading'];

async function workbook(
  rows: ExcelJS.CellValue[][],
  options: { sheetName?: string; title?: boolean; notes?: boolean } = {},
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheetName ?? '准入目录');
  if (options.title) sheet.addRow(['高新区产业准入指导目录']);
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  if (options.notes !== false) book.addWorksheet('说明').addRow(['平台', '高新区']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The upload is refused with exactly `details`, and the draft keeps its items and revision. */
async function refused(buffer: Buffer, details: unknown[]) {
  const draft = await newDraft();
  const response = await upload(draft.id, buffer);
  expect(response.statusCode, response.body).toBe(422);
  expect(response.json().error.details).toEqual(details);
  const after = (await send('GET', `/catalog-versions/${draft.id}`)).json();
  expect(after.revision).toBe(draft.revision);
  expect(after.items).toHaveLength(draft.items.length);
}

describe('catalog import: cells as other programs write them (issue #9)', () => {
  it('a date, a logical value, an error value and a formula without result are refused in their cells, never stored as text', async () => {
    const basis = BASIS;
    await refused(
      await workbook([
        [1, '鼓励类', '3612', '', '新能源', basis, new Date(Date.UTC(2027, 0, 1))],
        [2, '鼓励类', '3841', '', true, basis, ''],
        [3, '鼓励类', '3842', '', { error: '#N/A' }, basis, ''],
        [4, { formula: 'B2' }, '3843', '', '', basis, ''],
        [5, '鼓励类', '3844', '', '', basis, '#DIV/0!'],
      ]),
      [
        { row: 2, column: '备注', message: '单元格是日期，这一列应填文字：请把该列设为文本格式后重新输入' },
        { row: 3, column: '关键词', message: '单元格是逻辑值 TRUE，这一列应填文字' },
        { row: 4, column: '关键词', message: '单元格是 Excel 错误值 #N/A，请改正后再上传' },
        { row: 5, column: '类别', message: '公式没有计算结果，请在 Excel 中打开并保存后再上传' },
        { row: 6, column: '备注', message: '单元格是 Excel 错误值 #DIV/0!，请改正后再上传' },
      ],
    );
  });

  it('every Excel error value in a hand-made sheet (t="e", as openpyxl and POI write them) is named', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const header = `<row r="1">${HEADER.map((text, i) => cell(`${String.fromCharCode(65 + i)}1`, text)).join('')}</row>`;
    const rows = EXCEL_ERROR_VALUES.map((value, i) => {
      const n = i + 2;
      return `<row r="${n}">${cell(`B${n}`, '鼓励类')}${cell(`C${n}`, '3612')}${cell(`F${n}`, BASIS)}<c r="G${n}" t="e"><v>${value.replace('&', '&amp;')}</v></c></row>`;
    });
    const uncomputed = `<row r="12">${cell('B12', '鼓励类')}<c r="C12"><f>TEXT(3612,"0")</f></c>${cell('F12', BASIS)}</row>`;
    const file = makeZip([
      {
        name: '_rels/.rels',
        data: '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      },
      {
        name: 'xl/workbook.xml',
        data: '<workbook><sheets><sheet name="准入目录" sheetId="1" r:id="r1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<worksheet><sheetData>${header}${rows.join('')}${uncomputed}</sheetData></worksheet>`,
      },
    ]);
    await refused(file, [
      ...EXCEL_ERROR_VALUES.map((value, i) => ({
        row: i + 2,
        column: '备注',
        message: `单元格是 Excel 错误值 ${value}，请改正后再上传`,
      })),
      { row: 12, column: '行业代码', message: '公式没有计算结果，请在 Excel 中打开并保存后再上传' },
    ]);
  });

  it('numbers in text columns are read as their text, invisible characters removed; the draft is replaced', async () => {
    const draft = await newDraft();
    const response = await upload(
      draft.id,
      await workbook([
        [1, '鼓励类', 3612, '', '新能源\u200b汽车', BASIS, 2027],
        [2, '\ufeff鼓励类', '\u200b3841\u00a0', '', '', BASIS, '备\u00ad注'],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const items = (await send('GET', `/catalog-versions/${draft.id}`)).json().items as Array<{
      industryCode: string;
      keywords: string[];
      note: string;
    }>;
    expect(items.map((item) => [item.industryCode, item.keywords, item.note])).toEqual([
      ['3612', ['新能源汽车'], '2027'],
      ['3841', [], '备注'],
    ]);
  });
});

describe('catalog import: the file’s layout (issue #9)', () => {
  it('a renamed .xls or .ods gets the enterprise import’s messages', async () => {
    // An old .xls is an OLE2 compound file; an .ods is a zip without workbook.xml.
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    await refused(xls, [
      { row: 0, column: '', message: '文件不是有效的 Excel（.xlsx）文件；旧版 .xls 或 CSV 请在 Excel 中另存为 .xlsx' },
    ]);
    const ods = makeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    await refused(ods, [
      { row: 0, column: '', message: '文件不是 Excel 工作簿（缺少 workbook.xml），请在 Excel 中另存为 .xlsx 后上传' },
    ]);
  });

  it('a renamed sheet lists the sheets that are there; a title row says the header must be on row 1', async () => {
    await refused(await workbook([[1, '鼓励类', '3612', '', '', BASIS, '']], { sheetName: 'Sheet1' }), [
      {
        row: 0,
        column: '',
        message:
          '工作簿中没有名为“准入目录”的工作表（现有工作表：“Sheet1”、“说明”），请把目录所在的工作表改名为“准入目录”后重新上传',
      },
    ]);
    await refused(await workbook([[1, '鼓励类', '3612', '', '', BASIS, '']], { title: true }), [
      { row: 1, column: '', message: '表头必须在第 1 行：第 2 行是表头，请删除它上方的 1 行（标题或空行）后重新上传' },
    ]);
  });

  it('a workbook of one sheet is read whatever its name', async () => {
    const draft = await newDraft();
    const response = await upload(
      draft.id,
      await workbook([[1, '鼓励类', '3612', '', '', BASIS, '']], { sheetName: 'Sheet1', notes: false }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imported).toBe(1);
  });
});

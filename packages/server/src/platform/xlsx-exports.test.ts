import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { shanghaiDateTime } from '@pgs/domain';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { displayWidth, excelDay, excelTime, headerLines } from './xlsx-format.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * Issue #9, "exports a user can calculate with": every .xlsx export read back with ExcelJS. Days and times are Excel
 * dates with a date format (never text), times in Beijing time, every figure a number with a number format, every
 * header fits its column (wrapped in a row tall enough), classes labelled "C类" everywhere.
 */

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'eitc', 'auditor', 'drc']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

async function download(user: string, url: string): Promise<ExcelJS.Workbook> {
  const response = await send(user, 'GET', url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

const ROW_HEIGHT_PER_LINE = 16;
const DATE_FORMAT = /y/i;
const RAW_DATA_COLUMNS = new Set(['修改前', '修改后']);

/** The checks every export passes, sheet by sheet; answers the data rows of each sheet by header for closer looks. */
function checkWorkbook(workbook: ExcelJS.Workbook, headerSheets: (name: string) => boolean = () => true) {
  const sheets = new Map<string, Array<Record<string, { value: ExcelJS.CellValue; numFmt: string | undefined }>>>();
  for (const sheet of workbook.worksheets) {
    if (!headerSheets(sheet.name)) continue;
    const header = sheet.getRow(1);
    const headers: string[] = [];
    header.eachCell((cell, column) => {
      const text = cell.text;
      headers[column] = text;
      const width = sheet.getColumn(column).width ?? 9;
      const lines = headerLines(text, width);
      // The header is never cut: it fits on one line, or it wraps in a row tall enough for its lines.
      if (displayWidth(text) + 2 > width) {
        expect(cell.alignment?.wrapText, `${sheet.name}/${text} wraps`).toBe(true);
        expect(header.height ?? 0, `${sheet.name}/${text} row height for ${lines} lines`).toBeGreaterThanOrEqual(
          ROW_HEIGHT_PER_LINE * lines,
        );
      }
      expect(width, `${sheet.name}/${text} width`).toBeGreaterThanOrEqual(Math.min(displayWidth(text), 16));
    });
    const rows: Array<Record<string, { value: ExcelJS.CellValue; numFmt: string | undefined }>> = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, { value: ExcelJS.CellValue; numFmt: string | undefined }> = {};
      row.eachCell((cell, column) => {
        const where = `${sheet.name}!${cell.address} (${headers[column]})`;
        cells[headers[column] ?? String(column)] = { value: cell.value, numFmt: cell.numFmt };
        if (cell.value instanceof Date)
          expect(cell.numFmt, `${where} is a date with a date format`).toMatch(DATE_FORMAT);
        if (typeof cell.value === 'number')
          expect(cell.numFmt, `${where} is a figure with a number format`).toBeTruthy();
        // The audit trail's before/after columns hold the recorded data as it was stored (JSON), times included.
        if (typeof cell.value === 'string' && !RAW_DATA_COLUMNS.has(headers[column] ?? '')) {
          // A date or time as text (or as JavaScript prints one) cannot be calculated with.
          expect(cell.value, `${where} is not a date as text`).not.toMatch(/^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?/);
          expect(cell.value, `${where} is not a JavaScript date`).not.toMatch(/GMT|\d{4}-\d{2}-\d{2}T/);
        }
        if (headers[column] === '等级' || headers[column] === '评价等级')
          expect(cell.value, `${where} is labelled as a class`).toMatch(/^[ABCDT]类$/);
      });
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

describe('every .xlsx export (issue #9)', () => {
  let project: { id: number; reportedAt: string };
  beforeAll(async () => {
    const created = await send('zn', 'POST', '/projects', {
      name: '导出格式测试项目',
      platformKey: 'zhenan',
      investorName: '导出格式测试有限公司',
      industryCode: '3612',
      totalInvestment: 60000.125,
      fixedAssetInvestment: 40000,
      landArea: 100,
      expectedAnnualTax: 5000.5,
    });
    expect(created.statusCode, created.body).toBe(201);
    project = created.json();
    const records = [
      buildRecord({
        creditCode: creditCodeFor(7001),
        name: '导出企业甲',
        platformKey: 'zhenan',
        tax: '39.59219380888291',
        registeredOn: '2019-05-20',
      }),
      ...Array.from({ length: 11 }, (_, n) =>
        buildRecord({
          creditCode: creditCodeFor(7100 + n),
          name: `导出企业${n}`,
          platformKey: 'zhenan',
          tax: String(5 + n * 13.7),
          electricityKwh: String(90000 + n * 3331),
        }),
      ),
    ];
    const imported = await send('eitc', 'POST', '/enterprise-records', { year: 2024, records });
    expect(imported.statusCode, imported.body).toBe(201);
  });

  it('the projects ledger: dates and the report time (Beijing) as Excel dates, money with a number format', async () => {
    const rows = checkWorkbook(await download('zn', '/projects/export.xlsx')).get('招商项目台账')!;
    const row = rows.find((cells) => cells['项目名称']?.value === '导出格式测试项目')!;
    expect(row['登记时间（北京时间）']!.value).toEqual(excelTime(project.reportedAt));
    // Beijing wall clock, not UTC: the cell's own fields read as shanghaiDateTime does.
    expect((row['登记时间（北京时间）']!.value as Date).toISOString().slice(0, 19).replace('T', ' ')).toBe(
      shanghaiDateTime(project.reportedAt),
    );
    expect(row['总投资（万元）']).toEqual({ value: 60000.125, numFmt: '#,##0.00' });
    expect(row['用地（亩）']!.value).toBe(100);
  });

  it('the platform’s yearly summary', async () => {
    const year = new Date().getUTCFullYear();
    checkWorkbook(await download('zn', `/platforms/zhenan/investment-summary.xlsx?year=${year}`));
  });

  it('a catalog: its effective date in the notes sheet is an Excel date', async () => {
    const catalog = (await send('drc', 'GET', '/catalogs/hitech')).json();
    const workbook = await download('drc', `/catalog-versions/${catalog.id}/export.xlsx`);
    checkWorkbook(workbook, (name) => name === '准入目录');
    const effective = workbook.getWorksheet('说明')!.getCell('B4');
    expect(effective.value).toEqual(excelDay(catalog.effectiveDate));
    expect(effective.numFmt).toBe('yyyy-mm-dd');
  });

  it('the enterprise records and a sub-database: figures exact with a number format, the registration day a date', async () => {
    for (const url of [
      '/enterprises/export.xlsx?year=2024',
      '/enterprises/export.xlsx?year=2024&subDatabase=low_efficiency',
    ]) {
      const rows = checkWorkbook(await download('eitc', url)).get('企业年度数据')!;
      const first = rows.find((cells) => cells['企业名称']?.value === '导出企业甲');
      if (!first) continue;
      // Stored to 6 decimals, exported exact, shown with 2.
      expect(first['实缴税收（万元）']).toEqual({ value: 39.592194, numFmt: '#,##0.00' });
      expect(first['注册日期']).toEqual({ value: excelDay('2019-05-20'), numFmt: 'yyyy-mm-dd' });
    }
  });

  it('an evaluation run’s results, measures and rectification: Beijing times in the overview, classes as "C类"', async () => {
    const run = await send('eitc', 'POST', '/evaluations', { year: 2024 });
    expect(run.statusCode, run.body).toBe(201);
    const { id, createdAt } = run.json();
    const results = await download('eitc', `/evaluations/${id}/results/export.xlsx`);
    const overview = results.getWorksheet('评价概况')!;
    const created = overview.getColumn(1).values.indexOf('创建时间（北京时间）');
    expect(overview.getRow(created).getCell(2).value).toEqual(excelTime(createdAt));
    expect(overview.getRow(created).getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const sheets = checkWorkbook(results, (name) => name !== '评价概况');
    const scored = [...sheets.values()].flat();
    expect(scored.length).toBeGreaterThan(0);
    expect(scored.some((cells) => cells['百分位']?.numFmt === '0.00%')).toBe(true);
    const measures = checkWorkbook(await download('eitc', `/evaluations/${id}/measures/export.xlsx`));
    expect([...measures.values()].flat().length).toBeGreaterThan(0);
    checkWorkbook(await download('eitc', `/evaluations/${id}/rectification/export.xlsx`));
  });

  it('the audit trail: each time an Excel date-time in Beijing time', async () => {
    const rows = checkWorkbook(await download('auditor', '/audit/export.xlsx')).get('审计日志')!;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row['时间（北京时间）']!.value).toBeInstanceOf(Date);
  });
});

describe('xlsx-format helpers', () => {
  it('counts CJK characters double, and reads Beijing wall-clock time from an instant', () => {
    expect(displayWidth('总投资（万元）')).toBe(14);
    expect(displayWidth('ABC')).toBe(3);
    expect(excelTime('2026-12-31T16:30:00Z')).toEqual(new Date('2027-01-01T00:30:00Z'));
    expect(excelDay('2019-05-20')).toEqual(new Date(Date.UTC(2019, 4, 20)));
    expect(excelDay(null)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq, sql } from 'drizzle-orm';
import { ENTERPRISE_RECORD_FIELD_LABELS, type ImportProgress } from '@pgs/domain';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { XLSX_MIME } from '../platform/http.ts';
import { AppError } from '../platform/errors.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { enterpriseRecords } from './enterprises.table.ts';
import { importEnterpriseRecords, importEnterpriseWorkbook } from './enterprise-import.service.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * Issue #4's import at scale and from Excel, on PGlite and PostgreSQL: 100 000 records in one transaction or none
 * (a bad row at 99 999 → 422 and nothing written; a failure while writing the last batch rolls back the first
 * batches), re-import idempotent at that size; the workbook's dry-run report (spreadsheet row, Chinese column,
 * Chinese message), the template round trip, and export → edit → import back.
 */

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn', 'auditor']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

const recordsOf = async (year: number) =>
  (await t.database.db.select({ n: count() }).from(enterpriseRecords).where(eq(enterpriseRecords.year, year)))[0]!.n;
const importAudits = async () =>
  (await send('auditor', 'GET', '/audit?action=enterprises.import&pageSize=1')).json().total as number;

/** 100 000 distinct valid records, cheap to build: credit codes made once, figures varied by n. */
const PLATFORMS = ['oujiangkou', 'zhenan', 'hitech', null] as const;
const CODES = Array.from({ length: 100_000 }, (_, n) => creditCodeFor(n + 1));
const bulkRecord = (n: number) => ({
  creditCode: CODES[n]!,
  name: `温州批量测试${n}有限公司`,
  platformKey: PLATFORMS[n % 4]!,
  kind: n % 5 === 0 ? 'service' : 'industrial',
  scale: n % 2 === 0 ? 'above' : 'below',
  landOwned: n % 7 === 0 ? null : String(5 + (n % 90)),
  landLeased: n % 7 === 0 ? '12.5' : null,
  tax: String((n % 997) / 4),
  valueAdded: String(100 + (n % 5000)),
  revenue: String(1000 + n),
  rdExpense: '12.3',
  employees: 20 + (n % 400),
  energyTce: '88.8',
  emissionsTons: n % 11 === 0 ? null : '1.25',
  electricityKwh: String(100_000 + n),
  waterTons: '3200',
  producing: n % 13 !== 0,
  registeredOn: '2015-03-01',
  industryCode: '3821',
});

describe('100 000 records: one transaction, all or nothing (issue #4)', () => {
  const records = Array.from({ length: 100_000 }, (_, n) => bulkRecord(n));

  it('a bad record at row 99 999 of 100 000: 422 naming it, nothing written', async () => {
    const bad = [...records];
    bad[99_998] = { ...records[99_998]!, tax: '一百' };
    const response = await send('eitc', 'POST', '/enterprise-records', { year: 2025, records: bad });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'INVALID_RECORDS',
      details: [{ row: 99_999, column: 'tax', message: '“实缴税收（万元）”必须是数字，实为“一百”' }],
    });
    expect(response.json().error.message).toContain('第 99999 行');
    expect(await recordsOf(2025)).toBe(0);
  });

  it('a failure while writing the last batch rolls back the batches already written', async () => {
    // The database itself refuses row 99 999 (a trigger of the test's own), after the first 95 000 rows went in.
    await t.database.db.execute(
      sql.raw(`CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.credit_code = '${CODES[99_998]}' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`),
    );
    await t.database.db.execute(
      sql`CREATE TRIGGER refuse_one BEFORE INSERT ON enterprise_records FOR EACH ROW EXECUTE FUNCTION refuse_one()`,
    );
    const audits = await importAudits();
    try {
      const outcome = await importEnterpriseRecords(
        t.database.db,
        SYSTEM_ACTOR,
        { year: 2025, records },
        t.clock(),
      ).then(
        () => 'written',
        (error: unknown) => (error instanceof AppError ? error.code : 'database error'),
      );
      expect(outcome).toBe('database error');
    } finally {
      await t.database.db.execute(sql`DROP TRIGGER refuse_one ON enterprise_records`);
      await t.database.db.execute(sql`DROP FUNCTION refuse_one()`);
    }
    expect(await recordsOf(2025)).toBe(0);
    expect(await importAudits()).toBe(audits);
  });

  it('the whole year is written in one go, and importing it again is idempotent', async () => {
    expect(await importEnterpriseRecords(t.database.db, SYSTEM_ACTOR, { year: 2025, records }, t.clock())).toEqual({
      year: 2025,
      inserted: 100_000,
      updated: 0,
    });
    expect(await recordsOf(2025)).toBe(100_000);
    t.clock.advanceMinutes(1);
    expect(await importEnterpriseRecords(t.database.db, SYSTEM_ACTOR, { year: 2025, records }, t.clock())).toEqual({
      year: 2025,
      inserted: 0,
      updated: 100_000,
    });
    // Nothing was rewritten: every row still carries the first import's time.
    const stamps = await t.database.db
      .selectDistinct({ at: enterpriseRecords.importedAt })
      .from(enterpriseRecords)
      .where(eq(enterpriseRecords.year, 2025));
    expect(stamps).toHaveLength(1);
  });
});

describe('two imports of one year at once', () => {
  it('queue behind each other: the first copies into the empty year, the second upserts; exact counts, nothing lost', async () => {
    const first = Array.from({ length: 50 }, (_, n) => ({ ...bulkRecord(n), name: `先到企业${n}` }));
    const second = Array.from({ length: 50 }, (_, n) => ({ ...bulkRecord(n + 25), name: `后到企业${n + 25}` }));
    const answers = await Promise.all(
      [first, second].map((records) => send('eitc', 'POST', '/enterprise-records', { year: 2027, records })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201]);
    const outcomes = answers.map((answer) => answer.json<{ inserted: number; updated: number }>());
    // Whichever ran first inserted its 50; the other found 25 of its codes and inserted the other 25.
    expect(outcomes.map((o) => [o.inserted, o.updated]).sort()).toEqual([
      [25, 25],
      [50, 0],
    ]);
    expect(await recordsOf(2027)).toBe(75);
    const later = outcomes[0]!.updated === 25 ? '先到' : '后到';
    const names = await t.database.db
      .select({ code: enterpriseRecords.creditCode, name: enterpriseRecords.name })
      .from(enterpriseRecords)
      .where(eq(enterpriseRecords.year, 2027));
    // The 25 codes both sent carry the name of the import that ran second.
    const shared = names.filter((row) => CODES.slice(25, 50).includes(row.code));
    expect(shared).toHaveLength(25);
    expect(shared.every((row) => row.name.startsWith(later))).toBe(true);
  });
});

// ── workbooks ────────────────────────────────────────────────────────────────────────────────────────────────────

const BOUNDARY = '----pgs-enterprise-import';
function upload(file: Buffer) {
  const payload = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="企业数据.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}
const importFile = (user: string, file: Buffer, query: string) => {
  const { payload, headers } = upload(file);
  return send(user, 'POST', `/enterprise-records/import?${query}`, payload, headers);
};

type Cells = Partial<Record<keyof typeof ENTERPRISE_RECORD_FIELD_LABELS, ExcelJS.CellValue>>;
/** One filled row of the template, as a user types it: Chinese choices, 是/否, numbers, a date cell. */
const sheetRow = (n: number, over: Cells = {}): Cells => ({
  creditCode: creditCodeFor(200_000 + n),
  name: `温州表格测试${n}阀门有限公司`,
  platformKey: '浙南产业集聚区',
  kind: '工业企业',
  scale: '规上',
  landOwned: 20,
  landLeased: null,
  tax: 150.5,
  valueAdded: 800,
  revenue: '3200',
  rdExpense: 90,
  employees: 120,
  energyTce: 410,
  emissionsTons: 1.8,
  electricityKwh: 2_100_000,
  waterTons: 9000,
  producing: '是',
  registeredOn: new Date(Date.UTC(2016, 4, 20)),
  industryCode: '3443',
  backward: '否',
  zombie: '否',
  utility: '否',
  ...over,
});

/** Fills the downloaded template's data sheet; `rows` may hold null for a blank row left in the middle. */
async function filledTemplate(rows: Array<Cells | null>, headerEdit?: (labels: string[]) => string[]): Promise<Buffer> {
  const template = await send('eitc', 'GET', '/enterprise-records/template.xlsx');
  expect(template.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  // The drop-downs cover 200 000 rows, which ExcelJS's reader would expand cell by cell (checked in their own test).
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  const sheet = workbook.getWorksheet('企业年度数据')!;
  const labels = (sheet.getRow(1).values as string[]).slice(1);
  if (headerEdit) headerEdit(labels).forEach((text, i) => (sheet.getRow(1).getCell(i + 1).value = text));
  const columnOf = new Map(
    Object.entries(ENTERPRISE_RECORD_FIELD_LABELS).map(([field, text]) => [field, labels.indexOf(text) + 1]),
  );
  rows.forEach((cells, i) => {
    if (!cells) return;
    const row = sheet.getRow(i + 2);
    for (const [field, value] of Object.entries(cells))
      if (columnOf.get(field)! > 0) row.getCell(columnOf.get(field)!).value = value;
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Excel import: template, dry run, confirm', () => {
  it('the template round trip: download, fill, dry run (would insert), import (written), as typed', async () => {
    const file = await filledTemplate([
      sheetRow(1),
      sheetRow(2, {
        platformKey: '平台外',
        kind: '服务业企业',
        scale: '规下',
        landOwned: null,
        landLeased: 6,
        registeredOn: '2024-02-29',
      }),
      sheetRow(3, { platformKey: '高新区', tax: { formula: 'B1', result: 12 } as ExcelJS.CellValue }),
    ]);
    const dry = await importFile('eitc', file, 'year=2024&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      year: 2024,
      dryRun: true,
      rows: 3,
      valid: true,
      errors: [],
      warnings: [],
      inserted: 3,
      updated: 0,
    });
    expect(await recordsOf(2024)).toBe(0);

    const real = await importFile('eitc', file, 'year=2024&dryRun=false');
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toEqual({
      year: 2024,
      dryRun: false,
      rows: 3,
      valid: true,
      errors: [],
      warnings: [],
      inserted: 3,
      updated: 0,
    });
    const first = (await send('eitc', 'GET', `/enterprises/${creditCodeFor(200_001)}`)).json().records[0];
    expect(first).toMatchObject({
      platformKey: 'zhenan',
      kind: 'industrial',
      scale: 'above',
      tax: '150.5',
      revenue: '3200',
      producing: true,
      registeredOn: '2016-05-20',
      industryCode: '3443',
      backward: false,
    });
    const second = (await send('eitc', 'GET', `/enterprises/${creditCodeFor(200_002)}`)).json().records[0];
    expect(second).toMatchObject({
      platformKey: null,
      kind: 'service',
      scale: 'below',
      landOwned: null,
      landLeased: '6',
      registeredOn: '2024-02-29',
    });
    expect((await send('eitc', 'GET', `/enterprises/${creditCodeFor(200_003)}`)).json().records[0]).toMatchObject({
      platformKey: 'hitech',
      tax: '12',
    });
    const audit = (await send('auditor', 'GET', '/audit?action=enterprises.import&pageSize=1')).json().items[0];
    expect(audit).toMatchObject({
      entityId: '2024',
      actorName: 'eitc',
      after: { year: 2024, inserted: 3, updated: 0, creditCodes: 3, source: 'xlsx' },
    });
  });

  it('the dry run lists every bad cell: spreadsheet row, Chinese column, Chinese message; a blank row keeps the numbering', async () => {
    const file = await filledTemplate([
      sheetRow(10),
      sheetRow(11, { creditCode: '91330300MA285G5X4A', tax: -3 }),
      null,
      sheetRow(12, { platformKey: '龙湾区', kind: '', producing: '可能' }),
      sheetRow(10, { name: '重复的企业' }),
      sheetRow(13, { backward: '是' }),
      sheetRow(14, { employees: 12.5, landOwned: 'abc' }),
      sheetRow(15, { registeredOn: new Date(Date.UTC(2025, 0, 2)) }),
    ]);
    const response = await importFile('eitc', file, 'year=2024&dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ year: 2024, dryRun: true, rows: 7, valid: false });
    expect(response.json()).not.toHaveProperty('inserted');
    expect(response.json().errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位应为 Q，实为 A' },
      { row: 3, column: '实缴税收（万元）', message: '“实缴税收（万元）”不能为负数，实为 -3' },
      {
        row: 5,
        column: '所在平台',
        message: '“所在平台”应为“瓯江口产业集聚区”、“浙南产业集聚区”、“温州高新区(浙南科技城)”、“平台外”，实为“龙湾区”',
      },
      { row: 5, column: '企业类型', message: '请填写“企业类型”：“工业企业”或“服务业企业”' },
      { row: 5, column: '是否正常生产', message: '“是否正常生产”应为 true/false（是/否）' },
      {
        row: 6,
        column: '统一社会信用代码',
        message: '统一社会信用代码与第 2 行重复（同一年度每家企业只能有一条记录）',
      },
      { row: 7, column: '淘汰落后认定依据', message: '已标记为淘汰落后类，请填写认定依据' },
      { row: 8, column: '自有用地面积（亩）', message: '“自有用地面积（亩）”必须是数字，实为“abc”' },
      { row: 8, column: '年平均职工人数', message: '“年平均职工人数”必须是整数，实为 12.5' },
      { row: 9, column: '注册日期', message: '注册日期 2025-01-02 晚于评价年度 2024 年末' },
    ]);

    // Confirming the same file is refused with the same list, and nothing is written.
    const before = await recordsOf(2024);
    const confirm = await importFile('eitc', file, 'year=2024&dryRun=false');
    expect(confirm.statusCode).toBe(422);
    expect(confirm.json().error).toMatchObject({ code: 'INVALID_RECORDS', details: response.json().errors });
    expect(confirm.json().error.message).toMatch(/^数据有 10 处错误，未写入任何数据。第 3 行“统一社会信用代码”：/);
    expect(await recordsOf(2024)).toBe(before);
  });

  it('repeated and missing columns are reported in row 1 before any row is read; a column not in the template is only a warning', async () => {
    const file = await filledTemplate([sheetRow(20)], (labels) =>
      labels.map((text) => (text === '实缴税收（万元）' ? '税收' : text === '企业名称' ? '统一社会信用代码' : text)),
    );
    const response = await importFile('eitc', file, 'year=2024');
    expect(response.json()).toMatchObject({ dryRun: true, valid: false, rows: 0 });
    expect(response.json().errors).toEqual([
      { row: 1, column: '统一社会信用代码', message: '列“统一社会信用代码”出现了不止一次' },
      { row: 1, column: '企业名称', message: '缺少必填列“企业名称”' },
      { row: 1, column: '实缴税收（万元）', message: '缺少必填列“实缴税收（万元）”' },
    ]);
    expect(response.json().warnings).toEqual([
      { row: 1, column: '税收', message: '已忽略列“税收”：模板中没有这一列，其内容不会导入' },
    ]);
  });

  it('files that are not workbooks, cut short or corrupt, and empty templates are reported, never a 500 nor a hang', async () => {
    const good = await filledTemplate([sheetRow(30)]);
    // Corrupt compressed data in the middle keeps the zip's directory intact: the reader alone would wait forever.
    const corrupt = Buffer.from(good);
    for (let i = 1500; i < 1540; i++) corrupt[i] = (corrupt[i]! * 7 + 13) & 0xff;
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('统一社会信用代码,企业名称\n'), /不是有效的 Excel/],
      [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /不完整/],
      [good.subarray(0, 3000), /不完整/],
      [corrupt, /已损坏/],
      [await filledTemplate([]), /没有数据行/],
    ];
    for (const [file, message] of cases) {
      const response = await importFile('eitc', file, 'year=2024&dryRun=true');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().valid).toBe(false);
      expect(response.json().errors[0].message).toMatch(message);
      const confirm = await importFile('eitc', file, 'year=2024&dryRun=false');
      expect(confirm.statusCode).toBe(422);
    }
  });

  it('reports its progress on the server: the sheet read batch by batch, writing, done; a bad file ends as failed', async () => {
    const file = await filledTemplate(Array.from({ length: 3000 }, (_, n) => sheetRow(10_000 + n)));
    const eitc = (await actorOfUsername(t.database.db, 'eitc'))!;
    const reports: ImportProgress[] = [];
    const report = await importEnterpriseWorkbook(
      t.database.db,
      eitc,
      { year: 2028, dryRun: false },
      async () => file,
      t.clock(),
      (progress) => reports.push(progress),
    );
    expect(report).toMatchObject({ valid: true, rows: 3000, inserted: 3000 });
    const checking = reports.filter((progress) => progress.phase === 'checking');
    // About 1 MB of sheet XML per batch: 3 000 rows come in several, each further on, rows and bytes alike.
    expect(checking.length).toBeGreaterThan(1);
    expect(checking.map((progress) => progress.done)).toEqual(
      [...checking.map((progress) => progress.done)].sort((a, b) => a - b),
    );
    expect(checking.at(-1)).toMatchObject({ rows: 3000, done: checking.at(-1)!.total });
    expect(reports.map((progress) => progress.phase).filter((phase, i, all) => phase !== all[i - 1])).toEqual([
      'checking',
      'writing',
      'done',
    ]);
    expect(reports.at(-1)).toMatchObject({ phase: 'done', rows: 3000 });

    const failed: ImportProgress[] = [];
    await importEnterpriseWorkbook(
      t.database.db,
      eitc,
      { year: 2028, dryRun: true },
      async () => Buffer.from('不是表格'),
      t.clock(),
      (progress) => failed.push(progress),
    );
    expect(failed.at(-1)).toMatchObject({ phase: 'failed', message: expect.stringContaining('不是有效的 Excel') });
  });

  it('shows an import’s progress to the user who sent it, under the key it sent', async () => {
    const key = '00112233445566778899aabbccddeeff';
    const dry = await importFile(
      'eitc',
      await filledTemplate([sheetRow(31)]),
      `year=2024&dryRun=true&progressKey=${key}`,
    );
    expect(dry.statusCode, dry.body).toBe(200);
    expect((await send('eitc', 'GET', `/enterprise-records/import/progress/${key}`)).json()).toMatchObject({
      phase: 'done',
      rows: 1,
    });
    // Another user's key reads as not started (nothing of the import is shown), never 404 (the page polls from the start).
    expect((await send('zn', 'GET', `/enterprise-records/import/progress/${key}`)).json()).toEqual({
      phase: 'waiting',
      done: 0,
      total: 0,
      rows: 0,
    });
    expect((await send('eitc', 'GET', '/enterprise-records/import/progress/xyz')).statusCode).toBe(400);
    expect(
      (await importFile('eitc', await filledTemplate([sheetRow(31)]), 'year=2024&progressKey=ABC')).statusCode,
    ).toBe(400);
  });

  it('reads the data sheet by its name, wherever it stands among the sheets (a scratch sheet and the notes first)', async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await filledTemplate([sheetRow(35)])) as unknown as ArrayBuffer, {
      ignoreNodes: ['dataValidations'],
    });
    // A scratch sheet and the notes before the data sheet (ExcelJS writes sheets in the order they were added).
    const moved = new ExcelJS.Workbook();
    moved.addWorksheet('草稿').addRow(['随手记录', 123]);
    for (const name of ['填写说明', '企业年度数据']) {
      const to = moved.addWorksheet(name);
      template
        .getWorksheet(name)!
        .eachRow((row, number) => (to.getRow(number).values = row.values as ExcelJS.CellValue[]));
    }
    expect(moved.worksheets.map((sheet) => sheet.name)).toEqual(['草稿', '填写说明', '企业年度数据']);
    const file = Buffer.from(await moved.xlsx.writeBuffer());
    const response = await importFile('eitc', file, 'year=2024&dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ valid: true, rows: 1 });
  });

  it('a platform user’s workbook with another platform’s rows: 403 naming the spreadsheet rows, dry run or not', async () => {
    const file = await filledTemplate([sheetRow(40), sheetRow(41, { platformKey: '瓯江口产业集聚区' })]);
    for (const dryRun of ['true', 'false']) {
      const response = await importFile('zn', file, `year=2024&dryRun=${dryRun}`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toContain('第 3 行');
    }
    const own = await importFile('zn', await filledTemplate([sheetRow(40)]), 'year=2024&dryRun=false');
    expect(own.statusCode, own.body).toBe(200);
  });

  it('an export, edited in Excel, imports back: unchanged rows stay as they were, the edited one is updated', async () => {
    const exported = await send('eitc', 'GET', '/enterprises/export.xlsx?year=2024');
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('企业年度数据')!;
    const taxColumn = (sheet.getRow(1).values as string[]).indexOf('实缴税收（万元）');
    sheet.getRow(2).getCell(taxColumn).value = 999.25;
    const rows = sheet.rowCount - 1;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await importFile('eitc', edited, 'year=2024&dryRun=false');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ valid: true, inserted: 0, updated: rows });
    const code = sheet.getRow(2).getCell(1).text;
    expect((await send('eitc', 'GET', `/enterprises/${code}`)).json().records[0].tax).toBe('999.25');
  });
});

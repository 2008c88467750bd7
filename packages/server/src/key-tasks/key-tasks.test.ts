import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { XLSX_MIME } from '../platform/http.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * R4.4 key-task list on PGlite and PostgreSQL: who edits, who reports which part, the platform scope (D10), status
 * and overdue as of a day, the completion share per platform, stale writes, bad input and the Excel import/export.
 * The test clock stands at 2026-11-28.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const USERS = ['drc', 'bureau', 'eitc', 'leader', 'ojk', 'zn', 'gxq', 'auditor'];

beforeAll(async () => {
  t = await createTestApp();
  for (const user of USERS) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);
const counts = () => countAllRows(t.database.db);

const TASK = {
  year: 2026,
  title: '新引进亿元以上制造业项目',
  leadDepartment: 'bureau',
  platformKeys: ['zhenan', 'oujiangkou'],
  deadline: '2026-06-30',
  target: '10',
  unit: '个',
  description: '每个平台完成 10 个',
};
let taskId: number;
let ownTaskId: number;

describe('R4.4 the drc keeps the list; others read', () => {
  it('R4.4 the drc creates a task (platforms kept in platform order); audited', async () => {
    const response = await send('drc', 'POST', '/key-tasks', TASK);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ title: TASK.title, platformKeys: ['oujiangkou', 'zhenan'], target: '10', version: 1 });
    taskId = body.id;
    const own = await send('drc', 'POST', '/key-tasks', {
      ...TASK,
      title: '修订平台产业准入目录',
      leadDepartment: 'drc',
      platformKeys: [],
      deadline: '2026-12-31',
      target: '1',
      unit: '项',
    });
    expect(own.statusCode).toBe(201);
    ownTaskId = own.json().id;
    const audit = await send('auditor', 'GET', '/audit?action=key_tasks.create&pageSize=5');
    expect(audit.json().total).toBe(2);
  });

  it.each(['leader', 'bureau', 'eitc', 'ojk', 'auditor'])(
    'R4.4 %s may not create a task: 403, nothing written',
    async (user) => {
      const before = await counts();
      const response = await send(user, 'POST', '/key-tasks', TASK);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await counts()).toEqual(before);
    },
  );

  it.each([
    ['deadline outside the year', { deadline: '2027-01-01' }, '完成期限应在任务所属年度内'],
    ['a date that does not exist', { deadline: '2026-02-30' }, '不存在'],
    ['a target that is text', { target: 'abc' }, '目标值必须是数字'],
    ['a negative target', { target: '-1' }, '目标值'],
    ['an empty title', { title: '   ' }, '任务名称不能为空'],
    ['an unknown platform', { platformKeys: ['nowhere'] }, '平台不存在'],
    ['a repeated platform', { platformKeys: ['zhenan', 'zhenan'] }, '涉及平台不能重复'],
    ['an unknown lead department', { leadDepartment: 'admin' }, '牵头部门'],
  ])('R4.4 bad input (%s) → 400 naming the field, nothing written', async (_title, change, message) => {
    const before = await counts();
    const response = await send('drc', 'POST', '/key-tasks', { ...TASK, ...change });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.body).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('R4.4 an edit with a stale version is 409 STALE_VERSION; one of two concurrent edits wins', async () => {
    const both = await Promise.all([
      send('drc', 'PUT', `/key-tasks/${taskId}`, { ...TASK, title: '甲', version: 1 }),
      send('drc', 'PUT', `/key-tasks/${taskId}`, { ...TASK, title: '乙', version: 1 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('STALE_VERSION');
    const back = await send('drc', 'PUT', `/key-tasks/${taskId}`, { ...TASK, version: 2 });
    expect(back.statusCode).toBe(200);
    expect(back.json().version).toBe(3);
  });
});

describe('R4.4 platform scope (D10) and progress by the responsible users', () => {
  it('R4.4 a platform sees only tasks concerning it, with its own part only; another task is 404', async () => {
    const list = await send('ojk', 'GET', '/key-tasks?year=2026');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([taskId]);
    expect(list.json().items[0].parts.map((p: { platformKey: string }) => p.platformKey)).toEqual(['oujiangkou']);
    expect((await send('gxq', 'GET', '/key-tasks?year=2026')).json().total).toBe(0);
    expect((await send('gxq', 'GET', `/key-tasks/${taskId}`)).statusCode).toBe(404);
    expect((await send('ojk', 'GET', `/key-tasks/${ownTaskId}`)).statusCode).toBe(404);
    const leader = await send('leader', 'GET', '/key-tasks?year=2026');
    expect(leader.json().total).toBe(2);
  });

  it('R4.4 a platform reports its own part; another platform part is 403 NOT_RESPONSIBLE, nothing written', async () => {
    const ok = await send('ojk', 'POST', `/key-tasks/${taskId}/progress`, {
      month: '2026-05',
      platformKey: 'oujiangkou',
      value: '10',
      note: '已引进 10 个',
      version: 0,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().reports).toHaveLength(1);
    const before = await counts();
    const other = await send('ojk', 'POST', `/key-tasks/${taskId}/progress`, {
      month: '2026-05',
      platformKey: 'zhenan',
      value: '3',
      version: 0,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('NOT_RESPONSIBLE');
    // The drc keeps the list but does not lead this task.
    const drc = await send('drc', 'POST', `/key-tasks/${taskId}/progress`, {
      month: '2026-05',
      platformKey: 'zhenan',
      value: '3',
      version: 0,
    });
    expect(drc.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('R4.4 the lead department reports any part; a second first report of the month is 409, with its version 200', async () => {
    const body = { month: '2026-06', platformKey: 'zhenan', value: '4', note: '', version: 0 };
    const first = await send('bureau', 'POST', `/key-tasks/${taskId}/progress`, body);
    expect(first.statusCode).toBe(200);
    const again = await send('bureau', 'POST', `/key-tasks/${taskId}/progress`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STALE_VERSION');
    const fixed = await send('zn', 'POST', `/key-tasks/${taskId}/progress`, { ...body, value: '6', version: 1 });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().reports.map((r: { value: string }) => r.value)).toEqual(['6']);
  });

  it.each([
    ['a month not yet come', { month: '2026-12' }, '尚未到来'],
    ['a month of another year', { month: '2025-12' }, '2026 年内'],
    ['a malformed month', { month: '2026-13' }, 'YYYY-MM'],
    ['a text value', { value: '五' }, '累计完成值必须是数字'],
    ['the whole of a task split by platform', { platformKey: null }, '请选择报送的平台'],
  ])('R4.4 progress with bad input (%s) → 400, nothing written', async (_title, change, message) => {
    const before = await counts();
    const response = await send('bureau', 'POST', `/key-tasks/${taskId}/progress`, {
      month: '2026-07',
      platformKey: 'zhenan',
      value: '1',
      version: 0,
      ...change,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.body).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('R4.4 status and overdue as of a day: the deadline day, the day after (reports counted by their day)', async () => {
    // Reports were made on 2026-11-28 (the test clock): as of 06-30 nothing was reported yet.
    const onDeadline = await send('leader', 'GET', `/key-tasks/${taskId}?asOf=2026-06-30`);
    expect(onDeadline.json()).toMatchObject({ status: 'not_started', overdue: false });
    const today = await send('leader', 'GET', `/key-tasks/${taskId}`);
    expect(today.json()).toMatchObject({ status: 'overdue', overdue: true, asOf: '2026-11-28' });
    expect(today.json().parts).toMatchObject([
      { platformKey: 'oujiangkou', reached: '10', done: true, overdue: false, lastMonth: '2026-05' },
      { platformKey: 'zhenan', reached: '6', share: 0.6, done: false, overdue: true, lastMonth: '2026-06' },
    ]);
    const overdue = await send('leader', 'GET', '/key-tasks?year=2026&status=overdue');
    expect(overdue.json().items.map((i: { id: number }) => i.id)).toEqual([taskId]);
  });

  it('R4.4 the completion share per platform (for the yearly assessment)', async () => {
    const response = await send('leader', 'GET', '/key-tasks/completion?year=2026');
    expect(response.statusCode).toBe(200);
    expect(response.json().platforms).toEqual([
      { platformKey: 'oujiangkou', parts: 1, done: 1, completionShare: 1, progressShare: 1, overdue: 0 },
      { platformKey: 'zhenan', parts: 1, done: 0, completionShare: 0, progressShare: 0.6, overdue: 1 },
      { platformKey: 'hitech', parts: 0, done: 0, completionShare: null, progressShare: null, overdue: 0 },
    ]);
    const own = await send('zn', 'GET', '/key-tasks/completion?year=2026');
    expect(own.json().platforms.map((p: { platformKey: string }) => p.platformKey)).toEqual(['zhenan']);
  });
});

// ── Excel ───────────────────────────────────────────────────────────────────────────────────────────────────────

const BOUNDARY = '----pgs-key-task-import';
function upload(file: Buffer) {
  const payload = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="任务.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

async function filledTemplate(rows: (string | number | Date)[][]): Promise<Buffer> {
  const template = await send('drc', 'GET', '/key-tasks/template.xlsx?year=2026');
  expect(template.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('任务安排表')!;
  sheet.spliceRows(2, 1);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('R4.4 Excel import (dry run, all or nothing) and export', () => {
  const good: (string | number | Date)[][] = [
    ['盘活批而未供土地', '市发改委', '瓯江口、浙南', new Date(Date.UTC(2026, 8, 30)), 200, '亩', ''],
    ['新增规上工业企业', '市经信委', '高新区', '2026-10-31', '15', '家', '说明'],
  ];

  it('R4.4 a dry run lists each bad cell by row and column and writes nothing; the real import then 422', async () => {
    const file = await filledTemplate([
      ...good,
      ['', '市招商局', '浙南', '2026-05-31', 1, '个', ''],
      ['任务丁', '市政府', '浙南', '2026-05-31', 1, '个', ''],
      ['任务戊', '市经信委', '苍南', '2026-01-31', 'x', '个', ''],
      ['任务己', '市经信委', '浙南', '2027-01-31', 1, '个', ''],
    ]);
    const before = await counts();
    const dry = await send(
      'drc',
      'POST',
      '/key-tasks/import?year=2026&dryRun=true',
      upload(file).payload,
      upload(file).headers,
    );
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, rows: 6, valid: false, created: 0 });
    const where = report.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`);
    expect(where).toEqual(expect.arrayContaining(['4:任务名称', '5:牵头部门', '6:涉及平台', '6:目标值', '7:完成期限']));
    const real = await send(
      'drc',
      'POST',
      '/key-tasks/import?year=2026&dryRun=false',
      upload(file).payload,
      upload(file).headers,
    );
    expect(real.statusCode).toBe(422);
    expect(real.json().error.message).toContain('未导入任何任务');
    expect(await counts()).toEqual(before);
  });

  it('R4.4 a good sheet imports every row in one audited write; a platform may not import', async () => {
    const file = await filledTemplate(good);
    const refused = await send(
      'ojk',
      'POST',
      '/key-tasks/import?year=2026&dryRun=false',
      upload(file).payload,
      upload(file).headers,
    );
    expect(refused.statusCode).toBe(403);
    const response = await send(
      'drc',
      'POST',
      '/key-tasks/import?year=2026&dryRun=false',
      upload(file).payload,
      upload(file).headers,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 2, valid: true });
    const list = (await send('leader', 'GET', '/key-tasks?year=2026&q=盘活')).json();
    expect(list.items[0]).toMatchObject({
      platformKeys: ['oujiangkou', 'zhenan'],
      deadline: '2026-09-30',
      target: '200',
    });
  });

  it('R4.4 not an .xlsx → the file problem in the report, nothing written', async () => {
    const response = await send(
      'drc',
      'POST',
      '/key-tasks/import?year=2026',
      upload(Buffer.from('hello')).payload,
      upload(Buffer.from('hello')).headers,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().valid).toBe(false);
    expect(response.json().problems[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('R4.4 the export holds the list as the reader sees it', async () => {
    const response = await send('zn', 'GET', '/key-tasks/export.xlsx?year=2026');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const titles = sheet.getColumn(2).values.slice(2);
    expect(titles).toEqual(expect.arrayContaining([TASK.title, '盘活批而未供土地']));
    expect(titles).not.toContain('修订平台产业准入目录');
    expect(sheet.getRow(1).getCell(9).value).toBe('状态');
  });

  it('R4.4 delete with a stale version is 409; with its version 204 and gone', async () => {
    expect((await send('drc', 'DELETE', `/key-tasks/${ownTaskId}?version=9`)).statusCode).toBe(409);
    expect((await send('drc', 'DELETE', `/key-tasks/${ownTaskId}?version=1`)).statusCode).toBe(204);
    expect((await send('drc', 'GET', `/key-tasks/${ownTaskId}`)).statusCode).toBe(404);
  });
});

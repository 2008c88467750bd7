import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CockpitView } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { makeProject } from '../test/make-project.ts';
import { openWorkbook } from '../platform/xlsx-reader.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * 驾驶舱 (issue #14) through the API on a small data set counted by hand. The test clock is 2026-11-28.
 * 浙南: two projects landed in 2026 (200 000 万元 — a 20亿 project — and 199 999.99), one reported (1 000) and one
 * tracked (500.5); 瓯江口: one landed on 2025-12-31 (not this year) and one reported in 2026 (10); 高新区: none.
 * Parcels: 浙南 two 批而未供 (10.5 + 3 亩), one supplied on 2026-02-01; 高新区 one 批而未供 (7 亩).
 * One key task for 浙南 due 2026-06-30, never reported: overdue. A 2025 assessment published on the test day.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

const send = apiSender(() => t, cookies);
const cockpit = async (user: string, query = '') => {
  const response = await send(user, 'GET', `/cockpit${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CockpitView>();
};
const column = (view: CockpitView, key: string) => view.platforms.find((p) => p.platformKey === key)!.figures;

let serial = 0;
const parcel = (platformKey: string, area: string) => ({
  code: `CKP-${++serial}`,
  platformKey,
  area,
  plannedUse: '工业用地',
  approvedOn: '2025-06-01',
  approvalDocument: '浙土字〔2025〕8号',
  responsiblePerson: '平台用地负责人',
});

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['drc', 'leader', 'bureau', 'eitc', 'zn', 'ojk', 'gxq', 'admin'])
    cookies[user] = await t.login(user);
  const db = t.database.db;
  ids.big = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '3670',
      totalInvestment: '200000',
      reportedOn: '2026-01-05',
      target: 'landed',
      landedOn: '2026-03-10',
      name: '汽车底盘二十亿项目',
    })
  ).id;
  ids.almost = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '3670',
      totalInvestment: '199999.99',
      reportedOn: '2026-01-06',
      target: 'landed',
      landedOn: '2026-04-01',
    })
  ).id;
  await makeProject(db, {
    platformKey: 'zhenan',
    industryCode: '3670',
    totalInvestment: '1000',
    reportedOn: '2026-02-01',
    target: 'reported',
  });
  await makeProject(db, {
    platformKey: 'zhenan',
    industryCode: '3670',
    totalInvestment: '500.5',
    reportedOn: '2026-02-02',
    target: 'tracked',
  });
  await makeProject(db, {
    platformKey: 'oujiangkou',
    industryCode: '3824',
    totalInvestment: '300000',
    reportedOn: '2025-10-01',
    target: 'landed',
    landedOn: '2025-12-31',
  });
  await makeProject(db, {
    platformKey: 'oujiangkou',
    industryCode: '3824',
    totalInvestment: '10',
    reportedOn: '2026-03-01',
    target: 'reported',
  });

  for (const [user, key, area] of [
    ['zn', 'zhenan', '10.5'],
    ['zn', 'zhenan', '3'],
    ['gxq', 'hitech', '7'],
  ] as const) {
    const made = await send(user, 'POST', '/parcels', parcel(key, area));
    expect(made.statusCode, made.body).toBe(201);
  }
  const toSupply = await send('zn', 'POST', '/parcels', parcel('zhenan', '2'));
  const supplied = await send('zn', 'POST', `/parcels/${toSupply.json().id}/supply`, {
    way: 'transfer',
    contractNo: 'HT-CKP-1',
    contractDate: '2026-02-01',
    landPrice: '100',
    holderName: '温州驾驶舱测试用地有限公司',
    agreedStartOn: '2026-08-01',
    agreedCompletionOn: '2028-08-01',
    version: 1,
  });
  expect(supplied.statusCode, supplied.body).toBe(200);

  const task = await send('drc', 'POST', '/key-tasks', {
    year: 2026,
    title: '浙南新引进亿元以上制造业项目',
    leadDepartment: 'bureau',
    platformKeys: ['zhenan'],
    deadline: '2026-06-30',
    target: '3',
    unit: '个',
    description: '',
  });
  expect(task.statusCode, task.body).toBe(201);

  const run = await send('drc', 'POST', '/assessments', { year: 2025, asOf: '2025-12-31' });
  expect(run.statusCode, run.body).toBe(201);
  ids.assessment = run.json().id;
  const published = await send('drc', 'POST', `/assessments/${ids.assessment}/publish`);
  expect(published.statusCode, published.body).toBe(200);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('issue #14 cockpit figures equal a hand count', () => {
  it('pipeline by stage and its investment, landed this year with the 20亿 one (200 000 counts, 199 999.99 not)', async () => {
    const view = await cockpit('leader', '?year=2026');
    expect(view).toMatchObject({ year: 2026, asOf: '2026-11-28', scope: null });
    const zn = column(view, 'zhenan');
    expect(zn.pipeline.openCount).toBe(2);
    expect(zn.pipeline.openInvestment).toBe('1500.5');
    expect(zn.pipeline.stages.find((s) => s.status === 'landed')).toMatchObject({ count: 2, investment: '399999.99' });
    expect(zn.landed.landedCount).toBe(2);
    expect(zn.landed.large.map((p) => p.id)).toEqual([ids.big]);
    const ojk = column(view, 'oujiangkou');
    // Landed on 31 Dec 2025: in the pipeline's landed stage, not among this year's landed projects.
    expect(ojk.landed.landedCount).toBe(0);
    expect(ojk.pipeline).toMatchObject({ openCount: 1, openInvestment: '10' });
    expect(column(view, 'hitech').pipeline.openCount).toBe(0);
    // The credit is the projects module's own R2.6 count: the same as its summary page.
    const summary = await send('leader', 'GET', '/platforms/zhenan/investment-summary?year=2026');
    expect(zn.landed.credit).toBe(String(summary.json().totalCredit));
    expect(zn.landed.task).toBe('6'); // the default rubric's task
    expect(view.city!.pipeline.openCount).toBe(3);
    expect(view.city!.landed.landedCount).toBe(2);
  });

  it('counts only what happened by the day asked', async () => {
    const view = await cockpit('leader', '?year=2026&asOf=2026-03-31');
    const zn = column(view, 'zhenan');
    expect(zn.landed.landedCount).toBe(1);
    expect(zn.landed.large.map((p) => p.id)).toEqual([ids.big]);
    // The 2025 assessment was published on 2026-11-28: not known on 31 March.
    expect(zn.assessment).toBeNull();
    expect(zn.keyTasks.overdue).toBe(0);
  });

  it('a past day: stages and parcel states as they stood that day, replayed from the dated histories', async () => {
    // 31 Jan: 浙南's 20亿 project (landed 03-10) and the 199 999.99 one are still in the pipeline; the 1 000 one is
    // reported on 1 Feb (not yet counted), the 500.5 one on 2 Feb. 瓯江口's 10 is reported on 1 Mar.
    const jan = await cockpit('leader', '?year=2026&asOf=2026-01-31');
    expect(column(jan, 'zhenan').pipeline).toMatchObject({ openCount: 2, openInvestment: '399999.99' });
    expect(column(jan, 'zhenan').pipeline.stages.find((s) => s.status === 'landed')!.count).toBe(0);
    expect(column(jan, 'oujiangkou').pipeline).toMatchObject({ openCount: 0, openInvestment: '0' });
    expect(column(jan, 'oujiangkou').pipeline.stages.find((s) => s.status === 'landed')!.count).toBe(1);
    // The 2 亩 parcel was supplied on 1 Feb: on 31 Jan it is still 批而未供.
    expect(column(jan, 'zhenan').land.approvedNotSupplied).toEqual({ count: 3, area: '15.5' });
    expect(column(jan, 'zhenan').land.suppliedNotUsed.count).toBe(0);
    expect(jan.asOfNotes.length).toBeGreaterThan(0);
    const feb = await cockpit('leader', '?year=2026&asOf=2026-02-01');
    expect(column(feb, 'zhenan').pipeline).toMatchObject({ openCount: 3, openInvestment: '400999.99' });
    expect(column(feb, 'zhenan').land.approvedNotSupplied).toEqual({ count: 2, area: '13.5' });
    expect(column(feb, 'zhenan').land.suppliedNotUsed.count).toBe(1);
    // 31 Mar: the 20亿 one landed on 10 Mar, the 199 999.99 one waits for 1 Apr in the stage before.
    const mar = column(await cockpit('leader', '?year=2026&asOf=2026-03-31'), 'zhenan').pipeline;
    expect(mar).toMatchObject({ openCount: 3, openInvestment: '201500.49' });
    expect(mar.stages.find((s) => s.status === 'landed')).toMatchObject({ count: 1, investment: '200000' });
    expect(mar.stages.find((s) => s.status === 'signed')).toMatchObject({ count: 1, investment: '199999.99' });
    // Today's cockpit has nothing replayed and says so by an empty list.
    expect((await cockpit('leader', '?year=2026')).asOfNotes).toEqual([]);
  });

  it('land clean-up, key tasks and the latest published assessment', async () => {
    const view = await cockpit('drc', '?year=2026');
    const zn = column(view, 'zhenan');
    expect(zn.land.approvedNotSupplied).toEqual({ count: 2, area: '13.5' });
    expect(zn.land.suppliedNotUsed.count).toBe(1);
    expect(zn.land.supplied).toBe(1);
    expect(column(view, 'hitech').land.approvedNotSupplied).toEqual({ count: 1, area: '7' });
    expect(view.city!.land.approvedNotSupplied).toEqual({ count: 3, area: '20.5' });
    expect(zn.keyTasks).toEqual({ parts: 1, done: 0, overdue: 1 });
    expect(column(view, 'oujiangkou').keyTasks).toEqual({ parts: 0, done: 0, overdue: 0 });
    const assessment = await send('drc', 'GET', `/assessments/${ids.assessment}`);
    for (const row of assessment.json().platforms) {
      expect(column(view, row.platformKey).assessment).toMatchObject({
        id: ids.assessment,
        year: 2025,
        rank: row.rank,
        score: row.score,
      });
    }
    expect(zn.abcd).toBeNull(); // no ABCD evaluation published in this data set
    expect(zn.renewal).toEqual({ open: 0, overdue: 0, closed: 0, closedOnTime: 0 });
    expect(zn.trips.months).toBe(11);
  });

  it('the Excel export carries every figure with its explanation, and the 20亿 project', async () => {
    const response = await send('eitc', 'GET', '/cockpit/export.xlsx?year=2026');
    expect(response.statusCode).toBe(200);
    const workbook = openWorkbook(response.rawPayload);
    expect(workbook.sheetNames).toEqual(['2026年驾驶舱（截至2026-11-28）', '20亿元以上落地项目', '考核预警']);
    const rows: unknown[] = [];
    for await (const batch of workbook.rows(workbook.sheetNames[0]!)) rows.push(...batch);
    const flat = JSON.stringify(rows);
    expect(flat).toContain('在谈在库项目总投资');
    expect(flat).toContain('1500.5');
    expect(flat).toContain('三平台合计');
    expect(flat).toContain('20亿元（200000万元，含）以上');
    const large: unknown[] = [];
    for await (const batch of workbook.rows('20亿元以上落地项目')) large.push(...batch);
    expect(JSON.stringify(large)).toContain('汽车底盘二十亿项目');
  });
});

describe('issue #14 cockpit renewal cases on a past day', () => {
  it('a case completed or withdrawn later is open on the day; overdue the day after its deadline', async () => {
    // Written straight into the renewal ledger (rows of a read-only figure); the cases' dates are what count.
    // A: opened 02-01, due 06-30, completed late on 07-10. B: opened 02-01, due 05-31, withdrawn on 04-15 (Beijing
    // time; a withdrawn case's last change). C: opened 08-01, due 09-30, still in progress. Audited like every write
    // of the system: the cockpit's kept answers hold until the next audited write.
    await t.database.db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.renewal-rows', entityType: 'renewal_cases' }, t.clock());
      await tx.execute(sql`
      INSERT INTO renewal_cases (platform_key, credit_code, enterprise_name, track, status, department, responsible_person,
        opened_on, deadline, completed_on, plan_year, created_at, created_by, updated_at)
      VALUES
        ('zhenan', '91330300CKPA00001A', '驾驶舱甲公司', 'zombie_exit', 'completed', '浙南经发局', '甲', '2026-02-01', '2026-06-30', '2026-07-10', 0, now(), 'eitc', now()),
        ('zhenan', '91330300CKPB00002B', '驾驶舱乙公司', 'zombie_exit', 'withdrawn', '浙南经发局', '乙', '2026-02-01', '2026-05-31', NULL, 0, now(), 'eitc', '2026-04-14T17:00:00Z'),
        ('zhenan', '91330300CKPC00003C', '驾驶舱丙公司', 'zombie_exit', 'in_progress', '浙南经发局', '丙', '2026-08-01', '2026-09-30', NULL, 0, now(), 'eitc', now())`);
    });
    const renewalOn = async (asOf: string) =>
      column(await cockpit('leader', `?year=2026&asOf=${asOf}`), 'zhenan').renewal;
    expect(await renewalOn('2026-01-31')).toEqual({ open: 0, overdue: 0, closed: 0, closedOnTime: 0 });
    expect(await renewalOn('2026-04-14')).toEqual({ open: 2, overdue: 0, closed: 0, closedOnTime: 0 });
    // 2026-04-14T17:00Z is 04-15 01:00 in Beijing: withdrawn on 04-15.
    expect(await renewalOn('2026-04-15')).toEqual({ open: 1, overdue: 0, closed: 0, closedOnTime: 0 });
    expect(await renewalOn('2026-06-30')).toEqual({ open: 1, overdue: 0, closed: 0, closedOnTime: 0 });
    expect(await renewalOn('2026-07-01')).toEqual({ open: 1, overdue: 1, closed: 0, closedOnTime: 0 });
    expect(await renewalOn('2026-07-10')).toEqual({ open: 0, overdue: 0, closed: 1, closedOnTime: 0 });
    expect(column(await cockpit('leader', '?year=2026'), 'zhenan').renewal).toEqual({
      open: 1,
      overdue: 1,
      closed: 1,
      closedOnTime: 0,
    });
  });
});

describe('issue #14 cockpit roles and bad input', () => {
  it('a platform sees its own column only, and no city total', async () => {
    const view = await cockpit('zn', '?year=2026');
    expect(view.scope).toBe('zhenan');
    expect(view.platforms.map((p) => p.platformKey)).toEqual(['zhenan']);
    expect(view.city).toBeNull();
    expect(view.platforms[0]!.figures.pipeline.openCount).toBe(2);
    const hitech = await cockpit('gxq', '?year=2026');
    expect(hitech.platforms[0]!.figures.land.approvedNotSupplied.count).toBe(1);
  });

  it.each(['bureau', 'admin'])('%s is refused with a Chinese message (403), page and export', async (user) => {
    for (const url of ['/cockpit', '/cockpit/export.xlsx']) {
      const response = await send(user, 'GET', url);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('no session → 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/cockpit' });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['?year=abc', '年度必须是数字'],
    ['?year=1999', '年度应在 2000–2100 之间'],
    ['?year=2027', '2027 年尚未开始'],
    ['?year=2026&asOf=2026-11-29', '统计截止日不能晚于今天'],
    ['?year=2025&asOf=2026-01-01', '统计截止日应在 2025 年内'],
    ['?asOf=2026-02-30', '不存在'],
  ])('%s → 400 %s', async (query, message) => {
    const response = await send('leader', 'GET', `/cockpit${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toContain(message);
  });
});

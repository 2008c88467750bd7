import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import {
  defaultRubric,
  type AssessmentFigure,
  type AssessmentView,
  type FigureRow,
  type FigureSourceKey,
  type PlatformKey,
} from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { createKeyTask, reportKeyTaskProgress } from '../key-tasks/key-tasks.service.ts';
import { FIGURE_SOURCE_REGISTRY } from './figure-sources.ts';
import { figureContext, storedFigure } from './figure-source.ts';
import { insertAssessment } from './assessment.repository.ts';
import { figureRowsPage } from './figure-rows.repository.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * R4.2 figures read from the land, renewal, targets, trips and key-task modules, each traced to its rows and checked
 * at its boundaries, on PGlite and on PostgreSQL. Rows are written through the modules' own routes and services on
 * 浙南; 瓯江口 has none (nothing due: full marks). The test clock's today is 2026-11-28.
 *
 * Hand counts (year 2026):
 * - land: P1 supplied 2025-12-31 (供而未用 all year, never started), P2 supplied 2026-01-01, P3 supplied 2026-06-30,
 *   P4 started 2025-12-31 (not clean-up land), P5 vacated 2025-08-01 and reused 2026-04-01.
 *   As of 06-30: 4 counted, 3 handled → 0.75; as of 06-29: P3 not yet → 0.5.
 * - cases: C1 due 06-30 closed 06-30 (on time), C2 due 06-30 closed 07-01 (late), C3 due 01-01 open, C4 due
 *   2025-12-31 (last year), C5 withdrawn. As of 06-30: 1 of 3; as of 06-29: 0 of 1 (C3 only).
 * - targets and trips: libraries in 2026Q1 and Q3 (none in Q2); the one main leader travels in January, March and
 *   September. As of 09-30: (2/3 + 3/9) ÷ 2 = 0.5; as of 09-29: (1/2 + 2/8) ÷ 2 = 0.375.
 * - key tasks: T1 (浙南 and 高新区, target 10) 浙南 reports 10 on 03-15; T2 (浙南, target 5) 3 on 05-10.
 *   As of 06-30: 浙南 1 of 2, 高新区 0 of 1; as of 03-14: 浙南 0 of 2.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

const send = apiSender(() => t, cookies);
async function ok(user: string, method: 'POST' | 'PUT', url: string, payload: unknown) {
  const response = await send(user, method, url, payload);
  expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  return response.json<{ id: number; version: number }>();
}

async function parcel(code: string, approvedOn: string, moves: [string, Record<string, unknown>][]) {
  let p = await ok('zn', 'POST', '/parcels', {
    code,
    platformKey: 'zhenan',
    area: '30',
    plannedUse: '工业用地',
    approvedOn,
    approvalDocument: '浙土字〔2024〕12号',
    responsiblePerson: '浙南平台用户',
  });
  for (const [action, body] of moves)
    p = await ok('zn', 'POST', `/parcels/${p.id}/${action}`, { ...body, version: p.version });
  ids[code] = p.id;
}
const supply = (contractDate: string) => ({
  way: 'transfer',
  contractNo: `HT-${contractDate}`,
  contractDate,
  landPrice: '1000',
  holderName: '温州测试用地有限公司',
  agreedStartOn: '2027-03-01',
  agreedCompletionOn: '2028-03-01',
});

const owner = { department: '市经信委产业处', responsiblePerson: '周科长' };
async function renewalCase(name: string, n: number, deadline: string, steps: string[]) {
  let c = await ok('eitc', 'POST', '/renewal-cases', {
    creditCode: creditCodeFor(n),
    track: 'elimination',
    ...owner,
    deadline,
    openedOn: '2025-03-01',
    planYear: 2026,
    measure: 'shutdown',
  });
  const keys = ['implementing', 'dismantled', 'accepted'];
  for (const [i, date] of steps.entries()) {
    c = await ok('eitc', 'POST', `/renewal-cases/${c.id}/steps`, { step: keys[i], date, version: c.version });
  }
  ids[name] = c.id;
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'eitc', 'drc', 'bureau']) cookies[user] = await t.login(user);
  const db = t.database.db;

  await parcel('浙南-考核-1', '2025-05-01', [['supply', supply('2025-12-31')]]);
  await parcel('浙南-考核-2', '2025-05-01', [['supply', supply('2026-01-01')]]);
  await parcel('浙南-考核-3', '2025-05-01', [['supply', supply('2026-06-30')]]);
  await parcel('浙南-考核-4', '2024-01-05', [
    ['supply', { ...supply('2024-02-01'), agreedStartOn: '2024-03-01', agreedCompletionOn: '2026-03-01' }],
    ['start', { startedOn: '2025-12-31' }],
  ]);
  await parcel('浙南-考核-5', '2024-01-05', [
    ['supply', { ...supply('2024-02-01'), agreedStartOn: '2024-03-01', agreedCompletionOn: '2026-03-01' }],
    ['vacate', { vacatedOn: '2025-08-01', fromEnterpriseName: '温州某停产企业', reason: 'zombie_exit' }],
    ['reuse', { way: 'merger', reusedOn: '2026-04-01', newHolderName: '温州兼并重组有限公司' }],
  ]);

  const records = [1, 2, 3, 4, 5].map((n) =>
    buildRecord({
      creditCode: creditCodeFor(700 + n),
      name: `考核更新企业${n}`,
      platformKey: 'zhenan',
      industryCode: '3443',
    }),
  );
  const imported = await send('eitc', 'POST', '/enterprise-records', { year: 2025, records });
  expect(imported.statusCode, imported.body).toBe(201);
  await renewalCase('C1', 701, '2026-06-30', ['2026-03-01', '2026-04-01', '2026-06-30']);
  await renewalCase('C2', 702, '2026-06-30', ['2026-03-01', '2026-04-01', '2026-07-01']);
  await renewalCase('C3', 703, '2026-01-01', ['2025-06-01']);
  await renewalCase('C4', 704, '2025-12-31', []);
  const c5 = await renewalCase('C5', 705, '2026-03-01', []);
  await ok('eitc', 'POST', `/renewal-cases/${c5.id}/close`, {
    reason: '企业已自行整改，无需淘汰',
    version: c5.version,
  });

  const target = (quarter: string, name: string) => ({
    platformKey: 'zhenan',
    quarter,
    name,
    types: ['industry_leader'],
    hqProvince: '上海市',
    hqCity: '上海市',
    industryCode: '3491',
    expectedInvestment: '200000',
    plan: { path: '总部拜访', planning: '一期 200 亩', strategy: '以商招商', tactics: '让利土地价格' },
    owner: '王五',
  });
  await ok('zn', 'POST', '/targets', target('2026Q1', '考核目标企业甲'));
  await ok('zn', 'POST', '/targets', target('2026Q3', '考核目标企业乙'));
  const leader = await ok('zn', 'POST', '/platforms/zhenan/staff', {
    name: '浙南主要领导',
    position: '管委会主任',
    mainLeader: true,
    takesPartInInvestment: true,
    fromMonth: '2025-01',
  });
  for (const startOn of ['2026-01-20', '2026-03-02', '2026-09-28']) {
    const trip = await ok('zn', 'POST', '/trips', {
      platformKey: 'zhenan',
      travellerIds: [leader.id],
      startOn,
      endOn: startOn,
      province: '广东省',
      city: '深圳市',
      met: [{ name: '深圳某新能源科技有限公司', creditCode: '91330300MA285G5X4Q' }],
      outcome: '洽谈新能源电池项目落户意向',
    });
    ids[`trip:${startOn.slice(0, 7)}`] = trip.id;
  }

  const drc = (await actorOfUsername(db, 'drc'))!;
  const zn = (await actorOfUsername(db, 'zn'))!;
  const t1 = await createKeyTask(
    db,
    drc,
    {
      year: 2026,
      title: '考核任务一：新增规上工业企业',
      leadDepartment: 'drc',
      platformKeys: ['zhenan', 'hitech'],
      deadline: '2026-12-31',
      target: '10',
      unit: '家',
      description: '',
    },
    new Date('2026-01-05T04:00:00Z'),
  );
  const t2 = await createKeyTask(
    db,
    drc,
    {
      year: 2026,
      title: '考核任务二：盘活低效用地',
      leadDepartment: 'drc',
      platformKeys: ['zhenan'],
      deadline: '2026-12-31',
      target: '5',
      unit: '宗',
      description: '',
    },
    new Date('2026-01-05T04:00:00Z'),
  );
  ids.T1 = t1.id;
  ids.T2 = t2.id;
  const report = { platformKey: 'zhenan' as const, note: '', version: 0 };
  await reportKeyTaskProgress(
    db,
    zn,
    t1.id,
    { ...report, month: '2026-03', value: '10' },
    new Date('2026-03-15T04:00:00Z'),
  );
  await reportKeyTaskProgress(
    db,
    zn,
    t2.id,
    { ...report, month: '2026-05', value: '3' },
    new Date('2026-05-10T04:00:00Z'),
  );
}, 240_000);
afterAll(() => t?.close());

/**
 * A source's figure as a saved assessment keeps it (on an assessment row of its own), with the rows it kept read
 * back from assessment_figure_rows: as many as the figure says.
 */
async function figure(
  key: FigureSourceKey,
  platformKey: PlatformKey,
  asOf: string,
): Promise<AssessmentFigure & { rows: FigureRow[] }> {
  const db = t.database.db;
  const assessmentId = await db.transaction((tx) =>
    insertAssessment(tx, {
      year: 2026,
      asOf,
      status: 'draft',
      rubric: defaultRubric(2026),
      rubricVersion: 1,
      result: { platforms: [], warningNote: '', bonusExcluded: [] },
      createdAt: t.clock(),
      createdBy: 'drc',
    }),
  );
  const context = figureContext({ db, year: 2026, asOf, rubric: defaultRubric(2026), now: t.clock(), assessmentId });
  const stored = await storedFigure(
    context,
    platformKey,
    key,
    await FIGURE_SOURCE_REGISTRY[key].figure(context, platformKey),
  );
  const { rows, total } = await figureRowsPage(db, { assessmentId, platformKey, sourceKey: key }, 1, 200);
  expect(total).toBe(stored.rowCount);
  return { ...stored, rows };
}
const refs = (f: { rows: FigureRow[] }, value?: string) =>
  f.rows.filter((r) => value === undefined || r.figure === value).map((r) => r.ref);

describe('R3.6 / R4.2 土地清理与利用 from the parcel timelines', () => {
  it('as of 06-30: four parcels counted, three handled (supplied 01-01 and 06-30, reused); the one started in 2025 left out', async () => {
    const f = await figure('land_cleanup', 'zhenan', '2026-06-30');
    expect(f).toMatchObject({ available: true, value: '0.75', target: '1', unit: '处置率' });
    expect(refs(f).sort()).toEqual(
      ['浙南-考核-1', '浙南-考核-2', '浙南-考核-3', '浙南-考核-5'].map((c) => String(ids[c])).sort(),
    );
    expect(refs(f, '0')).toEqual([String(ids['浙南-考核-1'])]);
    expect(f.rows.find((r) => r.ref === String(ids['浙南-考核-5']))!.note).toBe('年初状态：已腾空；2026-04-01 再利用');
  });

  it('as of 06-29 the supply of 06-30 is not yet: 2 of 4; a platform with no parcel: 1', async () => {
    expect((await figure('land_cleanup', 'zhenan', '2026-06-29')).value).toBe('0.5');
    const none = await figure('land_cleanup', 'oujiangkou', '2026-06-30');
    expect(none).toMatchObject({ value: '1', rowCount: 0, rows: [] });
    expect(none.explanation).toContain('没有批而未供');
  });
});

describe('R3.4–R3.5 / R4.2 整治与更新个案按期销号 from the renewal cases', () => {
  it('as of 06-30: closed on the deadline day on time, the day after late, an open one late; last year’s and a withdrawn one left out', async () => {
    const f = await figure('rectification_closed', 'zhenan', '2026-06-30');
    expect(f).toMatchObject({ value: '0.33333333333333333333', unit: '销号率' });
    expect(refs(f)).toEqual([ids.C3, ids.C1, ids.C2].map(String));
    expect(refs(f, '1')).toEqual([String(ids.C1)]);
    expect(f.rows.find((r) => r.ref === String(ids.C2))!.note).toBe('期限 2026-06-30，2026-07-01 完成（逾期）');
  });

  it('as of 06-29 only the case due on 01-01 is due: 0; 瓯江口 has none due: 1', async () => {
    const f = await figure('rectification_closed', 'zhenan', '2026-06-29');
    expect(f.value).toBe('0');
    expect(refs(f)).toEqual([String(ids.C3)]);
    expect((await figure('rectification_closed', 'oujiangkou', '2026-06-29')).explanation).toContain('无到期个案');
  });
});

describe('R2.7–R2.8 目标企业库与外出招商 from the targets and trips modules', () => {
  it('as of 09-30: libraries in 2 of 3 quarters, the leader out in 3 of 9 months → 0.5, each quarter and month a row', async () => {
    const f = await figure('targets_trips', 'zhenan', '2026-09-30');
    expect(f.value).toBe('0.5');
    expect(f.rows.filter((r) => r.kind === 'target').map((r) => [r.ref, r.figure])).toEqual([
      ['2026Q1', '1'],
      ['2026Q2', '0'],
      ['2026Q3', '1'],
    ]);
    const months = f.rows.filter((r) => r.kind === 'trip');
    expect(months).toHaveLength(9);
    expect(months.filter((r) => r.figure === '1').map((r) => r.ref)).toEqual(['2026-01', '2026-03', '2026-09']);
    expect(months.find((r) => r.ref === '2026-09')!.note).toBe(`浙南主要领导 1 次（报备 #${ids['trip:2026-09']}）`);
  });

  it('as of 09-29 neither Q3 nor September has ended: (1/2 + 2/8) ÷ 2 = 0.375; a platform without a leader: 0', async () => {
    expect((await figure('targets_trips', 'zhenan', '2026-09-29')).value).toBe('0.375');
    const other = await figure('targets_trips', 'oujiangkou', '2026-09-29');
    expect(other.value).toBe('0');
    expect(other.rows.find((r) => r.ref === '2026-01')!.note).toBe('名册中没有主要领导');
  });
});

describe('R4.3–R4.4 重点任务清单完成率 from the key-task list', () => {
  it('as of 06-30: 浙南 1 of 2, 高新区 0 of 1; as of 03-14 the report of 03-15 is not yet; 瓯江口 has no task: 1', async () => {
    const zn = await figure('key_tasks', 'zhenan', '2026-06-30');
    expect(zn.value).toBe('0.5');
    expect(zn.rows.map((r) => [r.ref, r.figure])).toEqual([
      [String(ids.T1), '1'],
      [String(ids.T2), '0'],
    ]);
    expect((await figure('key_tasks', 'hitech', '2026-06-30')).value).toBe('0');
    expect((await figure('key_tasks', 'zhenan', '2026-03-14')).value).toBe('0');
    expect((await figure('key_tasks', 'oujiangkou', '2026-06-30')).value).toBe('1');
  });
});

describe('through the API: the criteria score the wired figures and keep their rows', () => {
  it('a simulation with key tasks in the rubric; land ranked; a published year does not move when a parcel is handled later', async () => {
    const rubric = defaultRubric(2026);
    rubric.criteria = rubric.criteria.map((c) =>
      c.key === 'key_milestones'
        ? { ...c, key: 'key_tasks', label: '重点任务清单完成率', source: 'key_tasks' as const }
        : c,
    );
    const simulated = await send('drc', 'POST', '/assessments', {
      year: 2026,
      asOf: '2026-06-30',
      simulate: true,
      rubric,
    });
    expect(simulated.statusCode, simulated.body).toBe(200);
    const view = simulated.json<AssessmentView>();
    const of = (p: string, key: string) =>
      view.platforms.find((x) => x.platformKey === p)!.criteria.find((c) => c.key === key)!;
    expect(of('zhenan', 'key_tasks').points).toBe(2.5); // 0.5 × 5
    // 瓯江口 and 高新区 have nothing to clean up (1), 浙南 0.75 → rank 3 → 0.6 × 15.
    expect(of('zhenan', 'land_cleanup')).toMatchObject({ rank: 3, points: 9 });
    expect(of('zhenan', 'rectification_closed').points).toBe(1.67);

    const run = await send('drc', 'POST', '/assessments', { year: 2026, asOf: '2026-06-29' });
    expect(run.statusCode, run.body).toBe(201);
    const published = await send('drc', 'POST', `/assessments/${run.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    ids.published = run.json().id;
    const p1 = await ok('zn', 'POST', `/parcels/${ids['浙南-考核-1']}/start`, { startedOn: '2026-06-01', version: 2 });
    expect(p1.version).toBe(3);
    expect((await figure('land_cleanup', 'zhenan', '2026-06-29')).value).toBe('0.75');
    const again = (await send('drc', 'GET', `/assessments/${run.json().id}`)).json<AssessmentView>();
    const land = again.platforms
      .find((p) => p.platformKey === 'zhenan')!
      .criteria.find((c) => c.key === 'land_cleanup')!;
    expect(land.figure).toMatchObject({ value: '0.5', rowCount: 4 });
    // Its rows are those of 06-29 too: 浙南-考核-1, started since, is still not handled in them.
    const rows = await send('drc', 'GET', `/assessments/${run.json().id}/figures/land_cleanup/rows?platformKey=zhenan`);
    expect(rows.json()).toMatchObject({ total: 4, page: 1 });
    const p1Row = rows.json<{ items: FigureRow[] }>().items.find((r) => r.ref === String(ids['浙南-考核-1']))!;
    expect(p1Row).toMatchObject({ figure: '0', note: '年初状态：已供地；截至 2026-06-29 未处置' });
  });
});

describe('issue 14 公示: the published assessment as a second kind of public notice (platform and rank only)', () => {
  it('the drc puts it on notice; the eitc may not; a draft is refused; the public lines are the ranking', async () => {
    const body = { kind: 'platform_assessment', subjectId: ids.published };
    expect((await send('eitc', 'POST', '/notices', body)).statusCode).toBe(403);
    const draft = await send('drc', 'POST', '/assessments', { year: 2026, asOf: '2026-06-30' });
    const refused = await send('drc', 'POST', '/notices', { ...body, subjectId: draft.json().id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('NOT_PUBLISHED');
    const created = await send('drc', 'POST', '/notices', body);
    expect(created.statusCode, created.body).toBe(201);
    // The national calendar: Saturday 11-28 rests, Monday 11-30 to Friday 12-04 are the five working days.
    expect(created.json()).toMatchObject({
      title: '2026年度市级三大功能性平台考核结果公示',
      endDay: '2026-12-04',
      entries: 3,
    });
    const ranking = (await send('drc', 'GET', `/assessments/${ids.published}`))
      .json<AssessmentView>()
      .platforms.map((p) => ({ key: p.platformKey, rank: p.rank }))
      .sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
    const names: Record<string, string> = {
      oujiangkou: '瓯江口产业集聚区',
      zhenan: '浙南产业集聚区',
      hitech: '温州高新区(浙南科技城)',
    };
    const lines = await t.app.inject({ method: 'GET', url: `/api/v1/public/notices/${created.json().id}/entries` });
    expect(lines.statusCode).toBe(200);
    expect(lines.json().items).toEqual(ranking.map((r) => ({ name: names[r.key], result: `第 ${r.rank} 名` })));
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/notices/${created.json().id}/entries?q=${encodeURIComponent('瓯江口')}`,
    });
    expect(found.json()).toMatchObject({ total: 1, items: [{ name: '瓯江口产业集聚区' }] });
  });
});

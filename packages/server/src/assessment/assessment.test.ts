import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import mammoth from 'mammoth';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { defaultRubric, type AssessmentView, type FigureRow, type Rubric } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { openWorkbook } from '../platform/xlsx-reader.ts';
import { inflateEntry, zipEntries } from '../platform/zip-entries.ts';
import { makeProject } from './assessment.test-support.ts';
import { CIRCULAR_PAGE } from './circular-docx.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * R4.2–R4.3 through the API on a small data set whose every figure is counted by hand below. Dates lie before the
 * test clock (2026-11-28). Platforms: 浙南 attracts five projects in 2026, one circulated to 高新区; 瓯江口 one in
 * 2025 (landed 2025-12-31) and one tracked in 2026; 高新区 none of its own.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

const send = apiSender(() => t, cookies);

/** Every row behind a figure, read through the paged route (GET /assessments/:id/figures/:source/rows). */
async function rowsOf(view: AssessmentView, platformKey: string, source: string, user = 'drc'): Promise<FigureRow[]> {
  const answer = await send(
    user,
    'GET',
    `/assessments/${view.id}/figures/${source}/rows?platformKey=${platformKey}&pageSize=200`,
  );
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<{ items: FigureRow[] }>().items;
}

async function countAssessments(): Promise<number> {
  const list = await send('drc', 'GET', '/assessments?pageSize=200');
  return list.json().total;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['drc', 'leader', 'bureau', 'eitc', 'zn', 'ojk', 'gxq']) cookies[user] = await t.login(user);
  const db = t.database.db;
  ids.A = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '3670',
      totalInvestment: '200000',
      reportedOn: '2026-01-05',
      target: 'landed',
      landedOn: '2026-03-10',
      name: '汽车制动系统二十亿项目',
    })
  ).id;
  ids.B = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '3670',
      totalInvestment: '199999.99',
      reportedOn: '2026-01-06',
      target: 'landed',
      landedOn: '2026-04-01',
    })
  ).id;
  ids.C = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '3491',
      totalInvestment: '300000',
      reportedOn: '2026-01-07',
      target: 'landed',
      landedOn: '2026-05-01',
      circulateTo: { platformKey: 'hitech', firstPlaceShare: 0.4 },
      name: '工业机器人流转项目',
    })
  ).id;
  ids.D = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '6020',
      totalInvestment: '250000',
      reportedOn: '2026-01-08',
      target: 'landed',
      landedOn: '2026-05-02',
    })
  ).id;
  ids.G = (
    await makeProject(db, {
      platformKey: 'zhenan',
      industryCode: '3731',
      totalInvestment: '10000',
      reportedOn: '2026-02-02',
      target: 'reported',
    })
  ).id;
  ids.E = (
    await makeProject(db, {
      platformKey: 'oujiangkou',
      industryCode: '3415',
      totalInvestment: '200000',
      reportedOn: '2025-11-01',
      target: 'landed',
      landedOn: '2025-12-31',
    })
  ).id;
  ids.F = (
    await makeProject(db, {
      platformKey: 'oujiangkou',
      industryCode: '3415',
      totalInvestment: '100000',
      reportedOn: '2026-02-01',
      target: 'tracked',
    })
  ).id;
  // The base database: one 浙南 enterprise in a leading (encouraged) industry, one in shipbuilding (never encouraged).
  const leading = creditCodeFor(901);
  const ships = creditCodeFor(902);
  for (const [year, revenue, tax] of [
    [2025, '1000', '100'],
    [2026, '1200', '110'],
  ] as const) {
    const records = [
      buildRecord({ creditCode: leading, name: '瑞立制动', platformKey: 'zhenan', industryCode: '3670', revenue, tax }),
      buildRecord({
        creditCode: ships,
        name: '某船舶',
        platformKey: 'zhenan',
        industryCode: '3731',
        revenue: '5000',
        tax: year === 2025 ? '500' : '1',
      }),
    ];
    const imported = await send('eitc', 'POST', '/enterprise-records', { year, records });
    expect(imported.statusCode, imported.body).toBe(201);
  }
}, 120_000);
afterAll(() => t?.close());

const byPlatform = (view: AssessmentView) => Object.fromEntries(view.platforms.map((p) => [p.platformKey, p]));
const criterion = (view: AssessmentView, platform: string, key: string) =>
  byPlatform(view)[platform]!.criteria.find((c) => c.key === key)!;

describe('R4.2 rubric per year (drc only, versioned)', () => {
  it('a year never saved answers the default rubric as version 1; the drc saves it, a stale save gets 409', async () => {
    const first = await send('leader', 'GET', '/assessment-rubrics/2026');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, isDefault: true });
    const rubric: Rubric = {
      ...defaultRubric(2026),
      investmentTasks: { oujiangkou: '6', zhenan: '4', hitech: '6' },
      manualItems: [
        { id: 'm1', platformKey: 'oujiangkou', label: '专项工作', points: 0, reason: '完成市里交办的专项工作' },
      ],
    };
    expect((await send('zn', 'PUT', '/assessment-rubrics/2026', { rubric, version: 1 })).statusCode).toBe(403);
    const saved = await send('drc', 'PUT', '/assessment-rubrics/2026', { rubric, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    // Who scored a hand item and when are stamped by the server.
    expect(saved.json().rubric.manualItems[0]).toMatchObject({ by: expect.any(String), at: expect.any(String) });
    const stale = await send('drc', 'PUT', '/assessment-rubrics/2026', { rubric, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('bad rubrics: 400 with the field named in Chinese, nothing saved', async () => {
    const rubric = defaultRubric(2026);
    const noReason = {
      ...rubric,
      manualItems: [{ id: 'x', platformKey: 'zhenan', label: '扣分', points: -2, reason: '' }],
    };
    const answer = await send('drc', 'PUT', '/assessment-rubrics/2026', { rubric: noReason, version: 2 });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('加减分理由');
    const duplicate = { ...rubric, criteria: [rubric.criteria[0], rubric.criteria[0]] };
    const dup = await send('drc', 'PUT', '/assessment-rubrics/2026', { rubric: duplicate, version: 2 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.code).toBe('INVALID_RUBRIC');
    expect((await send('drc', 'GET', '/assessment-rubrics/2026')).json().version).toBe(2);
    expect((await send('drc', 'GET', '/assessment-rubrics/20x6')).statusCode).toBe(400);
  });
});

describe('R4.2–R4.3 the yearly assessment: figures equal hand counts', () => {
  let y2025: AssessmentView;
  let draft: AssessmentView;

  it('2025 is run and published: 瓯江口 (one project landed 2025-12-31) first, 浙南 and 高新区 tied last', async () => {
    const run = await send('drc', 'POST', '/assessments', { year: 2025, asOf: '2025-12-31' });
    expect(run.statusCode, run.body).toBe(201);
    y2025 = run.json();
    expect(criterion(y2025, 'oujiangkou', 'investment_task').figure.value).toBe('1');
    expect(byPlatform(y2025).oujiangkou!.bonus.points).toBe(1);
    expect(byPlatform(y2025).zhenan!.rank).toBe(2);
    expect(byPlatform(y2025).hitech!.rank).toBe(2);
    const published = await send('drc', 'POST', `/assessments/${y2025.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    const again = await send('drc', 'POST', `/assessments/${y2025.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_PUBLISHED');
  });

  it('2026 as of the test day: credit, fit, growth, bonus and warnings as counted by hand', async () => {
    const run = await send('drc', 'POST', '/assessments', { year: 2026, asOf: '2026-11-28' });
    expect(run.statusCode, run.body).toBe(201);
    draft = run.json();
    // R2.6: A 1 + B 1 + C 0.4 (first place of a 40:60 circulation) + D 1; G is not landed.
    const task = criterion(draft, 'zhenan', 'investment_task');
    expect(task.figure).toMatchObject({ value: '3.4', target: '4' });
    expect((await rowsOf(draft, 'zhenan', 'investment_task')).map((r) => Number(r.ref)).sort()).toEqual(
      [ids.A, ids.B, ids.C, ids.D].sort(),
    );
    expect(task.figure.rowCount).toBe(4);
    expect(task.points).toBe(21.25); // 3.4 ÷ 4 × 25
    expect(criterion(draft, 'hitech', 'investment_task').figure.value).toBe('0.6');
    expect(criterion(draft, 'oujiangkou', 'investment_task').figure.value).toBe('0'); // E landed in 2025
    // Fit: 浙南 reported five in 2026, four encouraged (G is shipbuilding) → 0.8; 瓯江口 F of 2026 only → 1.
    expect(criterion(draft, 'zhenan', 'industry_fit').figure.value).toBe('0.8');
    expect(criterion(draft, 'oujiangkou', 'industry_fit').figure.value).toBe('1');
    expect(criterion(draft, 'hitech', 'industry_fit').figure.value).toBe('0');
    // Cluster: the leading-industry enterprise only: revenue +20 %, tax +10 % → mean 0.15 (the ship maker is left out).
    const cluster = criterion(draft, 'zhenan', 'cluster_growth');
    expect(cluster.figure.value).toBe('0.15');
    expect((await rowsOf(draft, 'zhenan', 'cluster_growth')).map((r) => r.name)).toEqual(['瑞立制动']);
    expect(cluster.points).toBe(20);
    // No parcel, renewal case, target library or trip in this data set (figure-sources.test.ts has them): nothing
    // to clean up or close counts as done (all three tie first in land: 15 each; cases 5); no library and no
    // leader trip in any quarter or month ended → 0.
    const land = criterion(draft, 'zhenan', 'land_cleanup');
    expect(land.figure).toMatchObject({ available: true, value: '1', rowCount: 0 });
    expect(await rowsOf(draft, 'zhenan', 'land_cleanup')).toEqual([]);
    expect(land).toMatchObject({ rank: 1, points: 15 });
    expect(criterion(draft, 'zhenan', 'rectification_closed').points).toBe(5);
    const trips = criterion(draft, 'zhenan', 'targets_trips');
    expect(trips.figure.value).toBe('0');
    expect(trips.figure.rowCount).toBe(3 + 10); // Q1–Q3 and January–October ended by 11-28
    expect(await rowsOf(draft, 'zhenan', 'targets_trips')).toHaveLength(3 + 10);
    expect(trips.points).toBe(0);
    // D25 bonus: A (200 000 exactly) 1, C 0.4 to 浙南 and 0.6 to 高新区; B (199 999.99) and D (not manufacturing) none.
    const zn = byPlatform(draft).zhenan!;
    expect(zn.bonus.points).toBe(1.4);
    expect(zn.bonus.projects.map((p) => p.id).sort()).toEqual([ids.A, ids.C].sort());
    expect(byPlatform(draft).hitech!.bonus).toMatchObject({ points: 0.6, projects: [{ id: ids.C, share: 0.6 }] });
    expect(draft.bonusExcluded.map((p) => p.id).sort()).toEqual([ids.B, ids.D].sort());
    // 21.25 + 0 + 12 + 20 + 0 (no published evaluation) + 5 + 15 + 5 (no milestone due) + 1.4 = 79.65
    expect(zn.score).toBe(79.65);
    expect(zn.rank).toBe(1);
    // 高新区 last now and tied last in 2025 (published) → warned; behind its task at the Q3 check too (0.6 of 6).
    const hitech = byPlatform(draft).hitech!;
    expect(hitech.rank).toBe(3);
    expect(hitech.warnings.map((w) => w.kind).sort()).toEqual(['behind_schedule', 'last_two_years']);
    // 浙南 3.4 of 4 = 85 % ≥ 0.8 × 273/365 ≈ 59.8 % → not behind.
    expect(zn.schedule).toMatchObject({ checkedOn: '2026-09-30', behind: false });
  });

  it('simulate with another rubric: answered, nothing written', async () => {
    const before = await countAssessments();
    const rubric = { ...defaultRubric(2026), bonusPointsPerProject: 10 };
    const simulated = await send('drc', 'POST', '/assessments', {
      year: 2026,
      asOf: '2026-11-28',
      simulate: true,
      rubric,
    });
    expect(simulated.statusCode, simulated.body).toBe(200);
    expect(simulated.json()).toMatchObject({ id: null, status: 'simulation' });
    expect(byPlatform(simulated.json()).zhenan!.bonus.points).toBe(14);
    expect(await countAssessments()).toBe(before);
    const refused = await send('drc', 'POST', '/assessments', { year: 2026, rubric });
    expect(refused.statusCode).toBe(400);
  });

  it('roles: only the drc runs and publishes; the leader reads drafts; platforms and commissions do not', async () => {
    for (const user of ['leader', 'zn', 'bureau', 'eitc'])
      expect((await send(user, 'POST', '/assessments', { year: 2026 })).statusCode).toBe(403);
    expect((await send('leader', 'GET', `/assessments/${draft.id}`)).statusCode).toBe(200);
    expect((await send('zn', 'GET', `/assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await send('bureau', 'GET', `/assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await send('leader', 'POST', `/assessments/${draft.id}/publish`)).statusCode).toBe(403);
    const listed = await send('zn', 'GET', '/assessments');
    expect(listed.json().items.every((a: { status: string }) => a.status === 'published')).toBe(true);
  });

  it('published: a platform reads its own rows and the ranking only; the assessment does not move when data change', async () => {
    const published = await send('drc', 'POST', `/assessments/${draft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const seen = (await send('zn', 'GET', `/assessments/${draft.id}`)).json<AssessmentView>();
    const own = byPlatform(seen).zhenan!;
    expect(own.detailed).toBe(true);
    expect(own.criteria.length).toBeGreaterThan(0);
    const other = byPlatform(seen).hitech!;
    expect(other).toMatchObject({ detailed: false, criteria: [], warnings: [], rank: 3 });
    expect(other.score).toBe(byPlatform(draft).hitech!.score);
    expect(await rowsOf(seen, 'zhenan', 'investment_task', 'zn')).toHaveLength(4);
    const notOwn = await send('zn', 'GET', `/assessments/${draft.id}/figures/investment_task/rows?platformKey=hitech`);
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.body).toContain('本平台');
    // New data: another 浙南 project lands in 2026; the published assessment keeps its figures.
    await makeProject(t.database.db, {
      platformKey: 'zhenan',
      industryCode: '3670',
      totalInvestment: '900000',
      reportedOn: '2026-03-01',
      target: 'landed',
      landedOn: '2026-06-01',
    });
    const after = (await send('drc', 'GET', `/assessments/${draft.id}`)).json<AssessmentView>();
    expect(criterion(after, 'zhenan', 'investment_task').figure.value).toBe('3.4');
    expect(await rowsOf(after, 'zhenan', 'investment_task')).toHaveLength(4);
    expect(byPlatform(after).zhenan!.score).toBe(79.65);
    // A new run sees the new project; it cannot be published over the year's published one.
    const rerun = await send('drc', 'POST', '/assessments', { year: 2026, asOf: '2026-11-28' });
    expect(criterion(rerun.json(), 'zhenan', 'investment_task').figure.value).toBe('4.4');
    const refused = await send('drc', 'POST', `/assessments/${rerun.json().id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('YEAR_ALREADY_PUBLISHED');
  });

  it('a figure’s rows export to Excel whole, as the drawer shows them; a platform exports only its own', async () => {
    const rows = await rowsOf(draft, 'zhenan', 'investment_task', 'zn');
    expect(rows).toHaveLength(4);
    const url = (platformKey: string) =>
      `/assessments/${draft.id}/figures/investment_task/rows.xlsx?platformKey=${platformKey}`;
    const file = await send('zn', 'GET', url('zhenan'));
    expect(file.statusCode, file.body).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('2026年度平台考核浙南产业集聚区');
    const sheet = await sheetRows(file.rawPayload, '考核明细');
    expect(sheet[0]).toEqual(['类别', '编号', '名称', '计入', '说明']);
    expect(sheet.slice(1)).toEqual(rows.map((r) => ['项目', r.ref, r.name, r.figure, r.note].map((v) => v || null)));
    const notOwn = await send('zn', 'GET', url('hitech'));
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.body).toContain('本平台');
    expect((await send('zn', 'GET', url('nowhere'))).statusCode).toBe(400);
  });

  it('the circular .docx (GB/T 9704 layout) and the scores .xlsx open in independent readers with the right text', async () => {
    const docx = await send('zn', 'GET', `/assessments/${draft.id}/circular.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain('关于2026年度市级三大功能性平台考核结果的通报');
    expect(text).toContain(`温平台办〔2026〕${draft.id}号`);
    expect(text).toContain('浙南产业集聚区79.65分，排名第1');
    expect(text).toContain('附件：2026年度平台考核得分表');
    expect(text).toContain('汽车制动系统二十亿项目');
    expect(text).toContain('均排名末位，应予约谈并通报');
    expect(text).toContain('总投资20亿元，计1分');
    expect(text).toContain('数据待接入');
    const xml = inflateEntry(
      docx.rawPayload,
      zipEntries(docx.rawPayload).get('word/document.xml')!,
      10_000_000,
    ).toString('utf8');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain(`w:top="${CIRCULAR_PAGE.margin.top}"`);
    expect(xml).toContain(`w:left="${CIRCULAR_PAGE.margin.left}"`);
    expect(xml).toContain('w:w="11906"');
    const xlsx = await send('drc', 'GET', `/assessments/${draft.id}/scores.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = openWorkbook(xlsx.rawPayload);
    expect(workbook.sheetNames).toEqual(['2026年度考核排名', '分项得分']);
    const rows: unknown[] = [];
    for await (const batch of workbook.rows('2026年度考核排名')) rows.push(...batch);
    const flat = JSON.stringify(rows);
    expect(flat).toContain('浙南产业集聚区');
    expect(flat).toContain('79.65');
    expect(flat).toContain('连续两年考核末位');
  });
});

describe('bad input answers 4xx in Chinese, nothing written', () => {
  it.each([
    [{ year: 1999 }, '年度应在'],
    [{ year: '2026' }, '年度必须是数字'],
    [{ year: 2026, asOf: '2026-02-30' }, '不存在'],
    [{ year: 2026, asOf: '2026-12-31' }, '不能晚于今天'],
    [{ year: 2025, asOf: '2026-01-01' }, '应在 2025 年内'],
    [{ year: 2026, simulate: 'yes' }, 'simulate'],
  ])('POST /assessments %j → 400', async (body, message) => {
    const before = await countAssessments();
    const answer = await send('drc', 'POST', '/assessments', body);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.body).toContain(message);
    expect(await countAssessments()).toBe(before);
  });
  it('ids: 0, letters, unknown', async () => {
    expect((await send('drc', 'GET', '/assessments/0')).statusCode).toBe(400);
    expect((await send('drc', 'GET', '/assessments/abc')).statusCode).toBe(400);
    expect((await send('drc', 'GET', '/assessments/99999')).statusCode).toBe(404);
    expect((await send('drc', 'POST', '/assessments/99999/publish')).statusCode).toBe(404);
  });
  it('a figure’s rows: unknown source, platform or page → 400 in Chinese; unknown assessment → 404', async () => {
    const saved = (await send('drc', 'GET', '/assessments?year=2026')).json<{ items: { id: number }[] }>().items[0]!.id;
    const rows = (query: string, source = 'land_cleanup', id = saved) =>
      send('drc', 'GET', `/assessments/${id}/figures/${source}/rows?${query}`);
    for (const [answer, message] of [
      [await rows('platformKey=zhenan', 'parcels'), '数据来源不存在'],
      [await rows('platformKey=nowhere'), '平台不存在'],
      [await rows(''), '平台不存在'],
      [await rows('platformKey=zhenan&page=0'), '页码'],
      [await rows('platformKey=zhenan&pageSize=500'), '每页条数'],
    ] as const) {
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.body).toContain(message);
    }
    expect((await rows('platformKey=zhenan', 'land_cleanup', 99999)).statusCode).toBe(404);
  });
});

describe('R4.3 interviews (约谈)', () => {
  const interview = {
    platformKey: 'hitech',
    year: 2026,
    reason: '连续两年考核末位',
    heldOn: '2026-11-20',
    participants: '市发改委张主任、高新区管委会李主任',
    minutes: '高新区说明招商滞后原因，承诺一季度完成两个项目签约。',
    followUpDeadline: '2027-03-31',
  };
  it('the drc records one (201); platforms cannot; bad input → 400 and nothing written', async () => {
    expect((await send('gxq', 'POST', '/assessment-interviews', interview)).statusCode).toBe(403);
    const saved = await send('drc', 'POST', '/assessment-interviews', interview);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ platformKey: 'hitech', followUpOverdue: false });
    for (const [body, message] of [
      [{ ...interview, minutes: '' }, '约谈纪要'],
      [{ ...interview, followUpDeadline: '2026-11-01' }, '整改期限不能早于约谈日期'],
      [{ ...interview, heldOn: '2026-12-20' }, '不能晚于今天'],
      [{ ...interview, platformKey: 'nowhere' }, '平台不存在'],
    ] as const) {
      const answer = await send('drc', 'POST', '/assessment-interviews', body);
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.body).toContain(message);
    }
    expect((await send('drc', 'GET', '/assessment-interviews')).json().total).toBe(1);
  });
  it('a platform reads only its own', async () => {
    expect((await send('gxq', 'GET', '/assessment-interviews')).json().total).toBe(1);
    expect((await send('zn', 'GET', '/assessment-interviews')).json().total).toBe(0);
    expect((await send('zn', 'GET', '/assessment-interviews?platformKey=hitech')).json().total).toBe(0);
  });
  it('the list exports to Excel, read back by an independent reader; a platform’s export holds only its own', async () => {
    const file = await send('drc', 'GET', '/assessment-interviews/export.xlsx?year=2026');
    expect(file.statusCode).toBe(200);
    const rows = await sheetRows(file.rawPayload, '约谈记录');
    expect(rows[0]!.slice(0, 4)).toEqual(['平台', '考核年度', '约谈日期', '约谈事由']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 8)).toEqual([
      '温州高新区(浙南科技城)',
      2026,
      '2026-11-20',
      '连续两年考核末位',
      interview.participants,
      interview.minutes,
      '2027-03-31',
      '未逾期',
    ]);
    expect(
      await sheetRows((await send('gxq', 'GET', '/assessment-interviews/export.xlsx')).rawPayload, '约谈记录'),
    ).toHaveLength(2);
    expect(
      await sheetRows((await send('zn', 'GET', '/assessment-interviews/export.xlsx')).rawPayload, '约谈记录'),
    ).toHaveLength(1);
    expect((await send('drc', 'GET', '/assessment-interviews/export.xlsx?year=20x6')).statusCode).toBe(400);
  });
});

/** The rows of a sheet as plain values (a date cell as its day), read by our own reader, not by ExcelJS. */
async function sheetRows(file: Buffer, sheet: string): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const batch of openWorkbook(file).rows(sheet))
    for (const row of batch)
      rows.push(row.values.slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  return rows;
}

describe('§四(三) key projects’ milestones per quarter', () => {
  it('planned signing 2026-06-01, not done: Q1 pending, Q2 and Q3 late; who may set them', async () => {
    const body = {
      responsibleUnit: '瓯江口管委会招商局',
      milestones: [{ kind: 'signing', planned: '2026-06-01', actual: null }],
      version: 0,
    };
    expect((await send('zn', 'PUT', `/assessment-milestones/${ids.F}`, body)).statusCode).toBe(404);
    expect((await send('bureau', 'PUT', `/assessment-milestones/${ids.F}`, body)).statusCode).toBe(403);
    const notKey = await send('drc', 'PUT', `/assessment-milestones/${ids.G}`, body);
    expect(notKey.statusCode).toBe(422);
    const saved = await send('ojk', 'PUT', `/assessment-milestones/${ids.F}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send('drc', 'PUT', `/assessment-milestones/${ids.F}`, body)).statusCode).toBe(409);
    const state = async (quarter: number) => {
      const list = await send('leader', 'GET', `/assessment-milestones?year=2026&quarter=${quarter}`);
      const project = list.json().items.find((p: { projectId: number }) => p.projectId === ids.F);
      return project.milestones.find((m: { kind: string }) => m.kind === 'signing').state;
    };
    expect(await state(1)).toBe('pending');
    expect(await state(2)).toBe('late');
    expect(await state(3)).toBe('late');
    const late = await send('leader', 'GET', '/assessment-milestones?year=2026&quarter=3&lateOnly=true');
    expect(late.json().items.map((p: { projectId: number }) => p.projectId)).toContain(ids.F);
    // The platform sees only its own key projects.
    const zn = await send('zn', 'GET', '/assessment-milestones?year=2026&quarter=3');
    expect(zn.json().items.some((p: { projectId: number }) => p.projectId === ids.F)).toBe(false);
    expect((await send('drc', 'GET', '/assessment-milestones?year=2026&quarter=5')).statusCode).toBe(400);
  });
  it('the quarter’s milestones export to Excel with each state, late-only too', async () => {
    const file = await send('drc', 'GET', '/assessment-milestones/export.xlsx?year=2026&quarter=3&lateOnly=true');
    expect(file.statusCode).toBe(200);
    const rows = await sheetRows(file.rawPayload, '2026年第3季度重点项目节点');
    expect(rows[0]!.slice(0, 7)).toEqual(['项目', '平台', '责任单位', '判定日', '签约计划', '签约实际', '签约状态']);
    const f = rows.find((r) => r[2] === '瓯江口管委会招商局')!;
    expect(f.slice(1, 7)).toEqual([
      '瓯江口产业集聚区',
      '瓯江口管委会招商局',
      '2026-09-30',
      '2026-06-01',
      undefined,
      '滞后',
    ]);
    expect(f.at(-1)).toBe('滞后');
    const q1 = await sheetRows(
      (await send('drc', 'GET', '/assessment-milestones/export.xlsx?year=2026&quarter=1')).rawPayload,
      '2026年第1季度重点项目节点',
    );
    expect(q1.find((r) => r[2] === '瓯江口管委会招商局')![6]).toBe('未到期');
    const zn = await sheetRows(
      (await send('zn', 'GET', '/assessment-milestones/export.xlsx?year=2026&quarter=3')).rawPayload,
      '2026年第3季度重点项目节点',
    );
    expect(zn.some((r) => r[2] === '瓯江口管委会招商局')).toBe(false);
  });
});

describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('a saved assessment on PostgreSQL', () => {
  it('never sends a query to a connection still answering another (pg 8 queues it with a warning, pg 9 refuses it)', async () => {
    // Every query a pg client is sent while its last one has not answered yet, counted per client.
    const answering = new WeakMap<object, number>();
    let sentWhileBusy = 0;
    // Kept as a plain function to call with the client as `this` below, as pg itself would.
    const query: (this: pg.Client, ...args: unknown[]) => unknown = Reflect.get(pg.Client.prototype, 'query');
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const busy = answering.get(this) ?? 0;
      if (busy > 0) sentWhileBusy += 1;
      const answer = query.apply(this, args);
      if (answer instanceof Promise) {
        answering.set(this, busy + 1);
        const done = () => answering.set(this, (answering.get(this) ?? 1) - 1);
        answer.then(done, done);
      }
      return answer as never;
    });
    try {
      const run = await send('drc', 'POST', '/assessments', { year: 2026, asOf: '2026-11-28' });
      expect(run.statusCode, run.body).toBe(201);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(sentWhileBusy).toBe(0);
  });
});

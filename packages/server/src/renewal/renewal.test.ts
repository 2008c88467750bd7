import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { renewalCases, renewalCaseSteps } from './renewal.table.ts';
import { publishedCatalogs } from '../catalog/catalog.service.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * Renewal cases (issue #12: R3.5, R1.6) and the industry profile (§三(一)) through the API, on PGlite and on
 * PostgreSQL: roles (403), platform scope (D10: 404), stale versions (409, one winner), rules (422), bad input
 * (400 naming the field, nothing written), steps to 出清, overdue as of a day at the deadline boundary, the R1.6
 * finder with a new catalog version, candidates, the profile's figures and rows, and the exports.
 * The test clock's today is 2026-11-28 (Shanghai).
 */

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn', 'ojk', 'gxq', 'leader', 'drc', 'bureau', 'auditor'])
    cookies[user] = await t.login(user);
  const record = (n: number, over: Record<string, unknown>) => ({
    creditCode: creditCodeFor(n),
    name: `温州更新测试${n}有限公司`,
    platformKey: 'zhenan',
    kind: 'industrial',
    scale: 'above',
    landOwned: '10',
    landLeased: null,
    tax: '100',
    valueAdded: '500',
    revenue: '2000',
    rdExpense: '60',
    employees: 100,
    energyTce: '300',
    emissionsTons: '2',
    electricityKwh: '1000000',
    waterTons: '5000',
    producing: true,
    registeredOn: '2010-01-01',
    industryCode: '3443',
    backward: false,
    backwardBasis: null,
    zombie: false,
    zombieBasis: null,
    utility: false,
    ...over,
  });
  const y2025 = [
    record(1, { backward: true, backwardBasis: '设备能耗超标' }),
    record(2, { zombie: true, zombieBasis: '连续停产', producing: false }),
    record(3, { industryCode: '3823' }), // restricted on 浙南 (R1.3)
    record(4, { industryCode: '3120', revenue: '1000', tax: '10' }), // steel: eliminated, overcapacity
    record(5, { platformKey: 'oujiangkou', industryCode: '3823', backward: true, backwardBasis: '落后工艺' }),
    record(6, { platformKey: null }),
  ];
  const y2024 = [record(1, { revenue: '1000' }), record(3, { industryCode: '3823', revenue: '1000' })];
  for (const [year, records] of [
    [2024, y2024],
    [2025, y2025],
  ] as const) {
    const response = await send('eitc', 'POST', '/enterprise-records', { year, records });
    if (response.statusCode !== 201) throw new Error(response.body);
  }
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);
const code = (n: number) => creditCodeFor(n);
const owner = { department: '市经信委产业处', responsiblePerson: '周科长' };
const elimination = (n: number, over: Record<string, unknown> = {}) => ({
  creditCode: code(n),
  track: 'elimination',
  ...owner,
  deadline: '2026-12-31',
  openedOn: '2026-03-01',
  planYear: 2026,
  measure: 'shutdown',
  ...over,
});
const caseCount = async () => (await t.database.db.select().from(renewalCases)).length;

describe('POST /renewal-cases: who opens what (D17, D10)', () => {
  it('the eitc puts a backward enterprise into the year’s elimination plan: 201, version 1, audited', async () => {
    const response = await send('eitc', 'POST', '/renewal-cases', elimination(1));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      platformKey: 'zhenan',
      enterpriseName: '温州更新测试1有限公司',
      track: 'elimination',
      status: 'planned',
      planYear: 2026,
      measure: 'shutdown',
      version: 1,
      parcelCode: null,
      nextStep: { key: 'implementing' },
      stepsDone: 0,
      stepsTotal: 3,
    });
    expect(body.steps).toHaveLength(3);
    const audit = (await send('auditor', 'GET', '/audit?action=renewal.create')).json();
    expect(audit.items[0]).toMatchObject({ entityType: 'renewal_case', entityId: String(body.id) });
  });
  it('the same enterprise, track and plan year twice → 409 CASE_EXISTS, nothing written', async () => {
    const before = await caseCount();
    const response = await send('eitc', 'POST', '/renewal-cases', elimination(1));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CASE_EXISTS' });
    expect(response.json().error.message).toContain('2026年度淘汰落后');
    expect(await caseCount()).toBe(before);
  });
  it.each(['leader', 'drc', 'bureau', 'auditor'])('%s may not open a case → 403', async (user) => {
    expect((await send(user, 'POST', '/renewal-cases', elimination(5))).statusCode).toBe(403);
  });
  it('a platform opens its own enterprise’s case; another platform’s enterprise is unknown to it (422, not revealed)', async () => {
    const own = await send('ojk', 'POST', '/renewal-cases', elimination(5, { department: '瓯江口经发局' }));
    expect(own.statusCode).toBe(201);
    const foreign = await send('ojk', 'POST', '/renewal-cases', elimination(1, { planYear: 2027 }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('UNKNOWN_ENTERPRISE');
  });
  it('an enterprise outside the platforms gets no case (422)', async () => {
    const response = await send('eitc', 'POST', '/renewal-cases', elimination(6));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain('不在三大平台内');
  });
  it.each([
    [{ planYear: null }, 'planYear'],
    [{ measure: null }, 'measure'],
    [{ track: 'zombie_exit' }, 'exitWay'],
    [{ track: 'catalog_relocation' }, 'disposalWay'],
    [{ track: 'overcapacity_cleanup' }, 'violation'],
    [{ track: 'catalog_upgrade' }, 'originalCapacity'],
    [{ department: ' ' }, '责任部门'],
    [{ deadline: '2026-02-30' }, '2026-02-30 不存在'],
    [{ deadline: '2026-02-28' }, '完成期限不能早于立案日期'],
    [{ creditCode: '123' }, ''],
    [{ track: 'nope' }, '案件类型不存在'],
  ])('bad input %j → 400 naming %s, nothing written', async (over, words) => {
    const before = await caseCount();
    const response = await send('eitc', 'POST', '/renewal-cases', elimination(3, { planYear: 2030, ...over }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(words);
    expect(await caseCount()).toBe(before);
  });
  it('an opening day after today is refused (422)', async () => {
    const response = await send('eitc', 'POST', '/renewal-cases', elimination(3, { openedOn: '2026-11-29' }));
    expect(response.statusCode).toBe(422);
  });
});

describe('R1.6 catalog tracks: relocation for eliminated, upgrade for restricted', () => {
  const upgrade = (over: Record<string, unknown> = {}) => ({
    creditCode: code(3),
    track: 'catalog_upgrade',
    ...owner,
    deadline: '2027-06-30',
    originalCapacity: '100',
    plannedCapacity: '100',
    capacityUnit: '万台/年',
    environmentOk: true,
    safetyOk: true,
    energyOk: true,
    ...over,
  });
  it.each([
    [{ plannedCapacity: '100.0001' }, '超过原有产能 100'],
    [{ environmentOk: false }, '环保要求尚未确认满足'],
    [{ safetyOk: false }, '安全要求尚未确认满足'],
    [{ energyOk: undefined }, '能耗要求尚未确认满足'],
  ])('a restricted enterprise’s upgrade %j is refused: %s', async (over, words) => {
    const response = await send('zn', 'POST', '/renewal-cases', upgrade(over));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'UPGRADE_REFUSED' });
    expect(response.json().error.message).toContain(words);
  });
  it('within the original capacity and with all three conditions it is registered', async () => {
    const response = await send('zn', 'POST', '/renewal-cases', upgrade());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ originalCapacity: '100', plannedCapacity: '100', environmentOk: true });
  });
  it('a relocation plan only for an eliminated enterprise; an upgrade only for a restricted one', async () => {
    const wrong = await send('eitc', 'POST', '/renewal-cases', upgrade({ creditCode: code(1) }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('鼓励类');
    const relocation = await send('eitc', 'POST', '/renewal-cases', {
      creditCode: code(4),
      track: 'catalog_relocation',
      ...owner,
      deadline: '2027-12-31',
      disposalWay: 'relocate',
    });
    expect(relocation.statusCode).toBe(201);
  });
  it('R3.5 clean-up only in an overcapacity industry', async () => {
    const body = { track: 'overcapacity_cleanup', ...owner, deadline: '2027-03-31', violation: '未批先建' };
    expect((await send('eitc', 'POST', '/renewal-cases', { ...body, creditCode: code(3) })).statusCode).toBe(422);
    expect((await send('eitc', 'POST', '/renewal-cases', { ...body, creditCode: code(4) })).statusCode).toBe(201);
  });
});

describe('steps until 出清 (R3.5), with the version the user saw', () => {
  let id: number;
  const step = (user: string, body: Record<string, unknown>) => send(user, 'POST', `/renewal-cases/${id}/steps`, body);
  beforeAll(async () => {
    const response = await send('zn', 'POST', '/renewal-cases', {
      creditCode: code(2),
      track: 'zombie_exit',
      exitWay: 'debt_evasion',
      ...owner,
      openedOn: '2026-01-10',
      deadline: '2026-10-31',
    });
    id = response.json().id;
  });
  it('a skipped step → 422 naming the step to record first', async () => {
    const response = await step('zn', { step: 'recovered', date: '2026-02-01', version: 1 });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toBe('请先登记“认定僵尸企业”，再登记“追偿处置”');
  });
  it('a date after today or before the opening → 422', async () => {
    expect((await step('zn', { step: 'identified', date: '2026-11-29', version: 1 })).statusCode).toBe(422);
    expect((await step('zn', { step: 'identified', date: '2026-01-09', version: 1 })).statusCode).toBe(422);
  });
  it('two people record with the same version at once: one wins, the other gets 409', async () => {
    const [a, b] = await Promise.all([
      step('zn', { step: 'identified', date: '2026-01-10', version: 1 }),
      step('eitc', { step: 'identified', date: '2026-01-11', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = await t.database.db.select().from(renewalCaseSteps);
    expect(steps.filter((s) => s.caseId === id)).toHaveLength(1);
  });
  it('another platform gets 404, the leader 403', async () => {
    expect((await step('ojk', { step: 'investigated', date: '2026-02-01', version: 2 })).statusCode).toBe(404);
    expect((await send('ojk', 'GET', `/renewal-cases/${id}`)).statusCode).toBe(404);
    expect((await step('leader', { step: 'investigated', date: '2026-02-01', version: 2 })).statusCode).toBe(403);
  });
  it('the last step clears the case: completed on its date, late when after the deadline', async () => {
    await step('zn', { step: 'investigated', date: '2026-02-01', version: 2 });
    await step('zn', { step: 'recovered', date: '2026-06-01', version: 3 });
    const done = await step('zn', { step: 'cleared', date: '2026-11-01', note: '已出清', version: 4 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      completedOn: '2026-11-01',
      completedLate: true,
      overdue: false,
      nextStep: null,
    });
    expect(done.json().steps.map((s: { date: string }) => s.date)).toEqual([
      '2026-01-10',
      '2026-02-01',
      '2026-06-01',
      '2026-11-01',
    ]);
    const again = await step('zn', { step: 'cleared', date: '2026-11-02', version: 5 });
    expect(again.json().error.code).toBe('CASE_CLOSED');
  });
  it('a stale version → 409 STALE_VERSION even for a step the rules would refuse', async () => {
    const response = await step('zn', { step: 'cleared', date: '2026-11-02', version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('STALE_VERSION');
  });
});

describe('overdue as of a day, per platform and department', () => {
  it('the deadline day is in time, the next day is overdue', async () => {
    const onDeadline = (await send('eitc', 'GET', '/renewal-cases/overdue?asOf=2026-12-31')).json();
    expect(
      onDeadline.groups.flatMap((g: { cases: Array<{ creditCode: string }> }) => g.cases.map((c) => c.creditCode)),
    ).not.toContain(code(1));
    const after = (await send('eitc', 'GET', '/renewal-cases/overdue?asOf=2027-01-01')).json();
    const zhenan = after.groups.find(
      (g: { platformKey: string; department: string }) =>
        g.platformKey === 'zhenan' && g.department === owner.department,
    );
    expect(zhenan.cases.find((c: { creditCode: string }) => c.creditCode === code(1))).toMatchObject({
      overdue: true,
      daysOverdue: 1,
    });
  });
  it('a platform sees only its own overdue cases', async () => {
    const body = (await send('ojk', 'GET', '/renewal-cases/overdue?asOf=2027-01-01&platformKey=zhenan')).json();
    expect(body.groups.every((g: { platformKey: string }) => g.platformKey === 'oujiangkou')).toBe(true);
    expect(body.total).toBe(1);
  });
  it('the list filters overdue as of a day', async () => {
    const list = (await send('eitc', 'GET', '/renewal-cases?overdue=true&asOf=2027-01-01&pageSize=100')).json();
    expect(list.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    expect(list.total).toBe(2);
    expect((await send('eitc', 'GET', '/renewal-cases?overdue=maybe')).statusCode).toBe(400);
  });
});

describe('withdraw (the eitc only)', () => {
  it('a platform may not withdraw; the eitc withdraws with a reason; a withdrawn case takes no step', async () => {
    const list = (await send('eitc', 'GET', `/renewal-cases?q=${code(5)}`)).json();
    const target = list.items[0];
    expect(
      (await send('ojk', 'POST', `/renewal-cases/${target.id}/close`, { reason: '误报', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await send('eitc', 'POST', `/renewal-cases/${target.id}/close`, { reason: '', version: 1 })).statusCode,
    ).toBe(400);
    const closed = await send('eitc', 'POST', `/renewal-cases/${target.id}/close`, {
      reason: '企业已整体搬离',
      version: 1,
    });
    expect(closed.json()).toMatchObject({ status: 'withdrawn', closedReason: '企业已整体搬离', version: 2 });
    const step = await send('ojk', 'POST', `/renewal-cases/${target.id}/steps`, {
      step: 'implementing',
      date: '2026-05-01',
      version: 2,
    });
    expect(step.json().error.code).toBe('CASE_CLOSED');
  });
});

describe('lists and finders', () => {
  it('a platform lists only its own cases; filters by track and status', async () => {
    const zn = (await send('zn', 'GET', '/renewal-cases?platformKey=oujiangkou')).json();
    expect(zn.items.every((c: { platformKey: string }) => c.platformKey === 'zhenan')).toBe(true);
    const zombies = (await send('eitc', 'GET', '/renewal-cases?track=zombie_exit&status=completed')).json();
    expect(zombies).toMatchObject({ total: 1, page: 1, pageSize: 50 });
  });
  it('candidates: backward, zombie and overcapacity enterprises without a case', async () => {
    const body = (await send('eitc', 'GET', '/renewal-cases/candidates?year=2025')).json();
    // 1: elimination 2026 exists but the year asked is 2025 — still a candidate for the 2025 plan
    expect(body.items.map((c: { creditCode: string; track: string }) => [c.creditCode, c.track]).sort()).toEqual(
      [
        [code(1), 'elimination'],
        [code(5), 'elimination'],
      ].sort(),
    );
  });
  it('R1.6 finder: restricted and eliminated enterprises of the platform with their cases', async () => {
    const body = (await send('eitc', 'GET', '/renewal-cases/catalog-consequences?platformKey=zhenan')).json();
    expect(body.catalog.version).toBe('2018年本');
    const rows = body.items.map((r: { creditCode: string; track: string; caseId: number | null }) => [
      r.creditCode,
      r.track,
      r.caseId !== null,
    ]);
    expect(rows).toEqual([
      [code(3), 'catalog_upgrade', true],
      [code(4), 'catalog_relocation', true],
    ]);
    expect(body.change).toBeNull();
    expect((await send('ojk', 'GET', '/renewal-cases/catalog-consequences?platformKey=zhenan')).statusCode).toBe(404);
    expect((await send('eitc', 'GET', '/renewal-cases/catalog-consequences')).statusCode).toBe(400);
  });
  it('R1.6 with a new catalog version: who changes track', async () => {
    const draft = await send('drc', 'POST', '/catalogs/zhenan/versions', { version: '2027年本' });
    expect(draft.statusCode).toBe(201);
    const versionId = draft.json().id;
    const added = await send('drc', 'POST', `/catalog-versions/${versionId}/items`, {
      category: 'eliminated',
      industryCode: '3443',
      keywords: [],
      basis: 'R1.4-backward',
      note: '测试：阀门制造列为淘汰类',
    });
    expect(added.statusCode).toBe(201);
    const latest = (await send('drc', 'GET', `/catalog-versions/${versionId}`)).json().revision;
    const published = await send('drc', 'POST', `/catalog-versions/${versionId}/publish`, {
      effectiveDate: '2027-01-01',
      revision: latest,
    });
    expect(published.statusCode).toBe(200);
    const body = (await send('zn', 'GET', '/renewal-cases/catalog-consequences?platformKey=zhenan')).json();
    expect(body.change).toMatchObject({ upcoming: true, base: { version: '2018年本' }, next: { version: '2027年本' } });
    const changed = body.change.items.map((c: { creditCode: string; fromTrack: string | null; toTrack: string }) => [
      c.creditCode,
      c.fromTrack,
      c.toTrack,
    ]);
    expect(changed).toEqual([
      [code(1), null, 'catalog_relocation'],
      [code(2), null, 'catalog_relocation'],
    ]);
    const catalogs = await publishedCatalogs(t.database.db, 'zhenan', '2027-01-01');
    expect([catalogs.inForce?.version, catalogs.previous?.version, catalogs.upcoming]).toEqual([
      '2027年本',
      '2018年本',
      null,
    ]);
  });
  it('the export has every case, one row each', async () => {
    const response = await send('eitc', 'GET', '/renewal-cases/export.xlsx');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('企业名称');
    expect(sheet.rowCount - 1).toBe((await send('eitc', 'GET', '/renewal-cases')).json().total);
  });
  it('bad ids and dates are 400, unknown cases 404', async () => {
    expect((await send('eitc', 'GET', '/renewal-cases/abc')).statusCode).toBe(400);
    expect((await send('eitc', 'GET', '/renewal-cases/99999')).statusCode).toBe(404);
    expect((await send('eitc', 'GET', '/renewal-cases/overdue?asOf=2026-13-01')).statusCode).toBe(400);
    expect((await send('eitc', 'POST', '/renewal-cases/1/steps', { step: 'x', date: '2026-01-01' })).statusCode).toBe(
      400,
    );
  });
});

describe('§三(一) industry profile', () => {
  it('totals, shares and change on the year, by 大类 and by leading industry', async () => {
    const response = await send('zn', 'GET', '/industry-profiles/zhenan?year=2025');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ year: 2025, previousYear: 2024, catalog: { version: '2018年本' } });
    // 2025 on 浙南: 1, 2, 3 (2000 each) and 4 (1000) → 7000; 2024: 1 and 3 (1000 each) → 2000
    expect(body.total.figures.revenue).toEqual({ value: '7000', share: 1, previous: '2000', change: 2.5 });
    expect(body.total.figures.enterprises.value).toBe('4');
    const d34 = body.byDivision.find((r: { key: string }) => r.key === '34');
    expect(d34).toMatchObject({ name: '通用设备制造业', figures: { revenue: { value: '4000', share: 0.571429 } } });
    expect(body.byLeading.map((r: { key: string }) => r.key)).toContain('智能机械装备');
    expect(body.direction.length).toBeGreaterThan(10);
    // No parcel in this test's ledger: no land available (renewal-land.test.ts counts real parcels).
    expect(body.futureSpace).toEqual({ total: '0', rows: [] });
  });
  it('every figure opens its rows', async () => {
    const rows = (await send('zn', 'GET', '/industry-profiles/zhenan/enterprises?year=2025&by=division&key=34')).json();
    expect(rows.items.map((r: { creditCode: string }) => r.creditCode).sort()).toEqual([code(1), code(2)].sort());
    const all = (await send('zn', 'GET', '/industry-profiles/zhenan/enterprises?year=2025&by=total')).json();
    expect(all.items).toHaveLength(4);
  });
  it('another platform’s profile is 404 for a platform user; the export is a workbook', async () => {
    expect((await send('ojk', 'GET', '/industry-profiles/zhenan')).statusCode).toBe(404);
    expect((await send('ojk', 'GET', '/industry-profiles/nowhere')).statusCode).toBe(400);
    const file = await send('leader', 'GET', '/industry-profiles/zhenan/export.xlsx?year=2025');
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(3).value).toBe('合计');
  });
});

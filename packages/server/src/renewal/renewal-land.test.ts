import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { renewalCases, renewalCaseSteps } from './renewal.table.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * Renewal → land (issue #12, R3.5/R3.6): a case that names a parcel records 腾空 on it through the land service when
 * the exit completes, in the same transaction and audited; an unknown, foreign or unfit parcel is a 422 in Chinese
 * with nothing written; and the industry profile's future space (§三(一)) is read from the parcel ledger.
 * The test clock's today is 2026-11-28 (Shanghai).
 */

let t: TestApp;
const cookies: Record<string, string> = {};
const send = apiSender(() => t, cookies);
const code = (n: number) => creditCodeFor(n);
const ids: Record<string, number> = {};

/** A parcel registered by the eitc and moved along its life to `until` through the land API. */
async function parcel(
  parcelCode: string,
  platformKey: string,
  until: 'approved' | 'supplied' | 'completed',
  plannedUse = '工业用地',
) {
  const body = {
    code: parcelCode,
    platformKey,
    area: '30.5',
    plannedUse,
    approvedOn: '2024-01-05',
    approvalDocument: '浙土字〔2024〕12号',
    responsiblePerson: '平台用户',
  };
  const post = async (url: string, payload: unknown) => {
    const response = await send('eitc', 'POST', url, payload);
    if (response.statusCode >= 300) throw new Error(response.body);
    return response.json<{ id: number; version: number }>();
  };
  let p = await post('/parcels', body);
  ids[parcelCode] = p.id;
  if (until === 'approved') return;
  p = await post(`/parcels/${p.id}/supply`, {
    way: 'transfer',
    contractNo: `HT-${parcelCode}`,
    contractDate: '2024-02-01',
    landPrice: '1000',
    holderName: '温州测试用地有限公司',
    agreedStartOn: '2024-03-01',
    agreedCompletionOn: '2026-03-01',
    version: p.version,
  });
  if (until === 'supplied') return;
  p = await post(`/parcels/${p.id}/start`, { startedOn: '2024-05-01', version: p.version });
  await post(`/parcels/${p.id}/complete`, { completedOn: '2025-05-01', version: p.version });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn', 'ojk', 'auditor']) cookies[user] = await t.login(user);
  const record = (n: number, over: Record<string, unknown>) => ({
    creditCode: code(n),
    name: `温州腾空测试${n}有限公司`,
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
  const records = [
    record(21, { zombie: true, zombieBasis: '连续停产', producing: false }),
    record(22, { backward: true, backwardBasis: '设备能耗超标' }),
    record(23, { industryCode: '3823' }), // restricted on 浙南 (R1.3)
  ];
  const response = await send('eitc', 'POST', '/enterprise-records', { year: 2025, records });
  if (response.statusCode !== 201) throw new Error(response.body);
  await parcel('ZN-RW-1', 'zhenan', 'completed');
  await parcel('ZN-RW-2', 'zhenan', 'approved', '商业用地');
  await parcel('ZN-RW-3', 'zhenan', 'completed');
  await parcel('ZN-RW-4', 'zhenan', 'supplied', '仓储用地');
  await parcel('OJK-RW-1', 'oujiangkou', 'completed');
});
afterAll(() => t?.close());

const caseCount = async () => (await t.database.db.select().from(renewalCases)).length;
const owner = { department: '浙南经济发展局', responsiblePerson: '周科长' };
const zombie = (parcelCode: string) => ({
  creditCode: code(21),
  track: 'zombie_exit',
  exitWay: 'debt_evasion',
  ...owner,
  openedOn: '2026-01-10',
  deadline: '2026-12-31',
  parcelCode,
});
const parcelOf = async (parcelCode: string) => (await send('eitc', 'GET', `/parcels/${ids[parcelCode]}`)).json();

describe('a case names the parcel its exit vacates (R3.5/R3.6)', () => {
  it.each([
    ['ZN-NONE-9', 'UNKNOWN_PARCEL', '浙南产业集聚区的地块台账中没有编号为 ZN-NONE-9 的地块，请核对地块编号'],
    ['OJK-RW-1', 'UNKNOWN_PARCEL', '没有编号为 OJK-RW-1 的地块'], // another platform's parcel is not this enterprise's
    ['ZN-RW-2', 'ILLEGAL_TRANSITION', '地块 ZN-RW-2 当前为“批而未供”'],
  ])('%s → 422 %s in Chinese, nothing written', async (parcelCode, errorCode, message) => {
    const before = await caseCount();
    const response = await send('zn', 'POST', '/renewal-cases', zombie(parcelCode));
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: errorCode });
    expect(response.json().error.message).toContain(message);
    expect(await caseCount()).toBe(before);
  });
  it('a technology upgrade keeps its land: a parcel code is refused (422)', async () => {
    const response = await send('eitc', 'POST', '/renewal-cases', {
      creditCode: code(23),
      track: 'catalog_upgrade',
      ...owner,
      deadline: '2026-12-31',
      originalCapacity: '100',
      plannedCapacity: '100',
      capacityUnit: '万件/年',
      environmentOk: true,
      safetyOk: true,
      energyOk: true,
      parcelCode: 'ZN-RW-1',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain('不腾空地块');
  });

  it('the exit’s last step records 腾空 on the parcel through the land service, audited on both sides', async () => {
    const opened = await send('zn', 'POST', '/renewal-cases', zombie('ZN-RW-1'));
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    let version = 1;
    for (const [step, date] of [
      ['identified', '2026-01-10'],
      ['investigated', '2026-02-01'],
      ['recovered', '2026-06-01'],
    ]) {
      const response = await send('zn', 'POST', `/renewal-cases/${id}/steps`, { step, date, version });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
      // Before the exit completes the parcel is untouched.
      expect((await parcelOf('ZN-RW-1')).state).toBe('completed');
    }
    const done = await send('zn', 'POST', `/renewal-cases/${id}/steps`, {
      step: 'cleared',
      date: '2026-11-01',
      version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', parcelCode: 'ZN-RW-1' });
    const p = await parcelOf('ZN-RW-1');
    expect(p).toMatchObject({
      state: 'vacated',
      vacatedOn: '2026-11-01',
      vacatedFrom: '温州腾空测试21有限公司',
      vacatedFromCreditCode: code(21),
      vacateReason: 'zombie_exit',
    });
    expect(p.history.at(-1)).toMatchObject({
      kind: 'vacate',
      effectiveDate: '2026-11-01',
      actorName: expect.any(String),
    });
    const landAudit = (await send('auditor', 'GET', `/audit?action=parcels.vacate`)).json();
    expect(landAudit.items[0]).toMatchObject({ entityType: 'parcel', entityId: String(ids['ZN-RW-1']) });
    const caseAudit = (await send('auditor', 'GET', `/audit?action=renewal.step`)).json();
    expect(caseAudit.items[0].after).toMatchObject({ vacatedParcel: 'ZN-RW-1', status: 'completed' });
    // The case page links to the parcel's page (its id, through the land service); the parcel page lists the cases
    // naming it (the renewal list filtered by the code); another platform's user finds none of them (D10).
    expect((await send('zn', 'GET', `/renewal-cases/${id}`)).json().parcelId).toBe(ids['ZN-RW-1']);
    const naming = (await send('zn', 'GET', '/renewal-cases?parcelCode=ZN-RW-1')).json();
    expect(naming.items.map((c: { id: number }) => c.id)).toEqual([id]);
    expect((await send('ojk', 'GET', '/renewal-cases?parcelCode=ZN-RW-1')).json().total).toBe(0);
  });

  it('when the parcel can no longer be vacated, the last step is refused (422) and neither side changes', async () => {
    const opened = await send('eitc', 'POST', '/renewal-cases', {
      creditCode: code(22),
      track: 'elimination',
      ...owner,
      openedOn: '2026-03-01',
      deadline: '2026-12-31',
      planYear: 2026,
      measure: 'shutdown',
      parcelCode: 'ZN-RW-3',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    let version = 1;
    for (const [step, date] of [
      ['implementing', '2026-03-02'],
      ['dismantled', '2026-04-01'],
    ]) {
      version = (await send('eitc', 'POST', `/renewal-cases/${id}/steps`, { step, date, version })).json().version;
    }
    // Meanwhile the land office records another enterprise's 腾空 on that parcel.
    const before = await parcelOf('ZN-RW-3');
    const other = await send('eitc', 'POST', `/parcels/${before.id}/vacate`, {
      vacatedOn: '2026-05-01',
      fromEnterpriseName: '温州另一家企业有限公司',
      reason: 'low_efficiency',
      version: before.version,
    });
    expect(other.statusCode, other.body).toBe(200);
    const parcelBefore = await parcelOf('ZN-RW-3');
    const stepsBefore = (await t.database.db.select().from(renewalCaseSteps)).length;
    const last = await send('eitc', 'POST', `/renewal-cases/${id}/steps`, {
      step: 'accepted',
      date: '2026-06-01',
      version,
    });
    expect(last.statusCode).toBe(422);
    expect(last.json().error.message).toContain('地块 ZN-RW-3 当前为“已腾空”');
    expect((await t.database.db.select().from(renewalCaseSteps)).length).toBe(stepsBefore);
    const after = (await send('eitc', 'GET', `/renewal-cases/${id}`)).json();
    expect(after).toMatchObject({ status: 'in_progress', version });
    expect(await parcelOf('ZN-RW-3')).toMatchObject({
      version: parcelBefore.version,
      vacatedFrom: '温州另一家企业有限公司',
    });
  });
});

describe('§三(一) future space from the parcel ledger', () => {
  it('批而未供, idle as of today and vacated parcels of the platform, in 亩 by planned use', async () => {
    const response = await send('zn', 'GET', '/industry-profiles/zhenan?year=2025');
    expect(response.statusCode).toBe(200);
    const space = response.json().futureSpace;
    const row = (use: string) => space.rows.find((r: { plannedUse: string }) => r.plannedUse === use);
    // ZN-RW-2 is approved; ZN-RW-4 was supplied with an agreed start of 2024-03-01 and never started (idle, D22);
    // ZN-RW-1 and ZN-RW-3 are vacated.
    expect(row('商业用地')).toMatchObject({
      byKind: { approved_not_supplied: '30.5', idle: '0', vacated: '0' },
      parcels: 1,
    });
    expect(row('仓储用地')).toMatchObject({
      byKind: { approved_not_supplied: '0', idle: '30.5', vacated: '0' },
      parcels: 1,
    });
    expect(row('工业用地')).toMatchObject({ byKind: { vacated: '61' }, total: '61', parcels: 2 });
    expect(space.total).toBe('122');
  });
  it('the profile’s Excel export has the future space as its own sheet, as the page shows it', async () => {
    const file = await send('zn', 'GET', '/industry-profiles/zhenan/export.xlsx?year=2025');
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['浙南产业集聚区产业概况', '未来发展空间（亩）']);
    const sheet = book.worksheets[1]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['规划用途', '批而未供（亩）', '闲置（亩）', '腾空（亩）', '合计（亩）', '地块数（块）']);
    // Largest first, as on the page; the last row is the total.
    expect(rows.slice(1)).toEqual([
      ['工业用地', 0, 0, 61, 61, 2],
      ['仓储用地', 0, 30.5, 0, 30.5, 1],
      ['商业用地', 30.5, 0, 0, 30.5, 1],
      ['合计', undefined, undefined, undefined, 122, 4],
    ]);
  });
  it('another platform’s parcels are not in a platform’s future space', async () => {
    const response = await send('ojk', 'GET', '/industry-profiles/oujiangkou?year=2025');
    expect(response.statusCode).toBe(200);
    // OJK-RW-1 is completed and used: no land available on 瓯江口.
    expect(response.json().futureSpace).toEqual({ total: '0', rows: [] });
  });
});

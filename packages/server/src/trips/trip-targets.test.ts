import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { expectEveryAuditActionNamed } from '../test/audit-names.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * Issue #13: trips ↔ the target library through the targets service (R2.7, R2.8, D10), and a reported trip edited
 * or withdrawn (version → 409, audited, the late flag judged again for a corrected return day).
 * The test clock: 2026-11-28 10:00 Shanghai.
 */

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'gxq', 'bureau']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

let serial = 0;
async function person(user: string, platformKey: string) {
  const response = await send(user, 'POST', `/platforms/${platformKey}/staff`, {
    name: `外出人员${++serial}`,
    position: '招商科科员',
    mainLeader: true,
    takesPartInInvestment: true,
    fromMonth: '2025-01',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>();
}

async function target(user: string, platformKey: string, over: Record<string, unknown> = {}) {
  const response = await send(user, 'POST', '/targets', {
    platformKey,
    quarter: '2026Q4',
    name: `目标企业${++serial}`,
    types: ['industry_leader'],
    hqProvince: '广东省',
    hqCity: '深圳市',
    // 3491 工业机器人: encouraged on every platform's demo catalog.
    industryCode: '3491',
    expectedInvestment: '60000',
    owner: '王五',
    ...over,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number; name: string; status: string; version: number; lineageId: number }>();
}

const trip = (travellerId: number, over: Record<string, unknown> = {}) => ({
  platformKey: 'zhenan',
  travellerIds: [travellerId],
  startOn: '2026-11-23',
  endOn: '2026-11-25',
  province: '广东省',
  city: '深圳市',
  met: [] as unknown[],
  outcome: '拜访总部，洽谈新能源电池项目',
  ...over,
});

describe('a trip names targets of its own platform only (through the targets service)', () => {
  it('met[].targetId and targetIds of another platform or unknown → 422 in Chinese, nothing written', async () => {
    const zn = await person('zn', 'zhenan');
    const theirs = await target('gxq', 'hitech');
    const before = await countAllRows(t.database.db);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ met: [{ name: '高新区的目标', targetId: theirs.id }] }, '会见企业“高新区的目标”：目标企业编号'],
      [{ met: [{ name: '没有的企业', targetId: 999999 }] }, '不存在或不是本平台'],
      [{ targetIds: [theirs.id] }, '关联目标企业：目标企业编号'],
      [{ targetIds: [999999] }, '不存在或不是本平台'],
    ];
    for (const [over, words] of cases) {
      const response = await send('zn', 'POST', '/trips', trip(zn.id, over));
      expect(response.statusCode, JSON.stringify(over)).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'UNKNOWN_TARGET', message: expect.stringContaining(words) });
    }
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('the targets met and named are linked: the trip lists them, each target lists the trip; 线索 → 接触', async () => {
    const zn = await person('zn', 'zhenan');
    const met = await target('zn', 'zhenan');
    const named = await target('zn', 'zhenan', { status: 'negotiating' });
    const response = await send(
      'zn',
      'POST',
      '/trips',
      trip(zn.id, {
        met: [
          { name: met.name, targetId: met.id },
          { name: '路上新认识的企业', creditCode: '91330300MA285G5X4Q' },
        ],
        targetIds: [named.id, met.id],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.targets.map((x: { id: number }) => x.id)).toEqual([met.id, named.id]);
    expect(body.met[0].targetId).toBe(met.id);
    const page = (await send('zn', 'GET', `/targets/${met.id}`)).json();
    expect(page.trips).toEqual([
      {
        tripId: body.id,
        targetId: met.id,
        startOn: '2026-11-23',
        endOn: '2026-11-25',
        province: '广东省',
        city: '深圳市',
      },
    ]);
    // Met on a trip: a lead has been contacted (the contact day is the trip's start), its version raised.
    expect(page).toMatchObject({ status: 'contact', contactedOn: '2026-11-23', version: met.version + 1 });
    expect(page.history.at(-1)).toMatchObject({ kind: 'trip', fromStatus: 'lead', toStatus: 'contact' });
    const negotiating = (await send('zn', 'GET', `/targets/${named.id}`)).json();
    expect(negotiating).toMatchObject({ status: 'negotiating', version: named.version });
    expect(negotiating.trips.map((x: { tripId: number }) => x.tripId)).toEqual([body.id]);
    // Another platform cannot see the target (404), the bureau can.
    expect((await send('gxq', 'GET', `/targets/${met.id}`)).statusCode).toBe(404);
    expect((await send('bureau', 'GET', `/targets/${met.id}`)).json().trips).toHaveLength(1);
  });

  it('a new enterprise met becomes a target (接触, the quarter of the trip), once; stale trip version → 409', async () => {
    const zn = await person('zn', 'zhenan');
    const reported = (
      await send(
        'zn',
        'POST',
        '/trips',
        trip(zn.id, { met: [{ name: '深圳某储能科技有限公司', creditCode: '91330300MA285G5X4Q' }] }),
      )
    ).json();
    const fields = {
      types: ['industry_leader'],
      hqProvince: '广东省',
      hqCity: '深圳市',
      industryCode: '3491',
      expectedInvestment: '250000',
      owner: '李四',
      name: '深圳某储能科技有限公司',
      creditCode: '91330300MA285G5X4Q',
    };
    const before = await countAllRows(t.database.db);
    const stale = await send('zn', 'POST', `/trips/${reported.id}/met/0/target`, { ...fields, version: 99 });
    expect(stale.statusCode).toBe(409);
    const badCity = await send('zn', 'POST', `/trips/${reported.id}/met/0/target`, {
      ...fields,
      hqCity: '杭州市',
      version: reported.version,
    });
    expect(badCity.statusCode).toBe(422);
    expect(badCity.json().error.message).toBe('总部所在城市“杭州市”不属于广东省');
    expect(
      (await send('gxq', 'POST', `/trips/${reported.id}/met/0/target`, { ...fields, version: 1 })).statusCode,
    ).toBe(404);
    expect((await send('zn', 'POST', `/trips/${reported.id}/met/5/target`, { ...fields, version: 1 })).statusCode).toBe(
      404,
    );
    expect(await countAllRows(t.database.db)).toEqual(before);

    const made = await send('zn', 'POST', `/trips/${reported.id}/met/0/target`, {
      ...fields,
      version: reported.version,
    });
    expect(made.statusCode, made.body).toBe(200);
    const after = made.json();
    expect(after.version).toBe(reported.version + 1);
    const targetId = after.met[0].targetId as number;
    expect(after.targets).toEqual([{ id: targetId, name: '深圳某储能科技有限公司', quarter: '2026Q4' }]);
    const page = (await send('zn', 'GET', `/targets/${targetId}`)).json();
    expect(page).toMatchObject({ status: 'contact', quarter: '2026Q4', tier: '20亿', platformKey: 'zhenan' });
    expect(page.trips.map((x: { tripId: number }) => x.tripId)).toEqual([reported.id]);
    const again = await send('zn', 'POST', `/trips/${reported.id}/met/0/target`, { ...fields, version: after.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已是目标企业');
  });
});

describe('a reported trip edited or withdrawn (version → 409, audited, late judged again)', () => {
  it('an edit moves the return day: the due day and the late flag follow; stale → 409; links follow', async () => {
    const zn = await person('zn', 'zhenan');
    const first = await target('zn', 'zhenan');
    const second = await target('zn', 'zhenan');
    // Back 25 November, reported 28 November (3 days): timely.
    const reported = (await send('zn', 'POST', '/trips', trip(zn.id, { targetIds: [first.id] }))).json();
    expect(reported).toMatchObject({ late: false, dueOn: '2026-11-28' });
    const edit = {
      ...trip(zn.id),
      endOn: '2026-11-24',
      city: '广州市',
      targetIds: [second.id],
      version: reported.version,
    };
    const edited = await send('zn', 'PUT', `/trips/${reported.id}`, edit);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      late: true,
      dueOn: '2026-11-27',
      reportedOn: '2026-11-28',
      city: '广州市',
      version: reported.version + 1,
      updatedBy: 'zn',
    });
    expect((await send('zn', 'GET', `/targets/${first.id}`)).json().trips).toEqual([]);
    expect((await send('zn', 'GET', `/targets/${second.id}`)).json().trips[0]).toMatchObject({
      tripId: reported.id,
      city: '广州市',
      endOn: '2026-11-24',
    });
    // The same version again is stale; a corrected one brings it back to timely.
    const stale = await send('zn', 'PUT', `/trips/${reported.id}`, edit);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const back = await send('zn', 'PUT', `/trips/${reported.id}`, { ...edit, endOn: '2026-11-25', version: 2 });
    expect(back.json()).toMatchObject({ late: false, dueOn: '2026-11-28' });
    // Bad edits: Chinese 4xx, nothing written.
    const before = await countAllRows(t.database.db);
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ endOn: '2026-11-20' }, 400, '返回日期不能早于出发日期'],
      [{ platformKey: 'hitech' }, 422, '平台不能修改'],
      [{ endOn: '2026-12-02' }, 422, '还没到'],
      [{ targetIds: [999999] }, 422, '目标企业'],
    ];
    for (const [over, status, words] of bad) {
      const response = await send('zn', 'PUT', `/trips/${reported.id}`, { ...edit, version: 3, ...over });
      expect(response.statusCode, JSON.stringify(over)).toBe(status);
      expect(response.json().error.message).toContain(words);
    }
    expect((await send('gxq', 'PUT', `/trips/${reported.id}`, { ...edit, version: 3 })).statusCode).toBe(404);
    expect((await send('bureau', 'PUT', `/trips/${reported.id}`, { ...edit, version: 3 })).statusCode).toBe(403);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('one of two concurrent edits wins, the other is 409', async () => {
    const zn = await person('zn', 'zhenan');
    const reported = (await send('zn', 'POST', '/trips', trip(zn.id))).json();
    const body = { ...trip(zn.id), outcome: '改过的成效', version: reported.version };
    const answers = await Promise.all([
      send('zn', 'PUT', `/trips/${reported.id}`, body),
      send('zn', 'PUT', `/trips/${reported.id}`, { ...body, outcome: '另一种写法' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('withdrawn: counts nowhere (list, compliance, its targets), kept on its page, no more changes', async () => {
    const zn = await person('zn', 'zhenan');
    const linked = await target('zn', 'zhenan');
    const reported = (await send('zn', 'POST', '/trips', trip(zn.id, { targetIds: [linked.id] }))).json();
    const month = async () =>
      (await send('zn', 'GET', '/platforms/zhenan/staffing-compliance?month=2026-11'))
        .json()
        .leaders.find((l: { staffId: number }) => l.staffId === zn.id);
    expect((await month()).trips).toBe(1);
    expect(
      (await send('zn', 'POST', `/trips/${reported.id}/withdraw`, { version: reported.version, reason: '' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await send('zn', 'POST', `/trips/${reported.id}/withdraw`, { version: 9, reason: '重复报备' })).statusCode,
    ).toBe(409);
    const withdrawn = await send('zn', 'POST', `/trips/${reported.id}/withdraw`, {
      version: reported.version,
      reason: '重复报备',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      withdrawReason: '重复报备',
      withdrawnAt: expect.any(String),
      targets: [],
    });
    expect((await month()).trips).toBe(0);
    const list = (await send('zn', 'GET', '/trips?month=2026-11&pageSize=500')).json();
    expect(list.items.some((x: { id: number }) => x.id === reported.id)).toBe(false);
    expect((await send('zn', 'GET', `/targets/${linked.id}`)).json().trips).toEqual([]);
    const again = await send('zn', 'PUT', `/trips/${reported.id}`, { ...trip(zn.id), version: reported.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'TRIP_WITHDRAWN', message: '该外出招商报备已撤回，不能再修改' });
  });

  it('every action and object written has a Chinese name; edits and withdrawals are in the audit trail', async () => {
    await expectEveryAuditActionNamed(t.database.db);
    const audit = (await t.database.db.execute(
      "select action from audit_events where action in ('trips.update','trips.withdraw','trips.met_target','targets.link_trips')",
    )) as { rows: Array<{ action: string }> };
    expect(new Set(audit.rows.map((r) => r.action))).toEqual(
      new Set(['trips.update', 'trips.withdraw', 'trips.met_target', 'targets.link_trips']),
    );
  });
});

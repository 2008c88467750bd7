import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFunnel, type FunnelRow, type TargetStatus } from '@pgs/domain';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * The target library through the API on PGlite and PostgreSQL (issue #13, R2.7–R2.8): platform scope (D10), 409 on a
 * stale version with one winner, closed quarters read-only, bad input refused in Chinese with nothing written, the
 * carry-forward and its diff, and the funnel's SQL against the domain's reference computation.
 */

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['bureau', 'zn', 'gxq', 'ojk', 'leader']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

let serial = 0;
const target = (over: Record<string, unknown> = {}) => ({
  platformKey: 'zhenan',
  quarter: '2026Q1',
  name: `测试目标企业${++serial}`,
  types: ['global500', 'industry_leader'],
  hqProvince: '上海市',
  hqCity: '上海市',
  // 3491 工业机器人: encouraged on 浙南 (no reason needed).
  industryCode: '3491',
  expectedInvestment: '200000',
  plan: { path: '总部拜访', planning: '一期 200 亩', strategy: '以商招商', tactics: '让利土地价格' },
  owner: '王五',
  ...over,
});
async function created(user: string, over: Record<string, unknown> = {}) {
  const response = await send(user, 'POST', '/targets', target(over));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
function fields(body: Record<string, unknown>) {
  const { platformKey: _p, quarter: _q, ...rest } = target();
  return { ...rest, ...body };
}

describe('creating and reading targets', () => {
  it('answers the D24 tier, the focus region and the catalog class', async () => {
    const body = await created('zn');
    expect(body).toMatchObject({ tier: '20亿', focusRegion: true, category: 'encouraged', status: 'lead', version: 1 });
    expect((await created('zn', { expectedInvestment: '49999.9999' })).tier).toBeNull();
    expect((await created('zn', { expectedInvestment: '500000' })).tier).toBe('50亿');
  });

  it('refuses a non-encouraged industry without a written reason, and takes it with one', async () => {
    // 3731 ships: overcapacity, never encouraged (D12).
    const before = await countAllRows(t.database.db);
    const refused = await send('zn', 'POST', '/targets', target({ industryCode: '3731' }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('须填写理由');
    expect(await countAllRows(t.database.db)).toEqual(before);
    const ok = await created('zn', { industryCode: '3731', reason: '仅设区域总部，不上生产线' });
    expect(ok.category).not.toBe('encouraged');
  });

  it.each([
    [{ hqProvince: '浙江省', hqCity: '深圳市' }, 422, '不属于浙江省'],
    [{ hqProvince: '广东', hqCity: '深圳市' }, 422, '不在行政区划表中'],
    [{ types: [] }, 400, '至少选择一种'],
    [{ types: ['top100'] }, 400, '企业类型不存在'],
    [{ quarter: '2026Q5' }, 400, '季度格式'],
    [{ expectedInvestment: '-5' }, 400, '预计投资额'],
    [{ expectedInvestment: 'abc' }, 400, '预计投资额必须是数字'],
    [{ name: '' }, 400, '企业名称不能为空'],
    [{ name: '名'.repeat(201) }, 400, '不能超过 200'],
    [{ creditCode: '123' }, 400, ''],
    [{ industryCode: '9999' }, 422, '不在 GB/T 4754'],
    [{ channelId: 999999 }, 422, '不是本平台的招商渠道'],
    [{ status: 'dropped' }, 422, '放弃目标企业必须填写原因'],
  ])('bad input %j → %i in Chinese, nothing written', async (over, status, message) => {
    const before = await countAllRows(t.database.db);
    const response = await send('zn', 'POST', '/targets', target(over));
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(response.json().error.message).toContain(message);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('D10: a platform sees only its own targets; the bureau and the leader see all', async () => {
    const own = await created('gxq', { platformKey: 'hitech', quarter: '2026Q3' });
    expect((await send('zn', 'GET', `/targets/${own.id}`)).statusCode).toBe(404);
    expect((await send('leader', 'GET', `/targets/${own.id}`)).statusCode).toBe(200);
    const forZn = await send('zn', 'GET', '/targets?quarter=2026Q3&platformKey=hitech');
    expect(forZn.json().total).toBe(0);
    expect((await send('bureau', 'GET', '/targets?quarter=2026Q3')).json().total).toBe(1);
    expect((await send('zn', 'POST', '/targets', target({ platformKey: 'hitech' }))).statusCode).toBe(403);
    expect((await send('zn', 'PUT', `/targets/${own.id}`, fields({ version: 1 }))).statusCode).toBe(404);
  });

  it('one enterprise once per platform and quarter (credit code)', async () => {
    const code = creditCodeFor(880001);
    await created('zn', { creditCode: code, quarter: '2026Q4' });
    const again = await send('zn', 'POST', '/targets', target({ creditCode: code, quarter: '2026Q4' }));
    expect(again.statusCode).toBe(409);
  });
});

describe('the tier sort of the library (≥50亿, ≥20亿, ≥5亿, then no tier)', () => {
  it('sort=tier reads the tiers in their order across quarters, tier_reverse the other way; bad sort → 400', async () => {
    // Two quarters: the natural order (newest quarter first) puts 2025Q3's 20亿 before 2025Q2's 50亿; the tier sort not.
    const rows: Array<[string, string]> = [
      ['2025Q3', '250000'],
      ['2025Q3', '10000'],
      ['2025Q3', '60000'],
      ['2025Q2', '600000'],
      ['2025Q2', '50000'],
    ];
    for (const [quarter, amount] of rows)
      await created('zn', { quarter, expectedInvestment: amount, name: `档次排序企业${++serial}` });
    const read = async (sort: string) =>
      (await send('zn', 'GET', `/targets?platformKey=zhenan&q=${encodeURIComponent('档次排序企业')}${sort}`))
        .json()
        .items.map((x: { tier: string | null; quarter: string }) => `${x.quarter} ${x.tier ?? '—'}`);
    expect(await read('')).toEqual(['2025Q3 20亿', '2025Q3 5亿', '2025Q3 —', '2025Q2 50亿', '2025Q2 5亿']);
    expect(await read('&sort=tier')).toEqual(['2025Q2 50亿', '2025Q3 20亿', '2025Q3 5亿', '2025Q2 5亿', '2025Q3 —']);
    expect(await read('&sort=tier_reverse')).toEqual([
      '2025Q3 —',
      '2025Q3 5亿',
      '2025Q2 5亿',
      '2025Q3 20亿',
      '2025Q2 50亿',
    ]);
    const bad = await send('zn', 'GET', `/targets?platformKey=zhenan&sort=name`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('排序应为');
  });
});

describe('changing a target', () => {
  it('409 STALE_VERSION on a stale version; of two simultaneous saves exactly one wins', async () => {
    const body = await created('zn');
    const [a, b] = await Promise.all([
      send('zn', 'PUT', `/targets/${body.id}`, fields({ status: 'contact', version: 1 })),
      send('bureau', 'PUT', `/targets/${body.id}`, fields({ status: 'negotiating', version: 1 })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('STALE_VERSION');
    const detail = (await send('zn', 'GET', `/targets/${body.id}`)).json();
    expect(detail.version).toBe(2);
    expect(detail.contactedOn).not.toBeNull();
    expect(detail.history.map((e: { kind: string }) => e.kind)).toEqual(['created', 'status']);
  });

  it('status only moves forward; 放弃 needs a reason', async () => {
    const body = await created('zn', { status: 'negotiating' });
    const back = await send('zn', 'PUT', `/targets/${body.id}`, fields({ status: 'contact', version: 1 }));
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toContain('只能向前推进');
    const noReason = await send('zn', 'PUT', `/targets/${body.id}`, fields({ status: 'dropped', version: 1 }));
    expect(noReason.json().error.message).toContain('必须填写原因');
    const dropped = await send(
      'zn',
      'PUT',
      `/targets/${body.id}`,
      fields({ status: 'dropped', statusReason: '企业转投外省', version: 1 }),
    );
    expect(dropped.json()).toMatchObject({ status: 'dropped', statusReason: '企业转投外省' });
  });
});

describe('quarters: carry-forward with its diff, closing', () => {
  it('carries the open targets on, shows added / dropped with reason / moved, and closes read-only', async () => {
    const q1 = '2031Q1';
    const q2 = '2031Q2';
    const a = await created('zn', { quarter: q1 });
    const b = await created('zn', { quarter: q1, status: 'contact' });
    const c = await created('zn', { quarter: q1 });
    await created('zn', { quarter: q1, status: 'dropped', statusReason: '对方另选厂址' });
    const carried = await send('zn', 'POST', '/targets/carry-forward', {
      platformKey: 'zhenan',
      quarter: q2,
      drops: [{ lineageId: c.lineageId, reason: '企业经营困难' }],
    });
    expect(carried.statusCode, carried.body).toBe(201);
    expect(carried.json().carried).toBe(2);
    expect(carried.json().diff.dropped.map((d: { reason: string }) => d.reason)).toEqual([
      '企业经营困难',
      '放弃：对方另选厂址',
    ]);
    const again = await send('zn', 'POST', '/targets/carry-forward', { platformKey: 'zhenan', quarter: q2 });
    expect(again.statusCode).toBe(422);
    // Move one on in the new quarter and add one: the diff shows both.
    const list = (await send('zn', 'GET', `/targets?quarter=${q2}`)).json().items as Array<{
      id: number;
      lineageId: number;
      version: number;
    }>;
    const bNow = list.find((row) => row.lineageId === b.lineageId)!;
    expect(list.find((row) => row.lineageId === a.lineageId)).toBeDefined();
    expect(
      (await send('zn', 'PUT', `/targets/${bNow.id}`, fields({ status: 'negotiating', version: bNow.version })))
        .statusCode,
    ).toBe(200);
    await created('zn', { quarter: q2 });
    const diff = (await send('zn', 'GET', `/targets/diff?platformKey=zhenan&quarter=${q2}`)).json();
    expect(diff.added).toHaveLength(1);
    expect(diff.moved).toEqual([
      expect.objectContaining({
        from: { status: 'contact', tier: '20亿' },
        to: { status: 'negotiating', tier: '20亿' },
      }),
    ]);
    expect(diff.unchanged).toBe(1);
    // History over the quarters: the new quarter's row knows its first.
    const detail = (await send('zn', 'GET', `/targets/${bNow.id}`)).json();
    expect(detail.quarters.map((q: { quarter: string }) => q.quarter)).toEqual([q1, q2]);
    // Close: read-only after, with a Chinese 409.
    const closed = await send('zn', 'POST', '/targets/close', { platformKey: 'zhenan', quarter: q2 });
    expect(closed.json()).toMatchObject({ closed: true, closedBy: 'zn' });
    const before = await countAllRows(t.database.db);
    const write = await send(
      'zn',
      'PUT',
      `/targets/${bNow.id}`,
      fields({ status: 'reported', version: bNow.version + 1 }),
    );
    expect(write.statusCode).toBe(409);
    expect(write.json().error).toMatchObject({ code: 'QUARTER_CLOSED' });
    expect(write.json().error.message).toContain('已关闭');
    expect((await send('zn', 'POST', '/targets', target({ quarter: q2 }))).statusCode).toBe(409);
    expect((await send('zn', 'POST', '/targets/close', { platformKey: 'zhenan', quarter: q2 })).statusCode).toBe(409);
    expect(await countAllRows(t.database.db)).toEqual(before);
    const quarters = (await send('zn', 'GET', '/targets/quarters?platformKey=zhenan')).json();
    expect(quarters.find((q: { quarter: string }) => q.quarter === q2)).toMatchObject({
      closed: true,
      carriedFrom: q1,
      targets: 3,
    });
  });
});

describe('the funnel', () => {
  it('the SQL figures equal the domain reference on the same rows; linked by credit code or by the user', async () => {
    const quarter = '2032Q1';
    const codeA = creditCodeFor(990001);
    // A project of 浙南 reported with target A's credit code: linked without a click.
    const project = await send('zn', 'POST', '/projects', {
      name: '漏斗测试项目',
      platformKey: 'zhenan',
      investorName: '漏斗测试有限公司',
      investorCreditCode: codeA,
      industryCode: '3491',
      totalInvestment: 60000,
      fixedAssetInvestment: 50000,
      landArea: 100,
      expectedAnnualTax: 900,
    });
    expect(project.statusCode, project.body).toBe(201);
    const a = await created('zn', { quarter, creditCode: codeA });
    const b = await created('zn', { quarter, status: 'contact', channelId: null });
    await created('zn', { quarter, expectedInvestment: '10000' });
    const other = await send('zn', 'POST', '/projects', {
      ...project.json<Record<string, unknown>>(),
      name: '漏斗测试项目二',
      investorCreditCode: null,
      investorName: '另一家公司',
    });
    const linked = await send('zn', 'POST', `/targets/${b.id}/project`, { projectId: other.json().id, version: 2 - 1 });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await send('zn', 'GET', `/targets/${a.id}`)).json().project).toMatchObject({ linkedBy: 'creditCode' });

    for (const groupBy of ['platform', 'tier', 'type', 'channel', 'quarter'] as const) {
      const funnel = (await send('zn', 'GET', `/targets/funnel?quarter=${quarter}&groupBy=${groupBy}`)).json();
      const items = (await send('zn', 'GET', `/targets?quarter=${quarter}&pageSize=500`)).json().items;
      const rows: FunnelRow[] = await Promise.all(
        items.map(
          async (item: { id: number; status: TargetStatus; identifiedOn: string; contactedOn: string | null }) => {
            const detail = (await send('zn', 'GET', `/targets/${item.id}`)).json();
            return {
              status: item.status,
              identifiedOn: item.identifiedOn,
              contactedOn: item.contactedOn,
              project: detail.project
                ? { reportedOn: detail.project.reportedOn, landedOn: detail.project.landedOn }
                : null,
            };
          },
        ),
      );
      const reference = computeFunnel(rows);
      expect(funnel.total).toEqual(reference);
      expect(funnel.total).toMatchObject({ targets: 3, contacted: 2, reported: 2, landed: 0 });
      if (groupBy !== 'type')
        expect(funnel.rows.reduce((sum: number, r: { targets: number }) => sum + r.targets, 0)).toBe(3);
    }
  });
});

describe('channels and maps', () => {
  it('a contract only for entrusted agencies; stale versions 409; a platform sees its own channels', async () => {
    const agency = (
      await send('zn', 'POST', '/target-channels', { platformKey: 'zhenan', kind: 'law', name: '某律师事务所' })
    ).json();
    const chamber = (
      await send('zn', 'POST', '/target-channels', {
        platformKey: 'zhenan',
        kind: 'chamber',
        name: '深圳温州商会',
        broughtBy: '陈会长',
      })
    ).json();
    const contract = { startOn: '2026-01-01', endOn: '2026-12-31', scope: '新能源', feeTerms: '按落地投资额千分之一' };
    expect(
      (await send('zn', 'POST', `/target-channels/${chamber.id}/contracts`, { ...contract, version: 1 })).statusCode,
    ).toBe(422);
    expect(
      (
        await send('zn', 'POST', `/target-channels/${agency.id}/contracts`, {
          ...contract,
          endOn: '2025-12-31',
          version: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await send('zn', 'POST', `/target-channels/${agency.id}/contracts`, { ...contract, version: 1 })).statusCode,
    ).toBe(201);
    expect(
      (await send('zn', 'POST', `/target-channels/${agency.id}/contracts`, { ...contract, version: 1 })).json().error
        .code,
    ).toBe('STALE_VERSION');
    await created('zn', { quarter: '2033Q1', channelId: chamber.id });
    const list = (await send('zn', 'GET', '/target-channels')).json();
    expect(list.items.find((c: { id: number }) => c.id === chamber.id)).toMatchObject({
      leads: 1,
      broughtBy: '陈会长',
    });
    expect(
      (await send('gxq', 'GET', '/target-channels')).json().items.find((c: { id: number }) => c.id === chamber.id),
    ).toBeUndefined();
    expect(
      (await send('gxq', 'PUT', `/target-channels/${chamber.id}`, { kind: 'chamber', name: 'x', version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('the China map counts by province and city with tiers and focus; the Wenzhou map has the platforms', async () => {
    await created('zn', { quarter: '2034Q1', hqProvince: '广东省', hqCity: '深圳市' });
    await created('zn', { quarter: '2034Q1', hqProvince: '广东省', hqCity: '佛山市', expectedInvestment: '1000' });
    const map = (await send('zn', 'GET', '/targets/map/china?quarter=2034Q1')).json();
    expect(map.provinces).toEqual([
      {
        province: '广东省',
        mapName: '广东',
        count: 2,
        tiers: { '5亿': 0, '20亿': 1, '50亿': 0, none: 1 },
        focus: true,
      },
    ]);
    expect(map.cities.find((c: { city: string }) => c.city === '佛山市')).toMatchObject({ focus: false, count: 1 });
    const wenzhou = (await send('leader', 'GET', '/targets/map/wenzhou')).json();
    expect(wenzhou.platforms.map((p: { platformKey: string }) => p.platformKey)).toEqual([
      'oujiangkou',
      'zhenan',
      'hitech',
    ]);
    expect((await send('zn', 'GET', '/targets/map/wenzhou')).json().platforms).toHaveLength(1);
  });
});

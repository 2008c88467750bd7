import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiSender } from '../test/api-sender.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'gxq', 'ojk', 'bureau', 'drc', 'admin']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

// A well-formed 统一社会信用代码 (check character Q per GB 32100); the same body ending in A is refused.
const CREDIT_CODE = '91330300MA285G5X4Q';
let serial = 0;
const project = (over: Record<string, unknown> = {}) => ({
  name: `新能源汽车整车项目${++serial}`,
  platformKey: 'zhenan',
  investorName: '温州测试新能源有限公司',
  industryCode: '3612',
  totalInvestment: 50000,
  fixedAssetInvestment: 40000,
  landArea: 100,
  expectedAnnualTax: 5000,
  description: '新能源汽车整车制造',
  ...over,
});
const countProjects = async () => (await send('bureau', 'GET', '/projects?pageSize=1')).json().total as number;

describe('R2.3 first report', () => {
  it('a platform user reports for its own platform: first report, with the catalog class of the time', async () => {
    const response = await send('zn', 'POST', '/projects', project());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'reported',
      firstReport: true,
      duplicateOf: null,
      version: 1,
      category: 'encouraged',
      landMu: '100.000000',
    });
    expect(response.json().history).toEqual([
      expect.objectContaining({ kind: 'reported', toStatus: 'reported', version: 1 }),
    ]);
  });

  it('the same project reported again by another platform — name written differently — is a duplicate linked to the first', async () => {
    const first = (
      await send(
        'zn',
        'POST',
        '/projects',
        project({ name: '瓯海 智能 装备 项目', investorName: '温州某某（集团）有限公司' }),
      )
    ).json();
    const again = await send(
      'gxq',
      'POST',
      '/projects',
      project({
        platformKey: 'hitech',
        name: '瓯海智能装备项目',
        investorName: '温州某某(集团)股份有限公司',
        industryCode: '3491',
      }),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({
      firstReport: false,
      duplicateOf: first.id,
      firstReportInfo: { projectId: first.id, platformKey: 'zhenan' },
    });
    // D9: a duplicate cannot advance, only end.
    const advance = await send('gxq', 'POST', `/projects/${again.json().id}/transitions`, {
      to: 'feasible',
      version: 1,
    });
    expect(advance.statusCode).toBe(422);
    expect(advance.json().error.message).toContain('重复报送');
  });

  it('the credit code decides the investor when both reports carry one', async () => {
    const first = (
      await send(
        'zn',
        'POST',
        '/projects',
        project({ name: '信用代码项目', investorCreditCode: CREDIT_CODE, investorName: '甲公司' }),
      )
    ).json();
    const renamed = (
      await send(
        'ojk',
        'POST',
        '/projects',
        project({
          platformKey: 'oujiangkou',
          name: '信用代码项目',
          investorCreditCode: CREDIT_CODE.toLowerCase(),
          investorName: '乙公司',
        }),
      )
    ).json();
    expect(renamed.duplicateOf).toBe(first.id);
  });

  it('50 simultaneous reports of one project: exactly one is first, the others point at it', async () => {
    const payload = project({ name: '并发首报项目' });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(['zn', 'gxq', 'ojk'][i % 3]!, 'POST', '/projects', {
          ...payload,
          platformKey: ['zhenan', 'hitech', 'oujiangkou'][i % 3],
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const bodies = responses.map((r) => r.json());
    const firsts = bodies.filter((b) => b.firstReport);
    expect(firsts).toHaveLength(1);
    for (const body of bodies.filter((b) => !b.firstReport)) expect(body.duplicateOf).toBe(firsts[0].id);
  });
});

describe('R2.4 pipeline moves carry the version the user saw', () => {
  it('moves step by step, refuses skipping (422) and a stale version (409)', async () => {
    const created = (await send('zn', 'POST', '/projects', project())).json();
    const skip = await send('zn', 'POST', `/projects/${created.id}/transitions`, { to: 'signed', version: 1 });
    expect(skip.statusCode).toBe(422);
    const feasible = await send('zn', 'POST', `/projects/${created.id}/transitions`, { to: 'feasible', version: 1 });
    expect(feasible.statusCode, feasible.body).toBe(200);
    expect(feasible.json()).toMatchObject({ status: 'feasible', version: 2 });
    const stale = await send('zn', 'POST', `/projects/${created.id}/transitions`, { to: 'plan_submitted', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('刷新');
  });

  it('only the bureau rejects; lost needs a reason', async () => {
    const created = (await send('zn', 'POST', '/projects', project())).json();
    expect(
      (
        await send('zn', 'POST', `/projects/${created.id}/transitions`, {
          to: 'rejected',
          version: 1,
          reason: '不符合',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await send('zn', 'POST', `/projects/${created.id}/transitions`, { to: 'lost', version: 1 })).statusCode,
    ).toBe(422);
    const rejected = await send('bureau', 'POST', `/projects/${created.id}/transitions`, {
      to: 'rejected',
      version: 1,
      reason: '投资方资金不实',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', closedReason: '投资方资金不实' });
  });

  it('10 simultaneous moves with one version: one wins, nine get 409, history has no gaps', async () => {
    const created = (await send('zn', 'POST', '/projects', project())).json();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(i % 2 ? 'zn' : 'bureau', 'POST', `/projects/${created.id}/transitions`, { to: 'feasible', version: 1 }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    const detail = (await send('bureau', 'GET', `/projects/${created.id}`)).json();
    expect(detail.history.map((e: { version: number }) => e.version)).toEqual([1, 2]);
  });
});

describe('who sees and does what (D10)', () => {
  it('a platform user gets 404 for another platform’s project and lists only its own', async () => {
    const created = (await send('zn', 'POST', '/projects', project({ name: '浙南专属项目' }))).json();
    expect((await send('gxq', 'GET', `/projects/${created.id}`)).statusCode).toBe(404);
    expect(
      (await send('gxq', 'POST', `/projects/${created.id}/transitions`, { to: 'feasible', version: 1 })).statusCode,
    ).toBe(404);
    const listed = (await send('gxq', 'GET', '/projects?platformKey=zhenan&pageSize=500')).json();
    expect(listed.items.every((p: { platformKey: string }) => p.platformKey === 'hitech')).toBe(true);
  });

  it('only platform users report, and only for their own platform; admin does not read the ledger', async () => {
    expect((await send('bureau', 'POST', '/projects', project())).statusCode).toBe(403);
    expect((await send('zn', 'POST', '/projects', project({ platformKey: 'hitech' }))).statusCode).toBe(403);
    expect((await send('admin', 'GET', '/projects')).statusCode).toBe(403);
    expect((await send('drc', 'GET', '/projects')).statusCode).toBe(200);
  });
});

describe('bad input: a 4xx with a Chinese message, nothing written', () => {
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ['zero land', { landArea: 0 }, 400],
    ['negative land', { landArea: -5 }, 400],
    ['negative m²', { landArea: null, landAreaM2: -1 }, 400],
    ['land in both units', { landAreaM2: 66667 }, 400],
    ['text in a number', { totalInvestment: '五千万' }, 400],
    ['fixed assets above total', { fixedAssetInvestment: 60000 }, 400],
    ['an empty name', { name: '   ' }, 400],
    ['a 100 000-character name', { name: '项'.repeat(100_000) }, 400],
    ['an unknown platform', { platformKey: 'wenzhou' }, 400],
    ['a malformed industry code', { industryCode: '36a' }, 400],
    ['an unknown industry code', { industryCode: '3619' }, 422],
    ['an invalid credit code', { investorCreditCode: '91330300MA285G5X4A' }, 400],
  ];
  it.each(cases)('%s', async (_name, over, status) => {
    const before = await countProjects();
    const response = await send('zn', 'POST', '/projects', project(over));
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countProjects()).toBe(before);
  });

  it('malformed JSON', async () => {
    const before = await countProjects();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: cookies.zn!, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countProjects()).toBe(before);
  });
});

describe('the ledger: filters and the Excel export hold the same rows', () => {
  it('filters by size tier (≥ 5亿 = 50 000 万元, inclusive), class and overdue, and exports exactly those rows', async () => {
    const big = (
      await send(
        'gxq',
        'POST',
        '/projects',
        project({ platformKey: 'hitech', name: '五亿元整项目', totalInvestment: 50000, fixedAssetInvestment: 1 }),
      )
    ).json();
    const small = (
      await send(
        'gxq',
        'POST',
        '/projects',
        project({ platformKey: 'hitech', name: '四亿九项目', totalInvestment: 49999.99, fixedAssetInvestment: 1 }),
      )
    ).json();
    const listed = (await send('gxq', 'GET', '/projects?sizeTier=5yi&pageSize=500')).json();
    const ids = listed.items.map((p: { id: number }) => p.id);
    expect(ids).toContain(big.id);
    expect(ids).not.toContain(small.id);
    expect((await send('bureau', 'GET', '/projects?overdue=true')).json().total).toBe(0);
    expect((await send('bureau', 'GET', '/projects?category=eliminated')).json().total).toBe(0);
    expect((await send('bureau', 'GET', '/projects?sizeTier=9yi')).statusCode).toBe(400);

    const file = await send('gxq', 'GET', '/projects/export.xlsx?sizeTier=5yi');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as never);
    const sheet = workbook.getWorksheet('招商项目台账')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('项目名称');
    const exported: number[] = [];
    sheet.eachRow((row, index) => index > 1 && exported.push(Number(row.getCell(1).value)));
    expect(exported).toEqual(ids);
    expect(sheet.getRow(2).getCell(3).value).toBe('温州高新区(浙南科技城)');
  });

  it('pages follow one another newest first: each row once, the total on every page, a page past the end empty', async () => {
    const whole = (await send('bureau', 'GET', '/projects?platformKey=hitech&pageSize=500')).json();
    expect(whole.total).toBeGreaterThanOrEqual(3);
    const ids: number[] = whole.items.map((p: { id: number }) => p.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const paged: number[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 2) + 1; page += 1) {
      const answer = (await send('bureau', 'GET', `/projects?platformKey=hitech&pageSize=2&page=${page}`)).json();
      expect(answer.total).toBe(whole.total);
      paged.push(...answer.items.map((p: { id: number }) => p.id));
    }
    expect(paged).toEqual(ids);
  });

  it('answers only the fields asked for (the id always), the same values as the whole rows, and refuses unknown ones', async () => {
    const whole = (await send('bureau', 'GET', '/projects?platformKey=zhenan&pageSize=20')).json();
    expect(whole.items.length).toBeGreaterThan(0);
    const asked = 'name,status,negotiationDeadline,overdue,circulation,landMu';
    const answer = await send('bureau', 'GET', `/projects?platformKey=zhenan&pageSize=20&fields=${asked}`);
    expect(answer.statusCode, answer.body).toBe(200);
    const partial = answer.json();
    expect(partial.total).toBe(whole.total);
    const fields = ['id', ...asked.split(',')];
    for (const [i, item] of partial.items.entries()) {
      expect(Object.keys(item).sort()).toEqual([...fields].sort());
      for (const field of fields) expect(item[field]).toEqual(whole.items[i][field]);
    }
    // Repeated and spaced names are read once; the id need not be asked for.
    const spaced = (await send('bureau', 'GET', '/projects?pageSize=1&fields=%20name%20,name,')).json();
    expect(Object.keys(spaced.items[0]).sort()).toEqual(['id', 'name']);

    for (const bad of ['identityKey', 'name,__proto__', 'x'.repeat(1001)]) {
      const refused = await send('bureau', 'GET', `/projects?fields=${encodeURIComponent(bad)}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.message).toMatch(/无法识别的字段|字段列表过长/);
    }
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_METHOD,
  DEFAULT_MEASURE_SETTINGS,
  DEFAULT_RECTIFICATION_SETTINGS,
  type EnterpriseRecord,
} from '@pgs/domain';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * The year's method (R3.2 "configurable, versioned per year"), the rectification list (R3.4, D16) at its bars, and
 * bad input on every evaluation route: a 4xx with a Chinese message, never a 500, and nothing written.
 */
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn', 'gxq', 'leader', 'auditor']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

const auditTotal = async () => (await send('auditor', 'GET', '/audit?pageSize=1')).json().total as number;
const methodBody = (
  version: number,
  method: object = DEFAULT_EVALUATION_METHOD,
  measures: object = DEFAULT_MEASURE_SETTINGS,
) => ({
  method,
  measures,
  rectification: DEFAULT_RECTIFICATION_SETTINGS,
  version,
});

describe('the method of a year (R3.2)', () => {
  it('answers the sourced defaults as version 1 until saved, to every reader', async () => {
    for (const user of ['zn', 'leader', 'eitc']) {
      const response = await send(user, 'GET', '/evaluation-methods/2027');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        year: 2027,
        version: 1,
        isDefault: true,
        updatedAt: null,
        updatedBy: null,
        method: { name: DEFAULT_EVALUATION_METHOD.name, dShareMargin: 0.05 },
      });
    }
  });

  it('the eitc saves it (version 2, audited); a stale version is 409; two saves of one version: one wins', async () => {
    const before = await auditTotal();
    const saved = await send(
      'eitc',
      'PUT',
      '/evaluation-methods/2027',
      methodBody(1, { ...DEFAULT_EVALUATION_METHOD, dShareMargin: 0.08 }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      isDefault: false,
      updatedBy: 'eitc',
      method: { dShareMargin: 0.08 },
    });
    const stale = await send('eitc', 'PUT', '/evaluation-methods/2027', methodBody(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('2027 年度评价办法已被他人修改，请刷新后重试');
    const both = await Promise.all(
      [0.06, 0.07].map((margin) =>
        send(
          'eitc',
          'PUT',
          '/evaluation-methods/2027',
          methodBody(2, { ...DEFAULT_EVALUATION_METHOD, dShareMargin: margin }),
        ),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await auditTotal()).toBe(before + 2);
    expect((await send('zn', 'GET', '/evaluation-methods/2027')).json().version).toBe(3);
    // Another year is untouched: each year has its own method.
    expect((await send('eitc', 'GET', '/evaluation-methods/2028')).json()).toMatchObject({
      version: 1,
      isDefault: true,
    });
  });

  it.each([
    [
      'cuts out of order',
      { ...DEFAULT_EVALUATION_METHOD, cuts: { A: 0.7, B: 0.6, C: 0.95 } },
      DEFAULT_MEASURE_SETTINGS,
      '分档线应满足 0 < A < B < C ≤ 1',
    ],
    [
      'a margin outside 5–10 pp',
      { ...DEFAULT_EVALUATION_METHOD, dShareMargin: 0.12 },
      DEFAULT_MEASURE_SETTINGS,
      '平台 D 类占比高出全市的幅度应在 5%–10% 之间',
    ],
    [
      'a heavy indicator weighing less than another',
      {
        ...DEFAULT_EVALUATION_METHOD,
        sets: {
          ...DEFAULT_EVALUATION_METHOD.sets,
          service: {
            indicators: [
              { code: 'tax_per_mu', weight: 10, benchmark: { mode: 'mean' }, capFactor: 1.5 },
              { code: 'revenue_per_mu', weight: 90, benchmark: { mode: 'mean' }, capFactor: 1.5 },
            ],
          },
        },
      },
      DEFAULT_MEASURE_SETTINGS,
      '亩均税收的权重（10）低于亩均营业收入（90）',
    ],
    [
      'a negative surcharge',
      DEFAULT_EVALUATION_METHOD,
      { ...DEFAULT_MEASURE_SETTINGS, electricitySurchargeYuanPerKwh: { C: -0.1, D: 0.15 } },
      'C 类电价加价（元/千瓦时）不能为负数',
    ],
    [
      'a weight that is text',
      {
        ...DEFAULT_EVALUATION_METHOD,
        sets: { ...DEFAULT_EVALUATION_METHOD.sets, service: { indicators: [{ code: 'tax_per_mu', weight: '四十' }] } },
      },
      DEFAULT_MEASURE_SETTINGS,
      '权重必须是数字',
    ],
  ])('refuses %s with 400 and a Chinese message, writing nothing', async (_name, method, measures, message) => {
    const before = await auditTotal();
    const current = (await send('eitc', 'GET', '/evaluation-methods/2027')).json();
    const response = await send(
      'eitc',
      'PUT',
      '/evaluation-methods/2027',
      methodBody(current.version, method, measures),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(message);
    expect(await auditTotal()).toBe(before);
    expect((await send('eitc', 'GET', '/evaluation-methods/2027')).json().version).toBe(current.version);
  });

  it('refuses a platform user (403) and a bad year (400)', async () => {
    const response = await send('zn', 'PUT', '/evaluation-methods/2027', methodBody(3));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    for (const year of ['1999', '2101', 'abc', '2027.5']) {
      const bad = await send('eitc', 'GET', `/evaluation-methods/${year}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('年度');
    }
    const noVersion = await send('eitc', 'PUT', '/evaluation-methods/2027', {
      method: DEFAULT_EVALUATION_METHOD,
      measures: DEFAULT_MEASURE_SETTINGS,
      rectification: DEFAULT_RECTIFICATION_SETTINGS,
    });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.message).toContain('版本号');
  });
});

/**
 * R3.4 at its bars (以下 includes the figure), land = owned + leased (tenants alike), tracks per D16. 2024, all
 * 规上 industrial and producing; electricity per 亩 of most is 100 000 kWh, which is therefore the set's median.
 */
const R = {
  cityAtBar: creditCodeFor(5001), // tax 10 on 10 亩 = 1 万元/亩, outside the platforms: listed; power at the median → tax review
  cityAbove: creditCodeFor(5002), // 10.001 / 10 = 1.0001: not listed
  tenantAtBar: creditCodeFor(5003), // 浙南 tenant: 50 on 10 leased 亩 = 5: listed; little power, revenue doubled → support
  platformAbove: creditCodeFor(5004), // 浙南 50.001 / 10 = 5.0001: not listed
  platformUnder: creditCodeFor(5005), // 浙南 40 / 10 = 4: listed; little power, no previous year → rectify
  hitechHigh: creditCodeFor(5006),
};

function rectificationYear(): EnterpriseRecord[] {
  const records = [
    buildRecord({ creditCode: R.cityAtBar, name: '整治线上城区企业', platformKey: null, tax: '10' }),
    buildRecord({ creditCode: R.cityAbove, name: '整治线外城区企业', platformKey: null, tax: '10.001' }),
    buildRecord({
      creditCode: R.tenantAtBar,
      name: '浙南承租企业',
      platformKey: 'zhenan',
      landOwned: null,
      landLeased: '10',
      tax: '50',
      electricityKwh: '100',
    }),
    buildRecord({ creditCode: R.platformAbove, name: '浙南达标企业', platformKey: 'zhenan', tax: '50.001' }),
    buildRecord({
      creditCode: R.platformUnder,
      name: '浙南低效企业',
      platformKey: 'zhenan',
      tax: '40',
      electricityKwh: '100',
    }),
    buildRecord({ creditCode: R.hitechHigh, name: '高新区企业', platformKey: 'hitech', tax: '500' }),
  ];
  for (let i = 0; i < 4; i += 1)
    records.push(
      buildRecord({ creditCode: creditCodeFor(5100 + i), name: `高效企业${i}`, platformKey: 'hitech', tax: '500' }),
    );
  return records;
}

describe('rectification (R3.4, D16)', () => {
  let runId: number;

  beforeAll(async () => {
    const last = await send('eitc', 'POST', '/enterprise-records', {
      year: 2023,
      records: [
        buildRecord({ creditCode: R.tenantAtBar, name: '浙南承租企业', platformKey: 'zhenan', revenue: '1000' }),
      ],
    });
    expect(last.statusCode, last.body).toBe(201);
    const current = await send('eitc', 'POST', '/enterprise-records', { year: 2024, records: rectificationYear() });
    expect(current.statusCode, current.body).toBe(201);
    const run = await send('eitc', 'POST', '/evaluations', { year: 2024 });
    expect(run.statusCode, run.body).toBe(201);
    runId = run.json().id;
    expect((await send('eitc', 'POST', `/evaluations/${runId}/publish`)).statusCode).toBe(200);
  });

  it('lists exactly the enterprises at or under the bar, with figure, bar, track and reason', async () => {
    const list = (await send('eitc', 'GET', `/evaluations/${runId}/rectification`)).json();
    expect(list).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const byCode = Object.fromEntries(list.items.map((item: { creditCode: string }) => [item.creditCode, item]));
    expect(Object.keys(byCode).sort()).toEqual([R.cityAtBar, R.tenantAtBar, R.platformUnder].sort());
    expect(byCode[R.cityAtBar]).toMatchObject({
      platformKey: null,
      taxPerMu: '1.0000',
      bar: '1',
      track: 'tax_review',
      trackLabel: '税收重点评估',
    });
    expect(byCode[R.cityAtBar].reason).toContain('亩均税收 1.00 万元/亩，不高于全市整治线 1.00 万元/亩');
    expect(byCode[R.tenantAtBar]).toMatchObject({
      platformKey: 'zhenan',
      taxPerMu: '5.0000',
      bar: '5',
      track: 'support',
      trackLabel: '帮扶支持',
    });
    expect(byCode[R.tenantAtBar].reason).toContain('营业收入较上年增长 100%');
    expect(byCode[R.platformUnder]).toMatchObject({ taxPerMu: '4.0000', bar: '5', track: 'rectify' });
  });

  it('filters by track and platform; a platform sees its own list only', async () => {
    expect(
      (await send('eitc', 'GET', `/evaluations/${runId}/rectification?track=support`))
        .json()
        .items.map((i: { creditCode: string }) => i.creditCode),
    ).toEqual([R.tenantAtBar]);
    expect(
      (await send('eitc', 'GET', `/evaluations/${runId}/rectification?platformKey=none`))
        .json()
        .items.map((i: { creditCode: string }) => i.creditCode),
    ).toEqual([R.cityAtBar]);
    const own = (await send('zn', 'GET', `/evaluations/${runId}/rectification`)).json();
    expect(own.items.map((i: { creditCode: string }) => i.creditCode).sort()).toEqual(
      [R.tenantAtBar, R.platformUnder].sort(),
    );
    expect((await send('zn', 'GET', `/evaluations/${runId}/rectification?pageSize=1&page=2`)).json()).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
    });
    expect((await send('gxq', 'GET', `/evaluations/${runId}/rectification`)).json().total).toBe(0);
    expect((await send('zn', 'GET', `/evaluations/${runId}/rectification?platformKey=hitech`)).statusCode).toBe(403);
  });

  it('exports the list as a workbook with the figure and bar as numbers', async () => {
    const response = await send('zn', 'GET', `/evaluations/${runId}/rectification/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('亩均税收整治名单');
    expect(sheet.rowCount).toBe(3);
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 8));
    expect(rows).toContainEqual([
      R.tenantAtBar,
      '浙南承租企业',
      '浙南产业集聚区',
      expect.stringMatching(/^[ABCD]类$/),
      5,
      5,
      '帮扶支持',
    ]);
  });

  it('is the list made with the run: records re-imported afterwards change neither who is listed nor the figures', async () => {
    const before = (await send('eitc', 'GET', `/evaluations/${runId}/rectification`)).json();
    const changed = rectificationYear().map((record) =>
      record.creditCode === R.platformUnder
        ? { ...record, tax: '1000' }
        : record.creditCode === R.platformAbove
          ? { ...record, tax: '1' }
          : record,
    );
    expect((await send('eitc', 'POST', '/enterprise-records', { year: 2024, records: changed })).json()).toMatchObject({
      updated: changed.length,
    });
    try {
      expect((await send('eitc', 'GET', `/evaluations/${runId}/rectification`)).json()).toEqual(before);
    } finally {
      expect(
        (await send('eitc', 'POST', '/enterprise-records', { year: 2024, records: rectificationYear() })).statusCode,
      ).toBe(201);
    }
  });
});

describe('bad input on the evaluation routes: 4xx in Chinese, nothing written', () => {
  let draftId: number;

  beforeAll(async () => {
    // The records of the rectification block (2024) are in place; a draft of its own for the checks below.
    const run = await send('eitc', 'POST', '/evaluations', { year: 2024 });
    expect(run.statusCode, run.body).toBe(201);
    draftId = run.json().id;
  });

  const cases: Array<[string, string, 'GET' | 'POST', string | (() => string), unknown, number, string]> = [
    ['run without a year', 'eitc', 'POST', '/evaluations', {}, 400, '年度'],
    ['run with the year as text', 'eitc', 'POST', '/evaluations', { year: '二〇二四' }, 400, '年度必须是数字'],
    ['run for 2101', 'eitc', 'POST', '/evaluations', { year: 2101 }, 400, '2000–2100'],
    ['run a year without records', 'eitc', 'POST', '/evaluations', { year: 2019 }, 422, '2019 年度还没有企业数据'],
    ['run as a platform', 'zn', 'POST', '/evaluations', { year: 2024 }, 403, '无权'],
    ['a run id that is text', 'eitc', 'GET', '/evaluations/abc', undefined, 400, '评价编号必须是不以 0 开头的正整数'], // issue #10.7: one id message
    ['a run id of 0', 'eitc', 'GET', '/evaluations/0', undefined, 400, '评价编号必须是不以 0 开头的正整数'],
    ['a run id beyond integers', 'eitc', 'GET', '/evaluations/99999999999', undefined, 400, '评价编号过大'],
    ['an unknown run', 'eitc', 'GET', '/evaluations/99999', undefined, 404, '评价不存在'],
    [
      'results of an unknown class',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/results?class=E`,
      undefined,
      400,
      '等级应为 A、B、C、D 或 T',
    ],
    [
      'results of an unknown platform',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/results?platformKey=wenzhou`,
      undefined,
      400,
      '平台应为',
    ],
    [
      'a page size over 500',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/results?pageSize=501`,
      undefined,
      400,
      '每页最多 500 条',
    ],
    ['page 0', 'eitc', 'GET', () => `/evaluations/${draftId}/results?page=0`, undefined, 400, '页码从 1 开始'],
    [
      'a search of 101 characters',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/results?q=${'企'.repeat(101)}`,
      undefined,
      400,
      '搜索词不能超过 100 个字',
    ],
    [
      'export of an unknown set',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/results/export.xlsx?set=farming`,
      undefined,
      400,
      '评价组应为',
    ],
    [
      'measures of class A',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/measures?class=A`,
      undefined,
      400,
      '差别化措施只针对 C、D 类企业',
    ],
    [
      'rectification of an unknown track',
      'eitc',
      'GET',
      () => `/evaluations/${draftId}/rectification?track=close`,
      undefined,
      400,
      '整治类别应为',
    ],
    [
      "a draft's measures as a platform",
      'zn',
      'GET',
      () => `/evaluations/${draftId}/measures`,
      undefined,
      404,
      '评价不存在或尚未发布',
    ],
    [
      "a draft's export as the leadership group",
      'leader',
      'GET',
      () => `/evaluations/${draftId}/results/export.xlsx`,
      undefined,
      404,
      '评价不存在或尚未发布',
    ],
    ['publish an unknown run', 'eitc', 'POST', '/evaluations/99999/publish', undefined, 404, '评价不存在'],
    [
      'publish as the leadership group',
      'leader',
      'POST',
      () => `/evaluations/${draftId}/publish`,
      undefined,
      403,
      '无权',
    ],
    ['simulate without a method', 'eitc', 'POST', '/evaluations/simulate', { year: 2024 }, 400, 'method'],
    [
      'simulate cuts above 1',
      'eitc',
      'POST',
      '/evaluations/simulate',
      { year: 2024, method: { ...DEFAULT_EVALUATION_METHOD, cuts: { A: 0.2, B: 0.6, C: 1.5 } } },
      400,
      '分档线',
    ],
    [
      'simulate a year without records',
      'eitc',
      'POST',
      '/evaluations/simulate',
      { year: 2019, method: DEFAULT_EVALUATION_METHOD },
      422,
      '2019 年度还没有企业数据',
    ],
    [
      'a list of runs for a year that is text',
      'eitc',
      'GET',
      '/evaluations?year=abc',
      undefined,
      400,
      '年度必须是数字',
    ],
    ['a list of runs of an unknown status', 'eitc', 'GET', '/evaluations?status=deleted', undefined, 400, '状态应为'],
  ];

  it.each(cases)('%s', async (_name, user, method, url, payload, status, message) => {
    const before = { audit: await auditTotal(), runs: (await send('eitc', 'GET', '/evaluations')).json().total };
    const response = await send(user, method, typeof url === 'function' ? url() : url, payload);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
    expect(response.json().error.message).toContain(message);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect({ audit: await auditTotal(), runs: (await send('eitc', 'GET', '/evaluations')).json().total }).toEqual(
      before,
    );
    // Whatever was refused, the draft is still a draft.
    expect((await send('eitc', 'GET', `/evaluations/${draftId}`)).json().status).toBe('draft');
  });

  it('a body over 1 MB is 413 (D19)', async () => {
    const response = await send('eitc', 'POST', '/evaluations/simulate', {
      year: 2024,
      method: { ...DEFAULT_EVALUATION_METHOD, name: '办'.repeat(600_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain('请求内容过大');
  });
});

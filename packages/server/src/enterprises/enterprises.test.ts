import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { asc } from 'drizzle-orm';
import { enterpriseRecordSchema, PLATFORM_KEYS } from '@pgs/domain';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { enterpriseRecords } from './enterprises.table.ts';
import { recordsOfYear } from './enterprise-records.service.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * The base database (R3.1, issue #4) through the API, on PGlite and on PostgreSQL: the JSON import (422 with every
 * bad cell, nothing written; idempotent re-import; one audit event), a platform user's scope (D10: 403 on write,
 * lists and detail held to its own platform), the sub-database filters with the R3.4 bars at their boundaries
 * (D1: compared at the figure), the detail over the years, the year picker, the export and recordsOfYear.
 */

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn', 'gxq', 'ojk', 'leader', 'drc', 'auditor']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

/** A complete record as an API client sends it (every key present, as the domain wants). */
const record = (n: number, over: Record<string, unknown> = {}) => ({
  creditCode: creditCodeFor(n),
  name: `温州测试${n}电气有限公司`,
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
  industryCode: '3821',
  backward: false,
  backwardBasis: null,
  zombie: false,
  zombieBasis: null,
  utility: false,
  ...over,
});

const tableRows = () =>
  t.database.db
    .select()
    .from(enterpriseRecords)
    .orderBy(asc(enterpriseRecords.year), asc(enterpriseRecords.creditCode));
const importAudits = async () =>
  (await send('auditor', 'GET', '/audit?action=enterprises.import&pageSize=100')).json<{
    total: number;
    items: Array<{ entityType: string; entityId: string; actorName: string; after: Record<string, unknown> }>;
  }>();

describe('POST /enterprise-records (issue #4): one year, all or nothing', () => {
  it('writes a year: 201 with counts, one audit event for the whole import, figures read back canonical', async () => {
    const before = (await importAudits()).total;
    const response = await send('eitc', 'POST', '/enterprise-records', {
      year: 2023,
      records: [record(1), record(2, { tax: 12.5, landOwned: '007.50' }), record(3, { platformKey: null })],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ year: 2023, inserted: 3, updated: 0 });
    const audits = await importAudits();
    expect(audits.total).toBe(before + 1);
    expect(audits.items[0]).toMatchObject({
      entityType: 'enterprise_records',
      entityId: '2023',
      actorName: 'eitc',
      after: { year: 2023, inserted: 3, updated: 0, creditCodes: 3 },
    });
    const detail = (await send('leader', 'GET', `/enterprises/${creditCodeFor(2)}`)).json();
    expect(detail.records[0]).toMatchObject({
      year: 2023,
      tax: '12.5',
      landOwned: '7.5',
      landTotal: '7.5',
      taxPerMu: '1.6667',
      employees: '100',
      importedBy: 'eitc',
    });
  });

  it('re-importing the same records is idempotent: inserted 0, updated N, and not a byte of the table changes', async () => {
    const records = [
      record(11),
      record(12, { platformKey: 'hitech' }),
      record(13, { landOwned: null, landLeased: '3.25' }),
    ];
    expect((await send('eitc', 'POST', '/enterprise-records', { year: 2022, records })).json()).toEqual({
      year: 2022,
      inserted: 3,
      updated: 0,
    });
    const before = await tableRows();
    t.clock.advanceMinutes(1);
    const again = await send('eitc', 'POST', '/enterprise-records', { year: 2022, records });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual({ year: 2022, inserted: 0, updated: 3 });
    // imported_at included: an unchanged row is not rewritten.
    expect(await tableRows()).toEqual(before);
    // A changed row is rewritten, and only that one.
    t.clock.advanceMinutes(1);
    expect(
      (
        await send('eitc', 'POST', '/enterprise-records', {
          year: 2022,
          records: [record(11, { tax: '101' }), record(14)],
        })
      ).json(),
    ).toEqual({ year: 2022, inserted: 1, updated: 1 });
    const after = await tableRows();
    const changed = after.filter((row) => !before.some((old) => JSON.stringify(old) === JSON.stringify(row)));
    expect(changed.map((row) => [row.creditCode, row.tax])).toEqual([
      [creditCodeFor(11), '101.000000'],
      [creditCodeFor(14), '100.000000'],
    ]);
  });

  it('any bad record: 422 INVALID_RECORDS with every bad cell and a Chinese summary, nothing written', async () => {
    const before = await tableRows();
    const audits = (await importAudits()).total;
    const response = await send('eitc', 'POST', '/enterprise-records', {
      year: 2023,
      records: [
        record(21),
        record(22, { creditCode: '91330300000000022A', tax: '-5' }),
        record(23, { producing: '也许' }),
        record(21),
        7,
        record(24, { registeredOn: '2024-03-01' }),
      ],
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.message).toMatch(
      /^数据有 \d+ 处错误，未写入任何数据。第 2 行“统一社会信用代码”：统一社会信用代码校验位/,
    );
    expect(error.details).toEqual([
      { row: 2, column: 'creditCode', message: expect.stringContaining('校验位') },
      { row: 2, column: 'tax', message: '“实缴税收（万元）”不能为负数，实为 -5' },
      { row: 3, column: 'producing', message: expect.stringContaining('是否正常生产') },
      { row: 4, column: 'creditCode', message: expect.stringContaining('与第 1 行重复') },
      { row: 5, column: '', message: '这一行不是一条企业记录' },
      { row: 6, column: 'registeredOn', message: '注册日期 2024-03-01 晚于评价年度 2023 年末' },
    ]);
    expect(await tableRows()).toEqual(before);
    expect((await importAudits()).total).toBe(audits);
  });

  it('the body shape is checked first: 400 for no records array or a bad year; a missing key is a row error, not a 400', async () => {
    for (const body of [
      { year: 2023 },
      { year: 2023, records: {} },
      { year: 2023, records: [] },
      { records: [record(31)] },
      { year: 1999, records: [record(31)] },
      { year: '2023年', records: [record(31)] },
    ]) {
      const response = await send('eitc', 'POST', '/enterprise-records', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const { tax: _tax, ...withoutTax } = record(31);
    const missing = await send('eitc', 'POST', '/enterprise-records', { year: 2023, records: [withoutTax] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details).toEqual([
      { row: 1, column: 'tax', message: '缺少“实缴税收（万元）”（没有数据请填 null 或留空）' },
    ]);
  });

  it('a NUL in a name is a row error (PostgreSQL cannot store it), not a failed INSERT', async () => {
    const response = await send('eitc', 'POST', '/enterprise-records', {
      year: 2023,
      records: [record(41), record(42, { name: '温州\u0000公司' })],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      { row: 2, column: 'name', message: expect.stringContaining('空字符') },
    ]);
  });

  it('roles without enterprises.import are refused before anything is read (403)', async () => {
    for (const user of ['leader', 'drc'])
      expect((await send(user, 'POST', '/enterprise-records', { year: 2023, records: [record(51)] })).statusCode).toBe(
        403,
      );
  });
});

describe('a platform user’s scope (D10)', () => {
  it('files its own platform’s records', async () => {
    const response = await send('zn', 'POST', '/enterprise-records', { year: 2023, records: [record(61), record(62)] });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('403 naming the rows when a record is another platform’s or elsewhere in the city; nothing written', async () => {
    const before = await tableRows();
    const response = await send('zn', 'POST', '/enterprise-records', {
      year: 2023,
      records: [record(63), record(64, { platformKey: 'hitech' }), record(65, { platformKey: null })],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('第 2、3 行') });
    expect(await tableRows()).toEqual(before);
  });

  it('403 when it would overwrite a record another platform or the eitc filed for the year; nothing written', async () => {
    // record(1) is zhenan's in 2023 (eitc filed it), record(3) elsewhere; gxq claims both for 高新区.
    const before = await tableRows();
    const response = await send('gxq', 'POST', '/enterprise-records', {
      year: 2023,
      records: [
        record(66, { platformKey: 'hitech' }),
        record(1, { platformKey: 'hitech' }),
        record(3, { platformKey: 'hitech' }),
      ],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('第 2、3 行');
    // #10: neutral — it neither confirms that the record exists nor says where (no platform, no 平台外, no figure).
    const answer = response.body;
    for (const revealing of ['浙南', '瓯江口', '平台外', '其他平台', '已登记', ...PLATFORM_KEYS])
      expect(answer).not.toContain(revealing);
    expect(await tableRows()).toEqual(before);
  });
});

describe('R3.1 lists and the sub-databases', () => {
  const Y = 2024;
  // R3.4 bars at their boundaries (以下 includes the figure, D1 exact): tax = bar × land is listed, a hair above is not.
  const CASES = {
    atPlatformBar: record(101, { landOwned: '10', tax: '50' }),
    abovePlatformBar: record(102, { landOwned: '10', tax: '50.000001' }),
    atCityBar: record(103, { platformKey: null, landOwned: '10', tax: '10' }),
    aboveCityBar: record(104, { platformKey: null, landOwned: '10', tax: '10.1' }),
    tenantAtBar: record(105, { platformKey: 'hitech', landOwned: null, landLeased: '4', tax: '20', scale: 'below' }),
    service: record(106, { kind: 'service', landOwned: '10', tax: '1' }),
    noTax: record(107, { tax: null }),
    noLand: record(108, { landOwned: null, landLeased: null, tax: '1' }),
    zeroLand: record(109, { landOwned: '0', landLeased: '0', tax: '0' }),
    backward: record(110, { backward: true, backwardBasis: '温经信〔2024〕12号 淘汰落后产能名单', tax: '900' }),
    zombie: record(111, {
      platformKey: 'oujiangkou',
      zombie: true,
      zombieBasis: '连续两年停产，欠缴社保',
      producing: false,
      tax: '900',
      name: '温州僵尸测试机械有限公司',
    }),
  };
  const codeOf = (key: keyof typeof CASES) => CASES[key].creditCode;
  const list = async (user: string, query: string) => {
    const response = await send(user, 'GET', `/enterprises?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      items: Array<Record<string, unknown> & { creditCode: string }>;
      total: number;
      page: number;
      pageSize: number;
      year: number | null;
    }>();
  };
  const codes = async (user: string, query: string) =>
    (await list(user, query)).items.map((item) => item.creditCode).sort();

  beforeAll(async () => {
    const response = await send('eitc', 'POST', '/enterprise-records', { year: Y, records: Object.values(CASES) });
    expect(response.statusCode, response.body).toBe(201);
    // The same enterprise a year later, so the detail has two years and the default year is the latest.
    expect(
      (
        await send('eitc', 'POST', '/enterprise-records', {
          year: 2025,
          records: [record(101, { tax: '80', name: '温州测试101电气股份有限公司' })],
        })
      ).statusCode,
    ).toBe(201);
  });

  it('低效产出: industrial, tax ≤ 5 万元/亩 inside the platforms and ≤ 1 elsewhere, tenants on leased land; missing figures never listed', async () => {
    expect(await codes('eitc', `year=${Y}&subDatabase=low_efficiency`)).toEqual(
      [codeOf('atPlatformBar'), codeOf('atCityBar'), codeOf('tenantAtBar')].sort(),
    );
    const tenant = (await list('eitc', `year=${Y}&subDatabase=low_efficiency&platformKey=hitech`)).items;
    expect(tenant).toEqual([
      expect.objectContaining({
        creditCode: codeOf('tenantAtBar'),
        landOwned: null,
        landLeased: '4',
        landTotal: '4',
        taxPerMu: '5.0000',
      }),
    ]);
  });

  it('淘汰落后 and 停产僵尸 list the flagged records with their basis', async () => {
    expect((await list('eitc', `year=${Y}&subDatabase=backward`)).items).toEqual([
      expect.objectContaining({
        creditCode: codeOf('backward'),
        backward: true,
        backwardBasis: '温经信〔2024〕12号 淘汰落后产能名单',
      }),
    ]);
    expect((await list('eitc', `year=${Y}&subDatabase=zombie`)).items).toEqual([
      expect.objectContaining({ creditCode: codeOf('zombie'), zombie: true, producing: false }),
    ]);
  });

  it('filters by platform (none = elsewhere), kind, scale and text; pages; the latest year by default', async () => {
    expect(await codes('eitc', `year=${Y}&platformKey=none`)).toEqual(
      [codeOf('atCityBar'), codeOf('aboveCityBar')].sort(),
    );
    expect(await codes('eitc', `year=${Y}&kind=service`)).toEqual([codeOf('service')]);
    expect(await codes('eitc', `year=${Y}&scale=below`)).toEqual([codeOf('tenantAtBar')]);
    expect(await codes('eitc', `year=${Y}&q=${encodeURIComponent('僵尸测试')}`)).toEqual([codeOf('zombie')]);
    expect(await codes('eitc', `year=${Y}&q=${codeOf('service').slice(0, 12)}`)).toContain(codeOf('service'));
    const page = await list('eitc', `year=${Y}&page=2&pageSize=4`);
    expect(page).toMatchObject({ total: 11, page: 2, pageSize: 4, year: Y });
    expect(page.items).toHaveLength(4);
    const latest = await list('leader', '');
    expect(latest.year).toBe(2025);
    expect(latest.items.map((item) => item.creditCode)).toContain(codeOf('atPlatformBar'));
  });

  it('a platform user sees only its own platform, whatever filters it sends', async () => {
    const own = await codes('zn', `year=${Y}`);
    expect(own.length).toBeGreaterThan(0);
    expect(await codes('zn', `year=${Y}&platformKey=hitech`)).toEqual(own);
    expect(await codes('zn', `year=${Y}&platformKey=none`)).toEqual(own);
    expect(await codes('zn', `year=${Y}&subDatabase=low_efficiency`)).toEqual([codeOf('atPlatformBar')]);
    for (const item of (await list('gxq', `year=${Y}`)).items) expect(item.platformKey).toBe('hitech');
    expect(await codes('ojk', `year=${Y}&subDatabase=zombie`)).toEqual([codeOf('zombie')]);
    expect(await codes('ojk', `year=${Y}&subDatabase=backward`)).toEqual([]);
  });

  it('GET /enterprises/:creditCode: every year ascending; unknown → 404; another platform’s → 404 for a platform user', async () => {
    const detail = await send('eitc', 'GET', `/enterprises/${codeOf('atPlatformBar').toLowerCase()}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ creditCode: codeOf('atPlatformBar'), name: '温州测试101电气股份有限公司' });
    expect(detail.json().records.map((r: { year: number; tax: string }) => [r.year, r.tax])).toEqual([
      [2024, '50'],
      [2025, '80'],
    ]);
    expect((await send('zn', 'GET', `/enterprises/${codeOf('atPlatformBar')}`)).statusCode).toBe(200);
    for (const [user, code] of [
      ['zn', codeOf('tenantAtBar')],
      ['gxq', codeOf('atPlatformBar')],
      ['eitc', creditCodeFor(999_999)],
    ] as const) {
      const response = await send(user, 'GET', `/enterprises/${code}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toContain('没有统一社会信用代码为');
    }
    expect((await send('eitc', 'GET', '/enterprises/91330300ABC')).statusCode).toBe(400);
  });

  it('GET /enterprise-records/years counts the years a user may see, latest first', async () => {
    const all = (await send('eitc', 'GET', '/enterprise-records/years')).json<
      Array<{
        year: number;
        count: number;
      }>
    >();
    expect(all.map((y) => y.year)).toEqual([...all.map((y) => y.year)].sort((a, b) => b - a));
    expect(all.find((y) => y.year === Y)).toEqual({ year: Y, count: 11 });
    const hitech = (await send('gxq', 'GET', '/enterprise-records/years')).json<
      Array<{
        year: number;
        count: number;
      }>
    >();
    expect(hitech.find((y) => y.year === Y)).toEqual({ year: Y, count: 1 });
  });

  it('the export holds exactly the listed rows, in the template’s columns plus the derived ones', async () => {
    const response = await send('leader', 'GET', `/enterprises/export.xlsx?year=${Y}&subDatabase=low_efficiency`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('低效产出企业库-2024年度');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('企业年度数据')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '所在平台']);
    expect(header.slice(-2)).toEqual(['用地合计（亩）', '亩均税收（万元/亩）']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).values as unknown[]);
    const listed = (await list('leader', `year=${Y}&subDatabase=low_efficiency&pageSize=500`)).items;
    expect(rows.map((row) => row[1])).toEqual(listed.map((item) => item.creditCode));
    const tenant = rows.find((row) => row[1] === codeOf('tenantAtBar'))!;
    expect(tenant[3]).toBe('温州高新区(浙南科技城)');
    expect(tenant.at(-1)).toBe(5);
    const elsewhere = rows.find((row) => row[1] === codeOf('atCityBar'))!;
    expect(elsewhere[3]).toBe('平台外');
  });

  it('recordsOfYear gives the evaluation every record of the year in the domain’s shape, as the domain parsed them', async () => {
    const records = await recordsOfYear(t.database.db, Y);
    const expected = Object.values(CASES)
      .map((input) => enterpriseRecordSchema.parse(input))
      .sort((a, b) => a.creditCode.localeCompare(b.creditCode));
    expect(records).toEqual(expected);
    expect(await recordsOfYear(t.database.db, 1990)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { ENTERPRISE_RECORD_FIELD_LABELS } from '@pgs/domain';
import { creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createSecondApp, createTestApp, type TestApp } from '../test/test-app.ts';
import { XLSX_MIME } from './http.ts';
import { generationOf } from './change-signals.ts';
import { cookieOf, sendTo, type ApiMethod } from '../test/api-sender.ts';

/**
 * Issue #15: two server processes (two Fastify apps, each with its own pool and LISTEN connection) on one PostgreSQL
 * serve the same users: an import and a run started on one show their progress on the other, two runs of one year
 * started on both at once both finish (one after the other, under the year's lock), a logout and a catalog publish
 * made on one hold on the other.
 */
describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('#15 two servers on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    a = await createTestApp();
    b = await createSecondApp(a);
    for (const user of ['eitc', 'drc', 'ojk']) cookies[user] = await a.login(user);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const send = (server: TestApp, user: string, method: ApiMethod, url: string, payload?: unknown, headers = {}) =>
    sendTo(server, cookieOf(cookies, user), method, url, payload, headers);

  async function workbook(rows: number): Promise<Buffer> {
    const template = await send(a, 'eitc', 'GET', '/enterprise-records/template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
    const sheet = book.getWorksheet('企业年度数据')!;
    const labels = (sheet.getRow(1).values as string[]).slice(1);
    const column = (field: keyof typeof ENTERPRISE_RECORD_FIELD_LABELS) =>
      labels.indexOf(ENTERPRISE_RECORD_FIELD_LABELS[field]) + 1;
    for (let n = 0; n < rows; n += 1) {
      const row = sheet.getRow(n + 2);
      const cells: Partial<Record<keyof typeof ENTERPRISE_RECORD_FIELD_LABELS, ExcelJS.CellValue>> = {
        creditCode: creditCodeFor(700_000 + n),
        name: `温州双进程测试${n}有限公司`,
        platformKey: '浙南产业集聚区',
        kind: '工业企业',
        scale: '规上',
        landOwned: 20,
        tax: 150,
        valueAdded: 800,
        revenue: 3200,
        rdExpense: 90,
        employees: 120,
        energyTce: 410,
        emissionsTons: 1.8,
        electricityKwh: 2_100_000,
        waterTons: 9000,
        producing: '是',
        registeredOn: new Date(Date.UTC(2016, 4, 20)),
        industryCode: '3443',
        backward: '否',
        zombie: '否',
        utility: '否',
      };
      for (const [field, value] of Object.entries(cells))
        if (column(field as never) > 0) row.getCell(column(field as never)).value = value;
      row.commit();
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('an import made on one server shows its progress on the other', async () => {
    const boundary = '----pgs-two-servers';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="企业数据.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
      ),
      await workbook(20),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const key = 'aa112233445566778899aabbccddeeff';
    const imported = await send(
      a,
      'eitc',
      'POST',
      `/enterprise-records/import?year=2028&dryRun=false&progressKey=${key}`,
      payload,
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect(imported.statusCode, imported.body).toBe(200);
    await vi.waitFor(
      async () => {
        expect((await send(b, 'eitc', 'GET', `/enterprise-records/import/progress/${key}`)).json()).toMatchObject({
          phase: 'done',
          rows: 20,
        });
      },
      { timeout: 10_000 },
    );
    // Another user reads nothing of it on either server.
    expect((await send(b, 'ojk', 'GET', `/enterprise-records/import/progress/${key}`)).json()).toMatchObject({
      phase: 'waiting',
    });
  });

  it('a run started on one server shows its progress on the other; two runs of one year on both both finish', async () => {
    const key = 'bb112233445566778899aabbccddeeff';
    const [first, second] = await Promise.all([
      send(a, 'eitc', 'POST', '/evaluations', { year: 2028, progressKey: key }),
      send(b, 'eitc', 'POST', '/evaluations', { year: 2028 }),
    ]);
    expect([first.statusCode, second.statusCode], first.body).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
    await vi.waitFor(
      async () => {
        expect((await send(b, 'eitc', 'GET', `/evaluations/progress/${key}`)).json()).toMatchObject({
          phase: 'done',
          total: first.json().total,
        });
      },
      { timeout: 10_000 },
    );
  });

  it('a catalog published on one server classifies on the other', async () => {
    const day = '2026-12-15';
    const classify = async () =>
      (await send(b, 'ojk', 'GET', `/catalogs/zhenan/classify?industryCode=8810&date=${day}`)).json();
    expect((await classify()).category).toBe('unlisted');
    const draft = (await send(a, 'drc', 'POST', '/catalogs/zhenan/versions', { version: '2026年本' })).json();
    const added = await send(a, 'drc', 'POST', `/catalog-versions/${draft.id}/items`, {
      category: 'encouraged',
      industryCode: '8810',
      keywords: [],
      basis: 'R1.2-supporting',
      note: '文艺创作：配套服务',
    });
    expect(added.statusCode).toBe(201);
    const current = (await send(a, 'drc', 'GET', `/catalog-versions/${draft.id}`)).json();
    const published = await send(a, 'drc', 'POST', `/catalog-versions/${draft.id}/publish`, {
      effectiveDate: day,
      revision: current.revision,
    });
    expect(published.statusCode, published.body).toBe(200);
    await vi.waitFor(
      async () => {
        expect((await classify()).category).toBe('encouraged');
      },
      { timeout: 10_000 },
    );
  });

  it('a catalog change made by another connection reaches the servers through NOTIFY', async () => {
    const before = generationOf('catalog');
    const client = new pg.Client({ connectionString: a.database.url });
    await client.connect();
    await client.query(`UPDATE catalog_versions SET revision = revision WHERE status = 'draft'`);
    await client.query(
      `UPDATE catalog_versions SET revision = revision WHERE id = (SELECT min(id) FROM catalog_versions)`,
    );
    await client.end();
    await vi.waitFor(
      () => {
        expect(generationOf('catalog')).toBeGreaterThan(before);
      },
      { timeout: 10_000 },
    );
  });

  it('a logout on one server ends the session on the other', async () => {
    const cookie = await b.login('leader');
    const me = (server: TestApp) =>
      server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }).then((r) => r.statusCode);
    expect([await me(a), await me(b)]).toEqual([200, 200]);
    expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      204,
    );
    await vi.waitFor(
      async () => {
        expect(await me(b)).toBe(401);
      },
      { timeout: 10_000 },
    );
  });
});

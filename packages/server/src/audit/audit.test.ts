import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

const verify = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: { cookie: auditor } })).json();

describe('audit trail', () => {
  it('records the first start (seeding, admin, demo users) and every login, newest first', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=500', headers: { cookie: auditor } })
    ).json();
    const actions = page.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['platforms.seed', 'industries.seed', 'catalog.seed', 'user.create', 'auth.login']),
    );
    expect(page.items[0].action).toBe('auth.login');
    expect(page.items[0].actorName).toBe('auditor');
    // People by their display names; the start-up seeding reads 系统.
    expect(page.items[0].actorDisplayName).toBe('安全审计员 郑工');
    const seeding = page.items.find((e: { action: string }) => e.action === 'catalog.seed');
    expect(seeding).toMatchObject({ actorName: 'system', actorDisplayName: '系统' });
  });

  it('filters by action, actor and Shanghai day', async () => {
    const query = (q: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/audit?${q}`, headers: { cookie: auditor } }).then((r) => r.json());
    expect((await query('action=catalog.seed')).total).toBe(3);
    expect((await query('actor=auditor&action=auth.login')).total).toBeGreaterThanOrEqual(1);
    expect((await query('from=2026-11-28&to=2026-11-28')).total).toBeGreaterThan(0);
    expect((await query('from=2026-11-29')).total).toBe(0);
  });

  it('keeps the whole hash chain verifiable', async () => {
    const result = await verify();
    expect(result.intact).toBe(true);
    expect(result.checked).toBeGreaterThan(10);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE id = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_events WHERE id = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    expect((await verify()).intact).toBe(true);
  });

  it('exports the trail to an Excel file that opens with every row', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export.xlsx?action=catalog.seed',
      headers: { cookie: auditor },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['序号', '编号', '客户端地址', '客户端（浏览器）']));
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(4).value).toBe('catalog.seed');
  });

  it('of 20 concurrent writes, each chains to exactly one predecessor', async () => {
    const admin = await t.login('admin');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { cookie: admin },
          payload: { username: `chain${i}`, password: 'Strong-Pass-2026', displayName: `链${i}`, role: 'leader' },
        }),
      ),
    );
    expect((await verify()).intact).toBe(true);
  });

  it('records the client address and user agent of each request, each its own under concurrency; the system none', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '203.0.113.7',
      headers: { 'user-agent': 'PGS-Test/1.0' },
      payload: { username: 'admin', password: 'Admin-Pass-2026' },
    });
    expect(login.statusCode).toBe(200);
    const admin = login.headers['set-cookie'] as string;
    const cookie = admin.split(';')[0]!;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          remoteAddress: `198.51.100.${i + 1}`,
          headers: { cookie, 'user-agent': `Agent-${i}${i === 9 ? 'x'.repeat(2000) : ''}` },
          payload: { username: `ctx${i}`, password: 'Strong-Pass-2026', displayName: `上下文${i}`, role: 'leader' },
        }),
      ),
    );
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=500', headers: { cookie: auditor } })
    ).json();
    type Item = {
      action: string;
      actorName: string;
      entityId: string;
      after: { username?: string } | null;
      clientAddress: string | null;
      userAgent: string | null;
      seq: number;
    };
    const items = page.items as Item[];
    expect(items.find((e) => e.action === 'auth.login' && e.actorName === 'admin')).toMatchObject({
      clientAddress: '203.0.113.7',
      userAgent: 'PGS-Test/1.0',
    });
    for (let i = 0; i < 10; i += 1) {
      const created = items.find((e) => e.action === 'user.create' && e.after?.username === `ctx${i}`)!;
      expect(created.clientAddress).toBe(`198.51.100.${i + 1}`);
      expect(created.userAgent!.startsWith(`Agent-${i}`)).toBe(true);
    }
    expect(items.find((e) => e.after?.username === 'ctx9')!.userAgent).toHaveLength(512);
    expect(items.find((e) => e.action === 'catalog.seed')).toMatchObject({
      actorName: 'system',
      clientAddress: null,
      userAgent: null,
    });
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    expect((await verify()).intact).toBe(true);
  });

  it("keeps the request's client for a body that arrives over the network in pieces", async () => {
    const admin = await t.login('admin');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const body = JSON.stringify({
      username: 'slowbody',
      password: 'Strong-Pass-2026',
      displayName: '慢请求',
      role: 'leader',
    });
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/users',
          headers: {
            cookie: admin,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Slow-Agent/2',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 100);
    });
    expect(status).toBe(201);
    const page = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit?action=user.create&pageSize=1',
        headers: { cookie: auditor },
      })
    ).json();
    expect(page.items[0]).toMatchObject({
      after: expect.objectContaining({ username: 'slowbody' }),
      clientAddress: '127.0.0.1',
      userAgent: 'Slow-Agent/2',
    });
  });

  it("detects a row changed behind the trigger's back", async () => {
    // Only a database superuser can do this; the chain still gives it away.
    await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await t.database.db.execute(sql`UPDATE audit_events SET actor_name = 'mallory' WHERE id = 5`);
    await t.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    const result = await verify();
    expect(result).toMatchObject({ intact: false, firstBrokenId: 5 });
    expect(result.message).toContain('序号 5');
  });
});

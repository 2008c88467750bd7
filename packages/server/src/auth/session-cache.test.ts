import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { createSecondApp, createTestApp, type TestApp } from '../test/test-app.ts';
import { generationOf } from '../platform/change-signals.ts';

/**
 * Issue #15: sessions are read from a short-lived in-process cache. The 30-minute idle timeout (#10.5), logout and
 * revocation hold as before, in one process and across two servers on one PostgreSQL.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (app: TestApp, cookie: string) =>
  app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const status = async (app: TestApp, cookie: string) => (await me(app, cookie)).statusCode;
const logout = (app: TestApp, cookie: string) =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
const tokenHashOf = async (cookie: string) => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256')
    .update(cookie.slice(cookie.indexOf('=') + 1))
    .digest('hex');
};

async function disable(app: TestApp, username: string) {
  const admin = await app.login('admin');
  const list = await app.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } });
  const user = list.json().items.find((u: { username: string }) => u.username === username);
  const answer = await app.app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${user.id}`,
    headers: { cookie: admin },
    payload: {
      displayName: user.displayName,
      role: user.role,
      platformKey: user.platformKey,
      disabled: true,
      version: user.version,
    },
  });
  expect(answer.statusCode).toBe(200);
}

describe('#15 session cache in one process (#10.5 unchanged)', () => {
  it('a session used many times within a minute still ends after 30 idle minutes', async () => {
    const cookie = await t.login('zn');
    for (let i = 0; i < 5; i += 1) expect(await status(t, cookie)).toBe(200);
    t.clock.advanceMinutes(29);
    expect(await status(t, cookie)).toBe(200);
    t.clock.advanceMinutes(30.5);
    const ended = await me(t, cookie);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('logout ends a cached session at once', async () => {
    const cookie = await t.login('ojk');
    expect(await status(t, cookie)).toBe(200);
    expect((await logout(t, cookie)).statusCode).toBe(204);
    expect(await status(t, cookie)).toBe(401);
  });

  it('disabling a user ends their cached session at once', async () => {
    const cookie = await t.login('gxq');
    expect(await status(t, cookie)).toBe(200);
    await disable(t, 'gxq');
    expect(await status(t, cookie)).toBe(401);
  });

  it('within its short life a request is answered from memory; after it, the database decides again', async () => {
    const cookie = await t.login('leader');
    expect(await status(t, cookie)).toBe(200);
    // Moving the idle clock back sends no notification (only deletes and user changes do): the cache does not know.
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = last_seen_at - interval '2 hours' WHERE token_hash = ${await tokenHashOf(cookie)}`,
    );
    expect(await status(t, cookie)).toBe(200);
    t.clock.advanceMinutes(1);
    expect((await me(t, cookie)).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('a session deleted by another hand (no server code) is dropped through the trigger and its NOTIFY', async () => {
    const cookie = await t.login('drc');
    expect(await status(t, cookie)).toBe(200);
    const before = generationOf('sessions');
    const hash = await tokenHashOf(cookie);
    if (t.database.url) {
      // A separate connection, as `npm run account` or another server would be.
      const client = new pg.Client({ connectionString: t.database.url });
      await client.connect();
      await client.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
      await client.end();
    } else {
      await t.database.db.execute(sql`DELETE FROM sessions WHERE token_hash = ${hash}`);
    }
    await vi.waitFor(
      () => {
        expect(generationOf('sessions')).toBeGreaterThan(before);
      },
      { timeout: 10_000 },
    );
    expect(await status(t, cookie)).toBe(401);
  });
});

describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('#15 two servers on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createSecondApp(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a session signed in on one server works on the other, and a logout on either ends it on both', async () => {
    const cookie = await a.login('zn');
    expect([await status(a, cookie), await status(b, cookie)]).toEqual([200, 200]);
    expect((await logout(b, cookie)).statusCode).toBe(204);
    expect(await status(b, cookie)).toBe(401);
    await vi.waitFor(
      async () => {
        expect(await status(a, cookie)).toBe(401);
      },
      { timeout: 10_000 },
    );
  });

  it('the idle clock moved through one server keeps the session alive on the other, and idleness ends it on both', async () => {
    const cookie = await a.login('ojk');
    expect(await status(b, cookie)).toBe(200);
    a.clock.advanceMinutes(20);
    expect(await status(a, cookie)).toBe(200);
    a.clock.advanceMinutes(20);
    expect(await status(b, cookie)).toBe(200);
    a.clock.advanceMinutes(20);
    expect(await status(a, cookie)).toBe(200);
    a.clock.advanceMinutes(31);
    expect([await status(b, cookie), await status(a, cookie)]).toEqual([401, 401]);
  });

  it('a user disabled through one server can no longer use the other', async () => {
    const cookie = await a.login('gxq');
    expect(await status(b, cookie)).toBe(200);
    await disable(a, 'gxq');
    await vi.waitFor(
      async () => {
        expect(await status(b, cookie)).toBe(401);
      },
      { timeout: 10_000 },
    );
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../test/test-app.ts';
import * as passwords from './passwords.service.ts';

/** #10.1, #10.4, #10.8 and #9 "Accounts": the lockout under parallel attempts, for unknown names, and audited. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

async function auditRows(action: string, entityId: string) {
  const result = (await t.database.db.execute(
    sql`SELECT actor_name, entity_type, entity_id, after FROM audit_events WHERE action = ${action} AND entity_id = ${entityId} ORDER BY id`,
  )) as {
    rows: Array<{
      actor_name: string;
      entity_type: string;
      entity_id: string;
      after: { reason: string; attempt: number };
    }>;
  };
  return result.rows;
}

describe('#10.1 the lockout holds under parallel requests', () => {
  it('40 wrong passwords at once: at most 5 are checked, the rest are refused as locked, and the account is locked', async () => {
    const verify = vi.spyOn(passwords, 'verifyPassword');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('drc', `Wrong-Pass-${i}`)));
    const checked = verify.mock.calls.length;
    verify.mockRestore();
    const statuses = answers.map((a) => a.statusCode);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checked);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - checked);
    for (const answer of answers.filter((a) => a.statusCode === 429))
      expect(answer.json().error.code).toBe('ACCOUNT_LOCKED');
    // Locked: the right password is refused too, and is not even checked.
    const locked = await login('drc', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(
      /^连续登录失败次数过多，账号已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，请稍后再试或联系管理员解锁$/,
    );
  });
});

describe('#10.8 an unknown name answers exactly as a known one, and locks too', () => {
  it('the same five answers, then the same lock, for "leader" and for a name that is no account', async () => {
    const answersFor = async (username: string) => {
      const seen: Array<{ status: number; body: unknown }> = [];
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        const response = await login(username, 'Wrong-Pass-2026');
        seen.push({ status: response.statusCode, body: response.json() });
      }
      return seen;
    };
    const known = await answersFor('leader');
    const unknown = await answersFor('no.such.user');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect((known[0]!.body as { error: { message: string } }).error.message).toBe(
      '用户名或密码不正确，还可尝试 4 次，再失败将锁定 15 分钟',
    );
    expect((known[3]!.body as { error: { message: string } }).error.message).toBe(
      '用户名或密码不正确，还可尝试 1 次，再失败将锁定 15 分钟',
    );
    expect((known[4]!.body as { error: { message: string } }).error.message).toMatch(
      /^用户名或密码不正确。连续失败 5 次，账号已锁定至 /,
    );
  });

  it('a name is counted however it is typed (case, width, spaces)', async () => {
    for (const typed of ['Eitc', 'EITC', 'ｅｉｔｃ', 'eItC'])
      expect((await login(typed, 'Wrong-Pass-2026')).statusCode).toBe(401);
    const fifth = await login('eitc', 'Wrong-Pass-2026');
    expect(fifth.json().error.details.triesLeft).toBe(0);
    expect((await login('eitc', DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('the lock ends after 15 minutes and the count starts again', async () => {
    t.clock.advanceMinutes(15.01);
    expect((await login('leader', DEMO_PASSWORD)).statusCode).toBe(200);
    const next = await login('no.such.user', 'Wrong-Pass-2026');
    expect(next.json().error.details.triesLeft).toBe(4);
  });
});

describe('#10.4 failed logins are audited, unknown names included', () => {
  it('each failure and each locked refusal has its audit row, under the name typed', async () => {
    await login('ghost.user', 'Wrong-Pass-2026');
    const rows = await auditRows('auth.login_failed', 'ghost.user');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_name: 'ghost.user',
      entity_type: 'login_name',
      after: { reason: 'unknown_user', attempt: 1 },
    });
    const zn = await t.login('zn');
    expect(zn).toContain('pgs_session');
    await login('zn', 'Wrong-Pass-2026');
    const result = (await t.database.db.execute(
      sql`SELECT after FROM audit_events WHERE action = 'auth.login_failed' AND actor_name = 'zn'`,
    )) as { rows: Array<{ after: { reason: string } }> };
    expect(result.rows.map((r) => r.after.reason)).toEqual(['wrong_password']);
  });
});

describe('#9 the admin sees who is locked and unlocks', () => {
  it('the users list shows the lock; 解锁 clears it (audited); a second unlock is 409', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await login('bureau', 'Wrong-Pass-2026');
    const admin = await t.login('admin');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
    ).json();
    const bureau = list.items.find((u: { username: string }) => u.username === 'bureau');
    expect(bureau.lockedUntil).toBe(new Date(t.clock().getTime() + 15 * 60_000).toISOString());
    expect(list.items.find((u: { username: string }) => u.username === 'ojk').lockedUntil).toBeNull();
    const unlock = () =>
      t.app.inject({ method: 'POST', url: `/api/v1/users/${bureau.id}/unlock`, headers: { cookie: admin } });
    expect((await unlock()).statusCode).toBe(204);
    expect((await login('bureau', DEMO_PASSWORD)).statusCode).toBe(200);
    const again = await unlock();
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'NOT_LOCKED', message: '该账号当前未被锁定' });
    expect(await auditRows('user.unlock', String(bureau.id))).toHaveLength(1);
  });

  it('only the admin unlocks', async () => {
    const leader = await t.login('leader');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/users/1/unlock', headers: { cookie: leader } })).statusCode,
    ).toBe(403);
  });
});

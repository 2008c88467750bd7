import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryAuditActionNamed } from '../test/audit-names.ts';
import { createTestApp, DEMO_PASSWORD, sessionCookie, type TestApp } from '../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('login and sessions', () => {
  it('answers a visitor without a session cookie 200 {user:null} (the login page asks), a revoked session 401', async () => {
    const visitor = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ user: null });
    expect((await me('pgs_session=not-a-session')).statusCode).toBe(401);
  });

  it('logs in with a session cookie that is httpOnly and SameSite=Strict, and answers me', async () => {
    const response = await login('drc', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'drc', role: 'drc', platformKey: null });
    const cookie = response.cookies[0]!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const who = await me(sessionCookie(response));
    expect(who.json().user.username).toBe('drc');
  });

  it('#10.8 #9 refuses a wrong password and an unknown user alike, in Chinese, with the tries left', async () => {
    for (const response of [await login('bureau', 'Wrong-Pass-1'), await login('nobody', 'Wrong-Pass-1')]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: '用户名或密码不正确，还可尝试 4 次，再失败将锁定 15 分钟',
        details: { triesLeft: 4 },
      });
    }
    expect((await login('bureau', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an account for 15 minutes after 5 failed logins, even for the right password', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await login('eitc', 'Wrong-Pass-1');
      expect(failed.statusCode).toBe(401);
      expect(failed.json().error.details.triesLeft).toBe(5 - attempt);
    }
    const locked = await login('eitc', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.message).toContain('锁定');
    t.clock.advanceMinutes(14);
    expect((await login('eitc', DEMO_PASSWORD)).statusCode).toBe(429);
    t.clock.advanceMinutes(1.01);
    expect((await login('eitc', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('four failures then a success clear the counter', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) await login('leader', 'Wrong-Pass-1');
    expect((await login('leader', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let attempt = 0; attempt < 4; attempt += 1) await login('leader', 'Wrong-Pass-1');
    expect((await login('leader', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session idle for more than 30 minutes, and keeps an active one alive', async () => {
    const cookie = await t.login('zn');
    t.clock.advanceMinutes(25);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(25);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(30.5);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const cookie = await t.login('gxq');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      204,
    );
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("changes one's own password only with the current one and under the password policy", async () => {
    const cookie = await t.login('ojk');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword },
      });
    expect((await change('Wrong-Pass-1', 'Another-Pass-2026')).json().error.code).toBe('WRONG_PASSWORD');
    const weak = await change(DEMO_PASSWORD, 'short');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.message).toContain('至少需要 10 个字符');
    expect((await change(DEMO_PASSWORD, 'Another-Pass-2026')).statusCode).toBe(204);
    expect((await login('ojk', 'Another-Pass-2026')).statusCode).toBe(200);
  });

  it('#10.8 a disabled user hears so only with the right password, and its sessions stop working', async () => {
    const admin = await t.login('admin');
    const cookie = await t.login('gxq');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } });
    const gxq = list.json().items.find((u: { username: string }) => u.username === 'gxq');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${gxq.id}`,
      headers: { cookie: admin },
      payload: {
        displayName: gxq.displayName,
        role: 'platform',
        platformKey: 'hitech',
        disabled: true,
        version: gxq.version,
      },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const wrong = await login('gxq', 'Wrong-Pass-1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const right = await login('gxq', DEMO_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().error).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系系统管理员' });
  });
});

it('names every audit action this file wrote (for the audit page)', async () => {
  await expectEveryAuditActionNamed(t.database.db);
});

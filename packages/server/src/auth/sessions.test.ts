import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../test/test-app.ts';
import { authSettings } from '../platform/auth-settings.ts';
import { authenticate } from './auth.service.ts';

/** #10.5: absolute lifetime, the cap on concurrent sessions, and password changes ending the other sessions. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const status = async (cookie: string) => (await me(cookie)).statusCode;

describe('#10.5 sessions', () => {
  it('a session ends 12 hours after sign-in however active it is', async () => {
    const cookie = await t.login('leader');
    for (let hour = 0; hour < 12; hour += 1) {
      t.clock.advanceMinutes(20);
      expect(await status(cookie)).toBe(200);
      t.clock.advanceMinutes(20);
      expect(await status(cookie)).toBe(200);
      t.clock.advanceMinutes(20);
      expect(await status(cookie)).toBe(200);
    }
    t.clock.advanceMinutes(0.1);
    const ended = await me(cookie);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toEqual({
      code: 'SESSION_EXPIRED',
      message: '登录已满 12 小时，会话已结束，请重新登录',
    });
  });

  it('the lifetime is a setting', async () => {
    const cookie = await t.login('leader');
    const token = cookie.slice('pgs_session='.length);
    const oneHour = authSettings({ sessionMaxHours: 1 });
    t.clock.advanceMinutes(29);
    await expect(authenticate(t.database.db, oneHour, token, t.clock())).resolves.toMatchObject({ username: 'leader' });
    t.clock.advanceMinutes(29);
    await expect(authenticate(t.database.db, oneHour, token, t.clock())).resolves.toMatchObject({ username: 'leader' });
    t.clock.advanceMinutes(3);
    await expect(authenticate(t.database.db, oneHour, token, t.clock())).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '登录已满 1 小时，会话已结束，请重新登录',
    });
  });

  it('a fourth sign-in ends the oldest of three sessions', async () => {
    const first = await t.login('drc');
    const second = await t.login('drc');
    const third = await t.login('drc');
    expect([await status(first), await status(second), await status(third)]).toEqual([200, 200, 200]);
    const fourth = await t.login('drc');
    expect([await status(first), await status(second), await status(third), await status(fourth)]).toEqual([
      401, 200, 200, 200,
    ]);
  });

  // Five at once: more parallel attempts on one name than the lockout checks (5) would be refused as locked (#10.1).
  it('signing in five times at once leaves exactly 3 sessions', async () => {
    const cookies = await Promise.all(Array.from({ length: 5 }, () => t.login('eitc')));
    const alive = (await Promise.all(cookies.map(status))).filter((s) => s === 200);
    expect(alive).toHaveLength(3);
  });

  it("changing one's password ends the other sessions and keeps this one", async () => {
    const other = await t.login('bureau');
    const current = await t.login('bureau');
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: current },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Neue-Stelle-2026!' },
    });
    expect(change.statusCode).toBe(204);
    expect(await status(current)).toBe(200);
    expect(await status(other)).toBe(401);
  });

  it('a reset by the admin ends every session of the user', async () => {
    const cookie = await t.login('ojk');
    const admin = await t.login('admin');
    const users = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
    ).json();
    const ojk = users.items.find((u: { username: string }) => u.username === 'ojk');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${ojk.id}/password`,
      headers: { cookie: admin },
      payload: { password: 'Temp-Wenzhou-Pass-77' },
    });
    expect(reset.statusCode).toBe(204);
    expect(await status(cookie)).toBe(401);
  });

  it('the admin cannot reset its own password through the users route (it changes it with the current one)', async () => {
    const admin = await t.login('admin');
    const users = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
    ).json();
    const self = users.items.find((u: { username: string }) => u.username === 'admin');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${self.id}/password`,
      headers: { cookie: admin },
      payload: { password: 'Own-Reset-Pass-88' },
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error).toMatchObject({
      code: 'OWN_PASSWORD',
      message: '不能在此重置自己的密码，请通过右上角“修改密码”输入当前密码后修改',
    });
  });
});

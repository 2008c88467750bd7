import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../test/test-app.ts';

/** #10.10 on the server: every route that sets a password applies the whole policy. */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const create = (username: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: admin },
    payload: { username, password, displayName: '测试', role: 'leader' },
  });

describe('#10.10 new passwords', () => {
  it.each([
    ['Password12', '密码过于常见或容易被猜到'],
    ['Qwerty123!', '密码过于常见或容易被猜到'],
    [DEMO_PASSWORD, '密码过于常见或容易被猜到'],
    ['Woaini1314!', '密码过于常见或容易被猜到'],
    ['Wang.Xiaoer-2026', '密码不能包含用户名'],
  ])('%j is refused with 422: %s', async (password, reason) => {
    const response = await create('wang.xiaoer', password);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('WEAK_PASSWORD');
    expect(response.json().error.message).toContain(reason);
  });

  it('none of the current and the last 5 passwords may come back; the 6th before may', async () => {
    const cookieOf = async (password: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'zn', password },
      });
      expect(response.statusCode, response.body).toBe(200);
      return `pgs_session=${response.cookies.find((c) => c.name === 'pgs_session')!.value}`;
    };
    const history = [
      'Lvse-Pingtai-01!',
      'Lvse-Pingtai-02!',
      'Lvse-Pingtai-03!',
      'Lvse-Pingtai-04!',
      'Lvse-Pingtai-05!',
      'Lvse-Pingtai-06!',
    ];
    let current = DEMO_PASSWORD;
    for (const next of history) {
      const cookie = await cookieOf(current);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword: current, newPassword: next },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      current = next;
    }
    const cookie = await cookieOf(current);
    const change = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword: current, newPassword },
      });
    for (const reused of [current, 'Lvse-Pingtai-05!', 'Lvse-Pingtai-01!']) {
      const refused = await change(reused);
      expect(refused.statusCode, reused).toBe(422);
      expect(refused.json().error.message).toContain('不能与当前密码或最近 5 次用过的密码相同');
    }
    // The demo password was the 6th before the current one: out of the history, but public, so still refused.
    expect((await change(DEMO_PASSWORD)).json().error.message).toContain('密码过于常见');
  });
});

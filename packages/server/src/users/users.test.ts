import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const createUser = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload });
const auditTotal = async () => {
  const auditor = await t.login('auditor');
  return (await t.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=1', headers: { cookie: auditor } })).json()
    .total as number;
};

describe('users (admin)', () => {
  it('creates a platform user with its platform and audits it without the password hash', async () => {
    const response = await createUser({
      username: 'ojk.zhang',
      password: 'Strong-Pass-2026',
      displayName: '张三',
      role: 'platform',
      platformKey: 'oujiangkou',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'ojk.zhang',
      role: 'platform',
      platformKey: 'oujiangkou',
      version: 1,
    });
    expect(response.json()).not.toHaveProperty('passwordHash');
    const auditor = await t.login('auditor');
    const events = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit?action=user.create&pageSize=1',
        headers: { cookie: auditor },
      })
    ).json();
    expect(events.items[0].after.username).toBe('ojk.zhang');
    expect(JSON.stringify(events.items[0])).not.toContain('argon2');
  });

  it.each([
    [{ username: 'weak1', password: 'short1A!', displayName: '甲', role: 'drc' }, 422, 'WEAK_PASSWORD'],
    [{ username: 'weak2', password: 'alllowercase123', displayName: '乙', role: 'drc' }, 422, 'WEAK_PASSWORD'],
    [
      { username: 'noplat', password: 'Strong-Pass-2026', displayName: '丙', role: 'platform' },
      422,
      'PLATFORM_REQUIRED',
    ],
    [
      { username: 'extra', password: 'Strong-Pass-2026', displayName: '丁', role: 'drc', platformKey: 'zhenan' },
      422,
      'PLATFORM_NOT_ALLOWED',
    ],
    [{ username: 'drc', password: 'Strong-Pass-2026', displayName: '戊', role: 'drc' }, 409, 'USERNAME_TAKEN'],
    [{ username: 'x', password: 'Strong-Pass-2026', displayName: '己', role: 'drc' }, 400, 'VALIDATION_FAILED'],
    [{ username: 'badrole', password: 'Strong-Pass-2026', displayName: '庚', role: 'king' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %o with %i %s and writes nothing', async (payload, status, code) => {
    const before = await auditTotal();
    const response = await createUser(payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await auditTotal()).toBe(before + 1); // only the auditor's own login
  });

  it('accepts exactly 10 characters with 3 classes (and not common)', async () => {
    expect(
      (await createUser({ username: 'ten.chars', password: 'Wzq-7Lm!x2', displayName: '辛', role: 'eitc' })).statusCode,
    ).toBe(201);
  });

  it('of two concurrent edits with one version, exactly one wins and the other gets 409', async () => {
    const created = (
      await createUser({ username: 'race.user', password: 'Strong-Pass-2026', displayName: '壬', role: 'bureau' })
    ).json();
    const edit = (displayName: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${created.id}`,
        headers: { cookie: admin },
        payload: { displayName, role: 'bureau', platformKey: null, disabled: false, version: created.version },
      });
    const results = await Promise.all(['甲乙', '丙丁', '戊己', '庚辛'].map(edit));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('STALE_VERSION');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
    ).json();
    expect(list.items.find((u: { id: number }) => u.id === created.id).version).toBe(2);
  });

  it('of 10 concurrent creations of one username, exactly one is created', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        createUser({ username: 'same.name', password: 'Strong-Pass-2026', displayName: '癸', role: 'leader' }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
  });

  it('resetting a password unlocks the account', async () => {
    for (let i = 0; i < 5; i += 1)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'bureau', password: 'Wrong-Pass-1' },
      });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
    ).json();
    const bureau = list.items.find((u: { username: string }) => u.username === 'bureau');
    expect(bureau.lockedUntil).not.toBeNull();
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${bureau.id}/password`,
      headers: { cookie: admin },
      payload: { password: 'Reset-Pass-2026' },
    });
    expect(reset.statusCode).toBe(204);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bureau', password: 'Reset-Pass-2026' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('an admin cannot disable itself', async () => {
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
    ).json();
    const self = list.items.find((u: { username: string }) => u.username === 'admin');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${self.id}`,
      headers: { cookie: admin },
      payload: { displayName: '管理员', role: 'admin', platformKey: null, disabled: true, version: self.version },
    });
    expect(response.json().error.code).toBe('SELF_LOCKOUT');
  });
});

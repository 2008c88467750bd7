import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, sessionCookie, type TestApp } from '../test/test-app.ts';

/** #10.11 三员分立: the admin manages business accounts only; its passwords are temporary; the auditor reviews. */
let t: TestApp;
let admin: string;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const list = (
    await t.app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: admin } })
  ).json();
  ids = Object.fromEntries(list.items.map((u: { username: string; id: number }) => [u.username, u.id]));
});
afterAll(() => t.close());

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const auditCount = async () =>
  Number(
    (
      (await t.database.db.execute(sql`SELECT count(*) AS n FROM audit_events`)) as {
        rows: Array<{ n: number | string }>;
      }
    ).rows[0]!.n,
  );

describe('#10.11 the admin cannot touch an admin or auditor account', () => {
  it.each([
    [
      'create an auditor',
      () =>
        inject('POST', '/users', admin, {
          username: 'second.auditor',
          password: 'Strong-Pass-2026',
          displayName: '第二审计员',
          role: 'auditor',
        }),
    ],
    [
      'create an admin',
      () =>
        inject('POST', '/users', admin, {
          username: 'second.admin',
          password: 'Strong-Pass-2026',
          displayName: '第二管理员',
          role: 'admin',
        }),
    ],
    [
      "reset the auditor's password",
      () => inject('POST', `/users/${ids.auditor}/password`, admin, { password: 'Taken-Over-2026!' }),
    ],
    [
      'rename the auditor',
      () =>
        inject('PATCH', `/users/${ids.auditor}`, admin, {
          displayName: '改名',
          role: 'auditor',
          platformKey: null,
          disabled: false,
          version: 1,
        }),
    ],
    [
      'disable the auditor',
      () =>
        inject('PATCH', `/users/${ids.auditor}`, admin, {
          displayName: '安全审计员 郑工',
          role: 'auditor',
          platformKey: null,
          disabled: true,
          version: 1,
        }),
    ],
    [
      'make a business user an auditor',
      () =>
        inject('PATCH', `/users/${ids.drc}`, admin, {
          displayName: '市发改委 陈科长',
          role: 'auditor',
          platformKey: null,
          disabled: false,
          version: 1,
        }),
    ],
    ['unlock the auditor', () => inject('POST', `/users/${ids.auditor}/unlock`, admin)],
  ])('to %s is refused with 403 in Chinese, nothing written', async (_what, request) => {
    const before = await auditCount();
    const response = await request();
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: 'PRIVILEGED_ACCOUNT',
      message: '系统管理员只能管理业务账号；管理员和审计员账号由运维人员在服务器命令行创建和重置',
    });
    expect(await auditCount()).toBe(before);
    expect((await login('auditor', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('#10.11 a password the admin sets is temporary', () => {
  it('a created user must change it: login says so, every other route answers 403 until changed', async () => {
    const created = await inject('POST', '/users', admin, {
      username: 'zn.li',
      password: 'Initial-Wz-2026',
      displayName: '浙南 李四',
      role: 'platform',
      platformKey: 'zhenan',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
    const signedIn = await login('zn.li', 'Initial-Wz-2026');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    const cookie = sessionCookie(signedIn);
    expect((await inject('GET', '/auth/me', cookie)).json().user.mustChangePassword).toBe(true);
    for (const url of ['/projects', '/catalogs/zhenan', '/platforms', '/enterprises']) {
      const refused = await inject('GET', url, cookie);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error).toEqual({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: '您的密码由管理员设置，请先修改密码后再继续使用',
      });
    }
    // The same temporary password again is refused (reuse); a new one frees the account.
    const same = await inject('POST', '/auth/password', cookie, {
      currentPassword: 'Initial-Wz-2026',
      newPassword: 'Initial-Wz-2026',
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.message).toContain('不能与当前密码或最近 5 次用过的密码相同');
    expect(
      (
        await inject('POST', '/auth/password', cookie, {
          currentPassword: 'Initial-Wz-2026',
          newPassword: 'Own-Choice-Wz-2026',
        })
      ).statusCode,
    ).toBe(204);
    expect((await inject('GET', '/projects', cookie)).statusCode).toBe(200);
    expect((await inject('GET', '/auth/me', cookie)).json().user.mustChangePassword).toBe(false);
  });

  it('a reset by the admin is temporary too; demo accounts are not', async () => {
    expect((await login('leader', DEMO_PASSWORD)).json().user.mustChangePassword).toBe(false);
    expect(
      (await inject('POST', `/users/${ids.leader}/password`, admin, { password: 'Reset-Wz-Lingdao-9' })).statusCode,
    ).toBe(204);
    const cookie = sessionCookie(await login('leader', 'Reset-Wz-Lingdao-9'));
    expect((await inject('GET', '/projects', cookie)).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('logout still works with a temporary password', async () => {
    const cookie = sessionCookie(await login('leader', 'Reset-Wz-Lingdao-9'));
    expect((await inject('POST', '/auth/logout', cookie)).statusCode).toBe(204);
  });
});

describe('#10.11 every account change is listed for the auditor, who marks it reviewed', () => {
  it('lists the changes made above, newest first; 已审阅 once (audited), a second time 409; only the auditor', async () => {
    const auditor = await t.login('auditor');
    const list = await inject('GET', '/account-changes', auditor);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{
      id: number;
      kind: string;
      username: string;
      actorName: string;
      description: string;
      kindLabel: string;
    }>;
    expect(items.map((c) => [c.kind, c.username])).toEqual([
      ['reset_password', 'leader'],
      ['create', 'zn.li'],
    ]);
    expect(items[1]).toMatchObject({
      actorName: 'admin',
      kindLabel: '新建账号',
      description: '浙南 李四，平台管委会（浙南产业集聚区）',
    });
    const review = () => inject('POST', `/account-changes/${items[1]!.id}/review`, auditor);
    const first = await review();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ reviewedBy: 'auditor' });
    const second = await review();
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('该账号变更已审阅过');
    expect(
      (await inject('GET', '/account-changes', auditor)).json().items.map((c: { username: string }) => c.username),
    ).toEqual(['leader']);
    expect((await inject('GET', '/account-changes?reviewed=all', auditor)).json().total).toBe(2);
    expect((await inject('GET', '/account-changes', admin)).statusCode).toBe(403);
    expect((await inject('POST', `/account-changes/${items[0]!.id}/review`, admin)).statusCode).toBe(403);
    expect((await inject('POST', '/account-changes/99999/review', auditor)).statusCode).toBe(404);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { parseAccountCommand, runAccountCommand } from './operator-accounts.ts';

/** #10.11: admin and auditor accounts are created and reset by the operator on the command line (npm run account). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('#10.11 npm run account', () => {
  it.each([
    [
      ['create-auditor', 'audit2'],
      { command: 'create', username: 'audit2', role: 'auditor', displayName: '安全审计员', platformKey: null },
    ],
    [
      ['create-admin', 'admin2', '--name', '第二管理员'],
      { command: 'create', username: 'admin2', role: 'admin', displayName: '第二管理员', platformKey: null },
    ],
    [
      ['create', 'ojk2', '--role', 'platform', '--platform', 'oujiangkou'],
      { command: 'create', username: 'ojk2', role: 'platform', displayName: 'ojk2', platformKey: 'oujiangkou' },
    ],
    [['reset-password', 'auditor'], { command: 'reset-password', username: 'auditor' }],
    [['unlock', 'auditor'], { command: 'unlock', username: 'auditor' }],
  ])('parses %j', (argv, command) => {
    expect(parseAccountCommand(argv)).toEqual(command);
  });

  it.each([
    [[]],
    [['create-auditor']],
    [['make-king', 'x']],
    [['create', 'x', '--role', 'king']],
    [['create', 'x', '--role', 'platform', '--platform', 'mars']],
  ])('refuses %j with the usage in Chinese', (argv) => {
    expect(() => parseAccountCommand(argv)).toThrow(/用法|未知命令|角色不正确|平台不正确/);
  });

  it('creates an auditor with a piped password: temporary, audited as the operator, listed for review', async () => {
    const said = await runAccountCommand(
      t.database.db,
      parseAccountCommand(['create-auditor', 'audit2', '--name', '第二审计员']),
      'Piped-Audit-Pass-26',
      t.clock(),
    );
    expect(said).toBe('已创建账号 audit2（第二审计员），首次登录须修改密码。');
    const signedIn = await login('audit2', 'Piped-Audit-Pass-26');
    expect(signedIn.json().user).toMatchObject({ role: 'auditor', mustChangePassword: true });
    const audit = (await t.database.db.execute(
      sql`SELECT actor_name FROM audit_events WHERE action = 'user.create' ORDER BY id DESC LIMIT 1`,
    )) as { rows: Array<{ actor_name: string }> };
    expect(audit.rows[0]!.actor_name).toBe('operator');
    const auditor = await t.login('auditor');
    const changes = (
      await t.app.inject({ method: 'GET', url: '/api/v1/account-changes', headers: { cookie: auditor } })
    ).json();
    expect(changes.items[0]).toMatchObject({
      username: 'audit2',
      kind: 'create',
      actorName: 'operator',
      actorDisplayName: '系统（运维）',
    });
  });

  it("resets the auditor's password with a generated one, printed once, that signs in and must be changed", async () => {
    const said = await runAccountCommand(
      t.database.db,
      parseAccountCommand(['reset-password', 'auditor']),
      null,
      t.clock(),
    );
    const generated = /临时密码（只显示这一次，请当面或经安全渠道交给本人）：(\S+)$/.exec(said)?.[1];
    expect(generated).toBeDefined();
    const signedIn = await login('auditor', generated!);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
  });

  it("the operator's password goes through the policy too", async () => {
    await expect(
      runAccountCommand(t.database.db, parseAccountCommand(['create-admin', 'admin3']), 'Password12', t.clock()),
    ).rejects.toThrow('密码过于常见');
    await expect(
      runAccountCommand(t.database.db, parseAccountCommand(['reset-password', 'nobody']), null, t.clock()),
    ).rejects.toThrow('用户 nobody 不存在');
  });
});

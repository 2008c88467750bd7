import { isPlatformKey, ROLES, type Role } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { notFound, unprocessable } from '../platform/errors.ts';
import { OPERATOR_ACTOR } from './operator.ts';
import { createUser, generatePassword, resetPassword, unlockUser, userByUsername } from './users.service.ts';

/**
 * The operator's account commands (三员分立, #10.11): `npm run account -- <command> …` on the server's command
 * line. Admin and auditor accounts are created and reset only here. Everything goes through the users service
 * as the operator (audited as 系统（运维）, listed for the auditor's review); a password set here is temporary.
 */
export const ACCOUNT_USAGE = `用法：
  npm run account -- create-auditor <用户名> [--name 姓名]
  npm run account -- create-admin <用户名> [--name 姓名]
  npm run account -- create <用户名> --role <角色> [--name 姓名] [--platform 平台]
  npm run account -- reset-password <用户名>
  npm run account -- unlock <用户名>
密码从标准输入读取（如 echo '…' | npm run account -- …）；没有输入时生成一个临时密码并显示一次。
以此设置的密码均为临时密码，本人首次登录后须修改。`;

export type AccountCommand =
  | { command: 'create'; username: string; role: Role; displayName: string; platformKey: string | null }
  | { command: 'reset-password'; username: string }
  | { command: 'unlock'; username: string };

const DEFAULT_NAMES: Partial<Record<Role, string>> = { admin: '系统管理员', auditor: '安全审计员' };

/** The command line as a command, or a Chinese reason it is not one. */
export function parseAccountCommand(argv: readonly string[]): AccountCommand {
  const [command, username, ...rest] = argv;
  const option = (name: string) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? (rest[at + 1] ?? null) : null;
  };
  if (!command || !username || username.startsWith('--')) throw unprocessable('USAGE', ACCOUNT_USAGE);
  if (command === 'reset-password' || command === 'unlock') return { command, username };
  const role =
    command === 'create-auditor'
      ? 'auditor'
      : command === 'create-admin'
        ? 'admin'
        : command === 'create'
          ? option('role')
          : null;
  if (command !== 'create-auditor' && command !== 'create-admin' && command !== 'create')
    throw unprocessable('USAGE', `未知命令：${command}\n${ACCOUNT_USAGE}`);
  if (!role || !(ROLES as readonly string[]).includes(role))
    throw unprocessable('USAGE', `角色不正确：${role ?? '（未给出）'}，可选 ${ROLES.join('、')}`);
  const platform = option('platform');
  if (platform !== null && !isPlatformKey(platform))
    throw unprocessable('USAGE', `平台不正确：${platform}，可选 oujiangkou、zhenan、hitech`);
  return {
    command: 'create',
    username,
    role: role as Role,
    displayName: option('name') ?? DEFAULT_NAMES[role as Role] ?? username,
    platformKey: option('platform'),
  };
}

/** Runs one command; answers what to print. `password` is what stdin gave, or null to generate one. */
export async function runAccountCommand(
  db: Db,
  command: AccountCommand,
  password: string | null,
  now: Date,
): Promise<string> {
  const chosen = password ?? generatePassword();
  const shown = password ? '' : `\n临时密码（只显示这一次，请当面或经安全渠道交给本人）：${chosen}`;
  if (command.command === 'create') {
    const user = await createUser(
      db,
      OPERATOR_ACTOR,
      {
        username: command.username,
        password: chosen,
        displayName: command.displayName,
        role: command.role,
        platformKey: command.platformKey as never,
      },
      now,
    );
    return `已创建账号 ${user.username}（${user.displayName}），首次登录须修改密码。${shown}`;
  }
  const user = await userByUsername(db, command.username);
  if (!user) throw notFound(`用户 ${command.username} 不存在`);
  if (command.command === 'unlock') {
    await unlockUser(db, OPERATOR_ACTOR, user.id, now);
    return `已解除 ${user.username} 的登录锁定。`;
  }
  await resetPassword(db, OPERATOR_ACTOR, user.id, chosen, now);
  return `已重置 ${user.username} 的密码并结束其全部会话，下次登录须修改密码。${shown}`;
}

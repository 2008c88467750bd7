import { ROLE_LABELS, type Role } from '../platform/roles.ts';
import { platformName, type PlatformKey } from '../platform/platforms.ts';

/**
 * Account changes for the auditor's review (三员分立, issue #10 point 11): every creation, change of name, role,
 * platform or status, password reset and unlock of an account is listed until the auditor marks it reviewed.
 */
export const ACCOUNT_CHANGE_KINDS = ['create', 'update', 'reset_password', 'unlock'] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

export const ACCOUNT_CHANGE_LABELS: Record<AccountChangeKind, string> = {
  create: '新建账号',
  update: '修改账号',
  reset_password: '重置密码',
  unlock: '解除锁定',
};

/** What is kept of an account before and after a change (never a password or its hash). */
export type AccountSnapshot = { displayName: string; role: Role; platformKey: PlatformKey | null; disabled: boolean };

const describeAccount = (a: AccountSnapshot) =>
  `${a.displayName}，${ROLE_LABELS[a.role]}${a.platformKey ? `（${platformName(a.platformKey)}）` : ''}${a.disabled ? '，已停用' : ''}`;

/** The change in one Chinese line for the review card: what the account became, or what changed in it. */
export function describeAccountChange(
  kind: AccountChangeKind,
  before: AccountSnapshot | null,
  after: AccountSnapshot | null,
): string {
  if (kind === 'create' && after) return describeAccount(after);
  if (kind === 'reset_password') return '密码已重置（临时密码，须在下次登录时修改）';
  if (kind === 'unlock') return '登录锁定已解除';
  if (!before || !after) return '';
  const parts: string[] = [];
  if (before.displayName !== after.displayName) parts.push(`姓名 ${before.displayName} → ${after.displayName}`);
  if (before.role !== after.role) parts.push(`角色 ${ROLE_LABELS[before.role]} → ${ROLE_LABELS[after.role]}`);
  if (before.platformKey !== after.platformKey) {
    parts.push(
      `平台 ${before.platformKey ? platformName(before.platformKey) : '无'} → ${after.platformKey ? platformName(after.platformKey) : '无'}`,
    );
  }
  if (before.disabled !== after.disabled) parts.push(after.disabled ? '停用账号' : '启用账号');
  return parts.length > 0 ? parts.join('；') : '未改变任何内容';
}

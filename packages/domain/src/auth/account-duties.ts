import type { Role } from '../platform/roles.ts';

/**
 * Separation of duties (三员分立, issue #10 point 11): the system administrator manages business accounts only.
 * Admin and auditor accounts are created and reset by the operator on the server's command line, so the admin
 * can neither read the audit trail as the auditor nor grant itself a second identity.
 */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'auditor'];

export function isPrivilegedRole(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

/** Whether the admin may create, change, disable, unlock or reset an account that has (or would get) these roles. */
export function adminMayManage(...roles: Role[]): boolean {
  return roles.every((role) => !isPrivilegedRole(role));
}

export const PRIVILEGED_ACCOUNT_MESSAGE =
  '系统管理员只能管理业务账号；管理员和审计员账号由运维人员在服务器命令行创建和重置';

/**
 * A password set by someone other than the account's holder (the admin, or the operator) is temporary: it must
 * be changed at the next sign-in, so its use shows (#10.11). Only the holder's own change, the first admin's
 * bootstrap password and the demo seed are not.
 */
export type PasswordSetter = 'self' | 'admin' | 'operator' | 'seed';

export function isTemporaryPassword(setBy: PasswordSetter): boolean {
  return setBy === 'admin' || setBy === 'operator';
}

export const PASSWORD_CHANGE_REQUIRED_MESSAGE = '您的密码由管理员设置，请先修改密码后再继续使用';

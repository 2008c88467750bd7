import { isTemporaryPassword, PASSWORD_HISTORY_SIZE } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, notFound, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.service.ts';
import { clearLoginFailures, lockedUntilByUsername } from '../auth/lockout.service.ts';
import { endSessionsOfUser } from '../auth/sessions.service.ts';
import { findUserByIdForUpdate, updatePassword, type UserRow } from './users.repository.ts';
import { noteAccountChange } from './account-changes.service.ts';
import { assertAdminMayManage, assertPassword, passwordSetterOf } from './users.service.ts';

/** #10.10: whether the password is the current one or one of the last PASSWORD_HISTORY_SIZE. */
async function isReused(row: UserRow, password: string): Promise<boolean> {
  for (const hash of [row.passwordHash, ...row.passwordHistory.slice(0, PASSWORD_HISTORY_SIZE)]) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}

/**
 * Sets a new password on a locked row: the policy with reuse, the history of hashes, the temporary flag, the
 * lockout cleared and the user's other sessions ended (#10.5).
 */
async function setPassword(
  tx: Tx,
  row: UserRow,
  password: string,
  options: { temporary: boolean; keepSessionTokenHash: string | null },
) {
  assertPassword(password, { username: row.username, isReused: await isReused(row, password) });
  await updatePassword(tx, row.id, {
    passwordHash: await hashPassword(password),
    passwordHistory: [row.passwordHash, ...row.passwordHistory].slice(0, PASSWORD_HISTORY_SIZE),
    mustChangePassword: options.temporary,
    version: row.version + 1,
  });
  await clearLoginFailures(tx, row.username);
  return endSessionsOfUser(tx, row.id, options.keepSessionTokenHash);
}

/**
 * The admin (business accounts) or the operator (any) sets a temporary password, which also unlocks the account
 * and ends its sessions. The admin's own password is changed with the current one, never here (#10.5).
 */
export async function resetPassword(db: Db, actor: Actor, id: number, password: string, now: Date) {
  requirePermission(actor, 'users.manage');
  if (actor.id === id)
    throw new AppError(403, 'OWN_PASSWORD', '不能在此重置自己的密码，请通过右上角“修改密码”输入当前密码后修改');
  await db.transaction(async (tx) => {
    const before = await findUserByIdForUpdate(tx, id);
    if (!before) throw notFound('用户不存在');
    assertAdminMayManage(actor, before.role);
    const temporary = isTemporaryPassword(passwordSetterOf(actor));
    const ended = await setPassword(tx, before, password, { temporary, keepSessionTokenHash: null });
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: id,
        after: { unlocked: true, temporary, endedSessions: ended },
      },
      now,
    );
    await noteAccountChange(
      tx,
      actor,
      { kind: 'reset_password', user: { ...before, mustChangePassword: temporary } },
      now,
    );
  });
}

/** The holder changes their own password with the current one; their other sessions end (#10.5). */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionTokenHash: string | null },
  now: Date,
) {
  if (!actor.id) throw notFound('用户不存在');
  const actorId = actor.id;
  await db.transaction(async (tx) => {
    const row = await findUserByIdForUpdate(tx, actorId);
    if (!row) throw notFound('用户不存在');
    if (!(await verifyPassword(row.passwordHash, input.currentPassword)))
      throw unprocessable('WRONG_PASSWORD', '当前密码不正确');
    const ended = await setPassword(tx, row, input.newPassword, {
      temporary: false,
      keepSessionTokenHash: input.keepSessionTokenHash,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'user.change_password', entityType: 'user', entityId: row.id, after: { endedOtherSessions: ended } },
      now,
    );
  });
}

/** #9: the admin's explicit 解锁 for a locked business account (audited, listed for the auditor). */
export async function unlockUser(db: Db, actor: Actor, id: number, now: Date) {
  requirePermission(actor, 'users.manage');
  await db.transaction(async (tx) => {
    const row = await findUserByIdForUpdate(tx, id);
    if (!row) throw notFound('用户不存在');
    assertAdminMayManage(actor, row.role);
    const [lockedUntil] = (await lockedUntilByUsername(tx, [row.username], now)).values();
    if (!lockedUntil) throw conflict('该账号当前未被锁定', 'NOT_LOCKED');
    await clearLoginFailures(tx, row.username);
    await recordAudit(
      tx,
      actor,
      { action: 'user.unlock', entityType: 'user', entityId: id, before: { lockedUntil } },
      now,
    );
    await noteAccountChange(tx, actor, { kind: 'unlock', user: row }, now);
  });
}

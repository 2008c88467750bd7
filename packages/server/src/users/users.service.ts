import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { passwordProblems, roleNeedsPlatform, type PlatformKey, type Role } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, SYSTEM_ACTOR, type Actor } from '../platform/actor.ts';
import { conflict, notFound, staleRevision, unprocessable } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/db-errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { users } from './users.table.ts';
import { countUsers, findUserById, findUserByUsername, listUsers, type UserRow } from './users.repository.ts';

/** What the API shows of a user: never the hash or the failure counter. */
export function publicUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    platformKey: row.platformKey as PlatformKey | null,
    disabled: row.disabled,
    lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    revision: row.revision,
  };
}

/** What the audit trail keeps of a user. */
const auditedUser = (row: UserRow) => {
  const { lockedUntil: _locked, failedLogins: _failed, passwordHash: _hash, ...rest } = row;
  return rest;
};

function assertPassword(password: string): void {
  const problems = passwordProblems(password);
  if (problems.length > 0) throw unprocessable('WEAK_PASSWORD', `密码不符合要求：${problems.join('；')}`, problems);
}

/** A platform user needs its one platform; the other roles have none (POLICY.md actors). */
function platformFor(role: Role, platformKey: PlatformKey | null | undefined): PlatformKey | null {
  if (roleNeedsPlatform(role)) {
    if (!platformKey) throw unprocessable('PLATFORM_REQUIRED', '平台管委会用户必须指定所属平台');
    return platformKey;
  }
  if (platformKey) throw unprocessable('PLATFORM_NOT_ALLOWED', '只有平台管委会用户可以指定所属平台');
  return null;
}

export type NewUser = { username: string; password: string; displayName: string; role: Role; platformKey?: PlatformKey | null };

export async function createUser(db: Db, actor: Actor, input: NewUser, now: Date) {
  requirePermission(actor, 'users.manage');
  assertPassword(input.password);
  const platformKey = platformFor(input.role, input.platformKey);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ username: input.username, passwordHash, displayName: input.displayName, role: input.role, platformKey, createdAt: now })
        .returning();
      await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row!.id, after: auditedUser(row!) }, now);
      return publicUser(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`用户名“${input.username}”已被使用`, 'USERNAME_TAKEN');
    throw error;
  }
}

export type UserUpdate = { displayName: string; role: Role; platformKey?: PlatformKey | null; disabled: boolean; revision: number };

export async function updateUser(db: Db, actor: Actor, id: number, input: UserUpdate, now: Date) {
  requirePermission(actor, 'users.manage');
  const platformKey = platformFor(input.role, input.platformKey);
  if (actor.id === id && (input.disabled || input.role !== 'admin')) {
    throw unprocessable('SELF_LOCKOUT', '不能停用自己的账号或取消自己的管理员角色');
  }
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw notFound('用户不存在');
    const [after] = await tx
      .update(users)
      .set({ displayName: input.displayName, role: input.role, platformKey, disabled: input.disabled, revision: before.revision + 1 })
      .where(and(eq(users.id, id), eq(users.revision, input.revision)))
      .returning();
    if (!after) throw staleRevision('该用户');
    // Sessions read the user afresh on every request, so a new role, platform or disabling applies at once.
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, before: auditedUser(before), after: auditedUser(after) }, now);
    return publicUser(after);
  });
}

export async function resetPassword(db: Db, actor: Actor, id: number, password: string, now: Date) {
  requirePermission(actor, 'users.manage');
  assertPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw notFound('用户不存在');
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, revision: before.revision + 1 })
      .where(eq(users.id, id));
    await recordAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: id, after: { unlocked: true } }, now);
  });
}

export async function changeOwnPassword(db: Db, actor: Actor, currentPassword: string, newPassword: string, now: Date) {
  const row = actor.id ? await findUserById(db, actor.id) : undefined;
  if (!row) throw notFound('用户不存在');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw unprocessable('WRONG_PASSWORD', '当前密码不正确');
  }
  assertPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, revision: row.revision + 1 }).where(eq(users.id, row.id));
    await recordAudit(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: row.id }, now);
  });
}

export async function listUsersPage(db: Db, actor: Actor, page: number, pageSize: number) {
  requirePermission(actor, 'users.manage');
  const { rows, total } = await listUsers(db, page, pageSize);
  return { items: rows.map(publicUser), total, page, pageSize };
}

/**
 * First start of an empty database: creates `admin` with PGS_ADMIN_PASSWORD, or a random password that is
 * returned so main.ts can print it once.
 */
export async function bootstrapAdmin(db: Db, password: string | null, now: Date): Promise<{ created: boolean; password?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const chosen = password ?? `Pgs-${randomBytes(9).toString('base64url')}1a`;
  await createUser(db, SYSTEM_ACTOR, { username: 'admin', password: chosen, displayName: '系统管理员', role: 'admin' }, now);
  return { created: true, password: password ? undefined : chosen };
}

/** For the auth module: the stored user behind a login name or a session. */
export { findUserByUsername as userByUsername, findUserById as userById } from './users.repository.ts';

/** The actor a named account acts as, for work done in its name without a request (the demo seed); undefined if none. */
export async function actorOfUsername(db: Db, username: string): Promise<Actor | undefined> {
  const user = await findUserByUsername(db, username);
  if (!user) return undefined;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Actor['role'], platformKey: user.platformKey as PlatformKey | null };
}

/** For the auth module: a failed or successful login updates the lockout state (its own write, audited by auth). */
export async function setLoginState(db: Db, id: number, state: { failedLogins: number; lockedUntil: Date | null }) {
  await db.update(users).set(state).where(eq(users.id, id));
}


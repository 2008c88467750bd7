import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  adminMayManage,
  PRIVILEGED_ACCOUNT_MESSAGE,
  roleNeedsPlatform,
  type PasswordSetter,
  type PlatformKey,
  type Role,
} from '@pgs/domain';
import { passwordProblems } from '@pgs/domain/platform/password-check';
import type { Db } from '../platform/db.ts';
import { requirePermission, SYSTEM_ACTOR, type Actor } from '../platform/actor.ts';
import { AppError, conflict, notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/db-errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.service.ts';
import { lockedUntilByUsername } from '../auth/lockout.service.ts';
import { users } from './users.table.ts';
import { countUsers, findUserById, findUserByUsername, listUsers, type UserRow } from './users.repository.ts';
import { noteAccountChange } from './account-changes.service.ts';
import { OPERATOR_ACTOR } from './operator.ts';
import { signalChange } from '../platform/change-signals.ts';

/** What the API shows of a user: never the hash or the password history. */
export function publicUser(row: UserRow, lockedUntil: Date | null = null) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    platformKey: row.platformKey,
    disabled: row.disabled,
    lockedUntil: lockedUntil ? lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    mustChangePassword: row.mustChangePassword,
  };
}

/** What the audit trail keeps of a user. */
export const auditedUser = (row: UserRow) => {
  const { passwordHash: _hash, passwordHistory: _history, ...rest } = row;
  return rest;
};

/** #10.10: the full policy (shape, user name, common and public passwords, reuse), as a 422 with every reason. */
export function assertPassword(password: string, context: { username: string; isReused?: boolean }): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) throw unprocessable('WEAK_PASSWORD', `密码不符合要求：${problems.join('；')}`, problems);
}

/** Who set a password, from who acts: the admin and the operator set temporary ones; seeding does not. */
export function passwordSetterOf(actor: Actor): PasswordSetter {
  if (actor.role !== 'system') return actor.role === 'admin' ? 'admin' : 'self';
  return actor.username === OPERATOR_ACTOR.username ? 'operator' : 'seed';
}

/** 三员分立 (#10.11): the admin may not touch an admin or auditor account, nor make one. */
export function assertAdminMayManage(actor: Actor, ...roles: Role[]): void {
  if (actor.role === 'admin' && !adminMayManage(...roles))
    throw new AppError(403, 'PRIVILEGED_ACCOUNT', PRIVILEGED_ACCOUNT_MESSAGE);
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

export type NewUser = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  platformKey?: PlatformKey | null;
};

/**
 * A new account. The admin creates business accounts only, with a temporary password (#10.11); the operator
 * creates any; seeding (bootstrap admin, demo accounts) is not checked against the password policy — the
 * bootstrap password is checked by config.ts, and the demo password is public on purpose.
 */
export async function createUser(db: Db, actor: Actor, input: NewUser, now: Date) {
  requirePermission(actor, 'users.manage');
  assertAdminMayManage(actor, input.role);
  const setter = passwordSetterOf(actor);
  if (setter !== 'seed') assertPassword(input.password, { username: input.username });
  const platformKey = platformFor(input.role, input.platformKey);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          passwordHash,
          displayName: input.displayName,
          role: input.role,
          platformKey,
          createdAt: now,
          mustChangePassword: setter === 'admin' || setter === 'operator',
        })
        .returning();
      await recordAudit(
        tx,
        actor,
        { action: 'user.create', entityType: 'user', entityId: row!.id, after: auditedUser(row!) },
        now,
      );
      if (setter !== 'seed') await noteAccountChange(tx, actor, { kind: 'create', user: row! }, now);
      return publicUser(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`用户名“${input.username}”已被使用`, 'USERNAME_TAKEN');
    throw error;
  }
}

export type UserUpdate = {
  displayName: string;
  role: Role;
  platformKey?: PlatformKey | null;
  disabled: boolean;
  version: number;
};

export async function updateUser(db: Db, actor: Actor, id: number, input: UserUpdate, now: Date) {
  requirePermission(actor, 'users.manage');
  const platformKey = platformFor(input.role, input.platformKey);
  if (actor.id === id && (input.disabled || input.role !== 'admin')) {
    throw unprocessable('SELF_LOCKOUT', '不能停用自己的账号或取消自己的管理员角色');
  }
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw notFound('用户不存在');
    assertAdminMayManage(actor, before.role, input.role);
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        platformKey,
        disabled: input.disabled,
        version: before.version + 1,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!after) throw staleVersion('该用户');
    // Sessions are cached with their user (issue #15): the cache forgets them, so a new role, platform or disabling
    // applies at once here and, by the trigger's NOTIFY, within moments in every other process.
    signalChange('sessions');
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: auditedUser(before),
        after: auditedUser(after),
      },
      now,
    );
    await noteAccountChange(tx, actor, { kind: 'update', user: after, before }, now);
    const [locked] = (await lockedUntilByUsername(tx, [after.username], now)).values();
    return publicUser(after, locked ?? null);
  });
}

export async function listUsersPage(db: Db, actor: Actor, page: number, pageSize: number, now: Date) {
  requirePermission(actor, 'users.manage');
  const { rows, total } = await listUsers(db, page, pageSize);
  const locks = await lockedUntilByUsername(
    db,
    rows.map((row) => row.username),
    now,
  );
  return { items: rows.map((row) => publicUser(row, locks.get(row.username) ?? null)), total, page, pageSize };
}

/** A random password that meets the policy: printed once (bootstrap admin, operator resets). */
export function generatePassword(): string {
  for (;;) {
    const candidate = `Pgs-${randomBytes(12).toString('base64url')}-7a`;
    if (passwordProblems(candidate).length === 0) return candidate;
  }
}

/**
 * First start of an empty database: creates `admin` with PGS_ADMIN_PASSWORD, or a random password that is
 * returned so server.ts can print it once.
 */
export async function bootstrapAdmin(
  db: Db,
  password: string | null,
  now: Date,
): Promise<{ created: boolean; password?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const chosen = password ?? generatePassword();
  await createUser(
    db,
    SYSTEM_ACTOR,
    { username: 'admin', password: chosen, displayName: '系统管理员', role: 'admin' },
    now,
  );
  return { created: true, password: password ? undefined : chosen };
}

/** For the auth module: the stored user behind a login name or a session. */
export { findUserByUsername as userByUsername, findUserById as userById } from './users.repository.ts';
export type { UserRow } from './users.repository.ts';
export { changeOwnPassword, resetPassword, unlockUser } from './user-passwords.service.ts';

/** The actor a named account acts as, for work done in its name without a request (the demo seed); undefined if none. */
export async function actorOfUsername(db: Db, username: string): Promise<Actor | undefined> {
  const user = await findUserByUsername(db, username);
  if (!user) return undefined;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    platformKey: user.platformKey,
  };
}

/** Display names for other modules' answers (they reach the users module through this service only). */
export { displayNamesOf } from './display-names.service.ts';

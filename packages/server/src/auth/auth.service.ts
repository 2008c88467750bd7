import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { afterFailedLogin, isSessionIdle, loginGate, SESSION_IDLE_MINUTES, shanghaiDateTime, type PlatformKey, type Role } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError, unauthorized } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { publicUser, setLoginState, userByUsername } from '../users/users.service.ts';
import { sessionsWithUser } from './sessions.repository.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords.ts';
import { sessions } from './sessions.table.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** last_seen_at is written at most this often, so a busy user does not cost a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码不正确');

export async function login(db: Db, username: string, password: string, now: Date) {
  const user = await userByUsername(db, username);
  if (!user) {
    await verifyPassword(await DUMMY_HASH_PROMISE, password);
    throw invalidCredentials();
  }
  const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, platformKey: user.platformKey as PlatformKey | null };
  const gate = loginGate(user.lockedUntil, now);
  if (!gate.allowed) {
    throw new AppError(429, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${shanghaiDateTime(gate.lockedUntil)}，请稍后再试或联系管理员解锁`);
  }
  if (user.disabled) throw new AppError(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = afterFailedLogin(user.failedLogins, now);
    await db.transaction(async (tx) => {
      await setLoginState(tx, user.id, { failedLogins: next.failedCount, lockedUntil: next.lockedUntil });
      await recordAudit(tx, actor, { action: next.lockedUntil ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id, after: { lockedUntil: next.lockedUntil } }, now);
    });
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await setLoginState(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, lastSeenAt: now });
    await recordAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id }, now);
  });
  return { token, user: publicUser(user) };
}

export async function logout(db: Db, actor: Actor, token: string, now: Date) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id }, now);
  });
}

/** The actor behind a session cookie; 401 when it is unknown, idle for more than 30 minutes, or disabled. */
export async function authenticate(db: Db, token: string, now: Date): Promise<Actor> {
  const tokenHash = hashToken(token);
  // One round trip per request: the session and its user together.
  const [found] = await sessionsWithUser(db, tokenHash);
  if (!found) throw unauthorized('请先登录');
  if (isSessionIdle(found.lastSeenAt, now)) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    throw unauthorized(`超过 ${SESSION_IDLE_MINUTES} 分钟未操作，会话已结束，请重新登录`, 'SESSION_EXPIRED');
  }
  const { user } = found;
  if (user.disabled) throw unauthorized('账号已停用，请联系系统管理员');
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, platformKey: user.platformKey as PlatformKey | null };
}

/** Housekeeping: sessions idle past the limit are removed. */
export async function purgeIdleSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000)));
}

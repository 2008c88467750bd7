import {
  attemptVerdict,
  lockFor,
  lockedMessage,
  MAX_FAILED_LOGINS,
  PASSWORD_CHANGE_REQUIRED_MESSAGE,
  SESSION_END_MESSAGES,
  SESSION_IDLE_MINUTES,
  sessionEnd,
  shanghaiDateTime,
  wrongCredentialsMessage,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError, unauthorized } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { publicUser, userById, userByUsername, type UserRow } from '../users/users.service.ts';
import type { AuthSettings } from '../platform/auth-settings.ts';
import { clearLoginFailures, countLoginAttempt } from './lockout.service.ts';
import {
  deleteSession,
  insertSessionKeepingNewest,
  purgeSessions,
  findSession,
  touchSession,
} from './sessions.repository.ts';
import { purgeFailures } from './login-failures.repository.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords.service.ts';
import { hashToken, newToken } from './session-token.ts';
import { generationOf, perDatabase, ShortLivedCache } from '../platform/change-signals.ts';

/** last_seen_at is written at most this often, so a busy user does not cost a write per request. */
const TOUCH_INTERVAL_MS = 60_000;
/**
 * Issue #15: a session and its user are kept in memory this long, so most requests make no database round trip.
 * A logout, a revocation or a change of the user moves the 'sessions' generation at once in this process and, by the
 * triggers' NOTIFY, in every process on the same PostgreSQL; this life only bounds the case of a lost notification.
 */
const SESSION_CACHE_MS = 5_000;

/** A session with its user, as the cache keeps it (the user read through the users service). */
type SessionWithUser = { tokenHash: string; createdAt: Date; lastSeenAt: Date; user: UserRow };
/**
 * Keyed by the cookie's token itself, with its hash in the entry: a request then finds its session without hashing
 * the cookie (a SHA-256 on every request, issue #15). The hash is what keeps a copy of the sessions table from
 * opening a session; this process reads the token from every request anyway.
 */
const sessionCache = perDatabase<ShortLivedCache<string, SessionWithUser>>(
  () => new ShortLivedCache('sessions', SESSION_CACHE_MS),
);

async function readSession(db: Db, token: string, now: Date): Promise<SessionWithUser | undefined> {
  const generation = generationOf('sessions');
  const tokenHash = hashToken(token);
  // Two lookups by primary key (session, then its user through the users service) on a cache miss only.
  const session = await findSession(db, tokenHash);
  if (!session) return undefined;
  const user = await userById(db, session.userId);
  // The user row cannot be gone while its session exists (ON DELETE CASCADE), except between the two reads.
  if (!user) return undefined;
  const found: SessionWithUser = { tokenHash, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, user };
  sessionCache(db).set(token, found, generation, now);
  return found;
}

const actorOfUser = (user: UserRow): Actor => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  platformKey: user.platformKey,
});
/** Who tried a name that is no account: audited under the name typed (cut to the login form's 64 characters). */
const visitor = (username: string): Actor => ({
  id: null,
  username: username.slice(0, 64),
  displayName: '未登录访客',
  role: 'system',
  platformKey: null,
});

type Failure = {
  reason: 'unknown_user' | 'wrong_password' | 'disabled' | 'locked';
  attempt: number;
  lockedUntil: Date | null;
};

/** #10.4: every failed sign-in is audited, unknown names included, each in a transaction of its own. */
async function auditFailure(db: Db, user: UserRow | undefined, username: string, failure: Failure, now: Date) {
  const action =
    failure.reason === 'locked'
      ? 'auth.login_refused_locked'
      : failure.lockedUntil
        ? 'auth.locked'
        : 'auth.login_failed';
  await db.transaction(async (tx) => {
    await recordAudit(
      tx,
      user ? actorOfUser(user) : visitor(username),
      {
        action,
        entityType: user ? 'user' : 'login_name',
        entityId: user ? user.id : username.slice(0, 64),
        after: { reason: failure.reason, attempt: failure.attempt, lockedUntil: failure.lockedUntil },
      },
      now,
    );
  });
}

export type LoginResult = { token: string; user: ReturnType<typeof publicUser> & { mustChangePassword: boolean } };

/**
 * Sign-in (#10.1, #10.8). The attempt is counted for the name before the password is checked, so however many
 * arrive at once, only the first MAX_FAILED_LOGINS in a row are checked. An unknown name, a wrong password and a
 * disabled account get the same answer until the password is right; only then does a disabled account hear so.
 */
export async function login(
  db: Db,
  settings: AuthSettings,
  username: string,
  password: string,
  now: Date,
): Promise<LoginResult> {
  const counted = await countLoginAttempt(db, username, now);
  const user = await userByUsername(db, username);
  const verdict = attemptVerdict(counted.attempts, false);
  if (!verdict.check) {
    const lockedUntil = counted.lockedUntil ?? lockFor(MAX_FAILED_LOGINS, now)!;
    await auditFailure(db, user, username, { reason: 'locked', attempt: counted.attempts, lockedUntil }, now);
    throw new AppError(429, 'ACCOUNT_LOCKED', lockedMessage(shanghaiDateTime(lockedUntil)));
  }
  // An unknown name costs the same hash check as a known one, so timing tells nothing either.
  const isRight =
    (await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), password)) && user !== undefined;
  if (!isRight) {
    const lockedUntil = verdict.triesLeft === 0 ? counted.lockedUntil : null;
    await auditFailure(
      db,
      user,
      username,
      {
        reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password',
        attempt: counted.attempts,
        lockedUntil,
      },
      now,
    );
    throw new AppError(
      401,
      'INVALID_CREDENTIALS',
      wrongCredentialsMessage(verdict.triesLeft, lockedUntil ? shanghaiDateTime(lockedUntil) : null),
      { triesLeft: verdict.triesLeft },
    );
  }
  if (user.disabled) {
    await db.transaction(async (tx) => {
      await clearLoginFailures(tx, username);
      await recordAudit(
        tx,
        actorOfUser(user),
        { action: 'auth.login_disabled', entityType: 'user', entityId: user.id },
        now,
      );
    });
    throw new AppError(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
  }
  const token = newToken();
  await db.transaction(async (tx) => {
    await clearLoginFailures(tx, username);
    const ended = await insertSessionKeepingNewest(
      tx,
      { tokenHash: hashToken(token), userId: user.id, now },
      settings.maxSessionsPerUser,
    );
    await recordAudit(
      tx,
      actorOfUser(user),
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: ended > 0 ? { endedOldestSessions: ended } : undefined,
      },
      now,
    );
  });
  return { token, user: { ...publicUser(user), mustChangePassword: user.mustChangePassword } };
}

export async function logout(db: Db, actor: Actor, token: string, now: Date) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, hashToken(token));
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id }, now);
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health). */
    public?: boolean;
    /** Open to a session whose temporary password is not yet changed (#10.11): me, logout, the password change. */
    passwordChangeAllowed?: boolean;
  }
}

/** What a route says about sessions whose password must be changed first (#10.11). */
export type SessionRouteConfig = { passwordChangeAllowed?: boolean } | undefined;

/**
 * The actor behind a session cookie; 401 when the session is unknown, idle for more than 30 minutes, past its
 * absolute lifetime (#10.5) or its user disabled; 403 PASSWORD_CHANGE_REQUIRED while a temporary password has not
 * been changed, except on the routes that say `passwordChangeAllowed` (me, logout, the password change).
 */
export async function authenticate(
  db: Db,
  settings: AuthSettings,
  token: string,
  now: Date,
  route?: SessionRouteConfig,
): Promise<Actor> {
  let found = sessionCache(db).get(token, now);
  // A cached session that looks ended is read again: another process may have moved its idle clock since.
  if (found && sessionEnd(found, now, settings.sessionMaxHours)) found = undefined;
  found ??= await readSession(db, token, now);
  if (!found) throw unauthorized('请先登录');
  const { tokenHash } = found;
  const end = sessionEnd(found, now, settings.sessionMaxHours);
  if (end) {
    await deleteSession(db, tokenHash);
    throw unauthorized(SESSION_END_MESSAGES[end](settings.sessionMaxHours), 'SESSION_EXPIRED');
  }
  const { user } = found;
  if (user.disabled) throw unauthorized('账号已停用，请联系系统管理员');
  if (user.mustChangePassword && !route?.passwordChangeAllowed) {
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_REQUIRED_MESSAGE);
  }
  // The idle clock moves at most once a minute per process; the cached copy moves with it.
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    found.lastSeenAt = now;
    await touchSession(db, tokenHash, now);
  }
  return actorOfUser(user);
}

/** Housekeeping: sessions idle or past their lifetime, and lockout rows no longer needed, are removed. */
export async function purgeIdleSessions(db: Db, settings: AuthSettings, now: Date) {
  await purgeSessions(
    db,
    new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000),
    new Date(now.getTime() - settings.sessionMaxHours * 3_600_000),
  );
  await purgeFailures(db, now);
}

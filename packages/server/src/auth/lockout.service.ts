import { isLocked, lockFor, MAX_FAILED_LOGINS, normaliseLoginName } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { clearFailures, countAttempt, locksOf } from './login-failures.repository.ts';

/**
 * The lockout's state per login name (#10.1, #10.8), for the login and for the users module (who is locked,
 * unlock, reset). Kept apart from the users row: unknown names are counted too.
 */
export async function countLoginAttempt(db: Db | Tx, username: string, now: Date) {
  return countAttempt(db, {
    nameKey: normaliseLoginName(username),
    now,
    maxAttempts: MAX_FAILED_LOGINS,
    lockUntil: lockFor(MAX_FAILED_LOGINS, now)!,
  });
}

export async function clearLoginFailures(db: Db | Tx, username: string) {
  await clearFailures(db, normaliseLoginName(username));
}

/** username → end of the lock in force, for the names that are locked at `now`. */
export async function lockedUntilByUsername(db: Db | Tx, usernames: string[], now: Date): Promise<Map<string, Date>> {
  const keys = new Map(usernames.map((name) => [normaliseLoginName(name), name]));
  const rows = await locksOf(db, [...keys.keys()], now);
  const locked = new Map<string, Date>();
  for (const row of rows) {
    if (row.lockedUntil && isLocked(row.lockedUntil, now)) locked.set(keys.get(row.nameKey)!, row.lockedUntil);
  }
  return locked;
}

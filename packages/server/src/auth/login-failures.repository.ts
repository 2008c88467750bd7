import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { loginFailures } from './login-failures.table.ts';

/**
 * Counts one attempt for a login name and answers its number in the row, in one statement (#10.1): parallel
 * attempts are serialised by the row lock of INSERT … ON CONFLICT, so each gets its own number, before any
 * password is checked. The attempt that reaches `maxAttempts` starts the lock (`lockUntil`); a lock that has
 * run out starts the count again at 1.
 */
/** A time as an SQL parameter both drivers read the same way. */
const at = (time: Date) => sql`${time.toISOString()}::timestamptz`;

export async function countAttempt(
  db: Db | Tx,
  input: { nameKey: string; now: Date; maxAttempts: number; lockUntil: Date },
) {
  const { nameKey, now, maxAttempts, lockUntil } = input;
  const expired = sql`(${loginFailures.lockedUntil} IS NOT NULL AND ${loginFailures.lockedUntil} <= ${at(now)})`;
  const next = sql`(CASE WHEN ${expired} THEN 1 ELSE ${loginFailures.attempts} + 1 END)`;
  const [row] = await db
    .insert(loginFailures)
    .values({ nameKey, attempts: 1, lockedUntil: maxAttempts <= 1 ? lockUntil : null, lastAttemptAt: now })
    .onConflictDoUpdate({
      target: loginFailures.nameKey,
      set: {
        attempts: next,
        lockedUntil: sql`CASE WHEN ${loginFailures.lockedUntil} > ${at(now)} THEN ${loginFailures.lockedUntil} WHEN ${next} >= ${maxAttempts} THEN ${at(lockUntil)} ELSE NULL END`,
        lastAttemptAt: now,
      },
    })
    .returning({ attempts: loginFailures.attempts, lockedUntil: loginFailures.lockedUntil });
  return row!;
}

/** A right password, an unlock or a reset: the name starts from zero. */
export async function clearFailures(db: Db | Tx, nameKey: string) {
  await db.delete(loginFailures).where(eq(loginFailures.nameKey, nameKey));
}

/** The locks in force for these names (for the users page). */
export async function locksOf(db: Db | Tx, nameKeys: string[], now: Date) {
  if (nameKeys.length === 0) return [];
  return db
    .select({ nameKey: loginFailures.nameKey, lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(and(inArray(loginFailures.nameKey, nameKeys), sql`${loginFailures.lockedUntil} > ${at(now)}`));
}

/** Housekeeping: rows of run-out locks and of names not tried for a day. */
export async function purgeFailures(db: Db, now: Date) {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  await db.delete(loginFailures).where(or(lt(loginFailures.lockedUntil, now), lt(loginFailures.lastAttemptAt, dayAgo)));
}

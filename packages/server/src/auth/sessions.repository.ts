import { and, desc, eq, lt, ne, notInArray } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { sessions } from './sessions.table.ts';
import { signalChange } from '../platform/change-signals.ts';
import { ADVISORY_LOCKS, lockUntilCommit } from '../platform/advisory-locks.ts';

/** The session of a token (its user is read through the users service: auth does not read the users table). */
export async function findSession(db: Db, tokenHash: string) {
  const [found] = await db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userId: sessions.userId })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash));
  return found;
}

/** Inserts a session and ends the user's oldest ones beyond `keep` (#10.5), in the caller's transaction. */
export async function insertSessionKeepingNewest(
  tx: Tx,
  session: { tokenHash: string; userId: number; now: Date },
  keep: number,
) {
  await lockUntilCommit(tx, ADVISORY_LOCKS.sessionCap, session.userId);
  await tx
    .insert(sessions)
    .values({ tokenHash: session.tokenHash, userId: session.userId, createdAt: session.now, lastSeenAt: session.now });
  const newest = tx
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(eq(sessions.userId, session.userId))
    .orderBy(desc(sessions.seq))
    .limit(keep);
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, session.userId), notInArray(sessions.tokenHash, newest)))
    .returning({ tokenHash: sessions.tokenHash });
  if (ended.length > 0) signalChange('sessions');
  return ended.length;
}

/*
 * Every delete below moves the session cache's generation (auth.service.ts) in this process at once; the trigger of
 * migration 0012 tells the other processes on commit. Moved before the commit too, so a request racing the commit may
 * cache the old row; the NOTIFY after the commit moves the generation again (PGlite: the same, in this process).
 */
export async function deleteSession(db: Db | Tx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  signalChange('sessions');
}

/** Ends every session of a user but the one named (a password change keeps the session that made it). */
export async function deleteSessionsOfUser(db: Db | Tx, userId: number, exceptTokenHash: string | null = null) {
  const condition = exceptTokenHash
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash))
    : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(condition).returning({ tokenHash: sessions.tokenHash });
  signalChange('sessions');
  return ended.length;
}

export async function touchSession(db: Db, tokenHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function purgeSessions(db: Db, idleBefore: Date, createdBefore: Date) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore));
  await db.delete(sessions).where(lt(sessions.createdAt, createdBefore));
  signalChange('sessions');
}

import pg from 'pg';
import { sql } from 'drizzle-orm';
import { connectionOf, type Db, type Tx } from './db.ts';

/**
 * Every PostgreSQL advisory lock the server takes, in one registry, so no two uses share an id by accident. Each is
 * taken with `pg_advisory_xact_lock` inside a transaction and released at its end. The ids are arbitrary constants
 * in one range (7 270 0xx); a lock with a second key (a year) lives in the two-key space of the same id.
 */
export const ADVISORY_LOCKS = {
  /** Serialises audit appends, so each event chains to exactly one predecessor (audit.service.ts). */
  auditChain: 7_270_001,
  /** With the year as second key: imports of one year queue behind each other (exact counts, no lock-order deadlocks). */
  enterpriseYearImport: 7_270_002,
  /** With the year as second key: evaluation runs of one year, one at a time across every process (issue #15). */
  evaluationYearRun: 7_270_003,
  /**
   * With the user id as second key: one user's sign-ins, so the session cap holds under races (sessions.repository.ts).
   * It had 7 270 002 of its own, the year import's id: a sign-in of user 2026 and an import of 2026 queued behind
   * each other.
   */
  sessionCap: 7_270_004,
} as const;

/**
 * Takes the advisory lock `id` (with `second`) until the transaction ends, on PostgreSQL. On PGlite it takes nothing:
 * PGlite is one session in one process (the data dir is locked to it), and a session never waits for an advisory lock
 * it holds, so there the lock orders nothing and costs a statement (issue #15: one statement of every audited write,
 * about a thousand of a first start's demo data).
 */
export async function lockUntilCommit(tx: Tx, id: number, second?: number): Promise<void> {
  if (!(connectionOf(tx) instanceof pg.Client)) return;
  await tx.execute(
    second === undefined
      ? sql`SELECT pg_advisory_xact_lock(${id})`
      : sql`SELECT pg_advisory_xact_lock(${id}, ${second})`,
  );
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `job` while holding the lock `id` with `second` (a year): two processes on the same PostgreSQL never run it
 * at once — the second waits for the first, as two in one process do. On PostgreSQL the lock is an advisory lock in a
 * transaction of its own that does nothing else (the job's queries use other connections of the pool); PGlite is one
 * process and one connection, so the queue in this process is the whole lock there.
 */
export async function oneAtATime<T>(db: Db, id: number, second: number, job: () => Promise<T>): Promise<T> {
  const key = `${id}:${second}`;
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => (isPostgresPool(db) ? underLock(db, id, second, job) : job()));
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

async function underLock<T>(db: Db, id: number, second: number, job: () => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockUntilCommit(tx, id, second);
    return job();
  });
}

const isPostgresPool = (db: Db) => (db as unknown as { $client?: unknown }).$client instanceof pg.Pool;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './db.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { ADVISORY_LOCKS, lockUntilCommit } from './advisory-locks.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/**
 * How many holders this two-key lock has in this database. pg_locks lists the whole server's locks, and other test
 * files run beside this one on the same PostgreSQL, taking their own (the audit chain's, the session cap's).
 */
const advisoryLocksHeld = async (db: Database['db'], id: number, second: number) => {
  const result = (await db.execute(sql`SELECT count(*)::int AS n FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND classid = ${id} AND objid = ${second} AND objsubid = 2
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)) as {
    rows: Array<{ n: number }>;
  };
  return result.rows[0]!.n;
};

/** Whether another connection could take the two-key lock now (it is released at once if it could). */
const freeElsewhere = async (db: Database['db'], id: number, second: number) => {
  const result = (await db.execute(sql`SELECT pg_try_advisory_lock(${id}, ${second}) AS taken`)) as {
    rows: Array<{ taken: boolean }>;
  };
  if (result.rows[0]!.taken) await db.execute(sql`SELECT pg_advisory_unlock(${id}, ${second})`);
  return result.rows[0]!.taken;
};

describe('lockUntilCommit (issue #15)', () => {
  it('holds the lock until the transaction ends on PostgreSQL, and sends nothing on PGlite', async () => {
    const { db } = database;
    const id = ADVISORY_LOCKS.enterpriseYearImport;
    const during = await db.transaction(async (tx) => {
      await lockUntilCommit(tx, id, 2026);
      return {
        heldHere: await advisoryLocksHeld(tx, id, 2026),
        freeElsewhere: database.driver === 'postgres' ? await freeElsewhere(db, id, 2026) : null,
      };
    });
    if (database.driver === 'postgres') {
      expect(during).toEqual({ heldHere: 1, freeElsewhere: false });
      expect(await freeElsewhere(db, id, 2026)).toBe(true);
    } else {
      // One session in one process: the lock would order nothing, so no statement is spent on it.
      expect(during).toEqual({ heldHere: 0, freeElsewhere: null });
    }
    expect(await advisoryLocksHeld(db, id, 2026)).toBe(0);
  });

  it('gives every lock of the registry an id of its own', () => {
    const ids = Object.values(ADVISORY_LOCKS);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

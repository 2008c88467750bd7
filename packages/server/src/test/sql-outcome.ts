import type { SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import { sqlState } from '../platform/db-errors.ts';

/**
 * The SQLSTATE a database write failed with, or null when it succeeded: the trigger tests (migrations 0023, 0024)
 * check that a statement is refused with the code a foreign key gave.
 */
export async function sqlFailureOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return sqlState(error) ?? 'no SQLSTATE';
  }
}

/** The number in column `n` of a `SELECT count(*) AS n …`. */
export async function countOf(db: Db, statement: SQL): Promise<number> {
  return Number(((await db.execute(statement)) as { rows: Array<{ n: unknown }> }).rows[0]?.n);
}

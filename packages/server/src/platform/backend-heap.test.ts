import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Database } from './db.ts';
import { createTestDatabase } from '../test/test-database.ts';

/**
 * A statement whose executor memory (a growing string of ~50 kB in blocks under glibc's 128 kB mmap threshold) ends at
 * the top of a fresh backend's heap and is freed at its end: on a backend that trims, every run gives that memory back
 * and faults it in again.
 */
const HEAP_CHURNING_STATEMENT = `SELECT string_agg(md5(n::text), ',') FROM generate_series(1, 1500) AS n`;
const RUNS = 100;

/** Minor page faults of a process so far (field 10 of /proc/<pid>/stat): PostgreSQL runs on this machine in CI. */
function minorFaultsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

async function faultsPerStatement(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]!.pid;
  for (let i = 0; i < 5; i += 1) await client.query(HEAP_CHURNING_STATEMENT);
  const before = minorFaultsOf(pid);
  for (let i = 0; i < RUNS; i += 1) await client.query(HEAP_CHURNING_STATEMENT);
  return (minorFaultsOf(pid) - before) / RUNS;
}

/**
 * Issue #15: the server's PostgreSQL connections keep the heap their statements free (backend-heap.ts), so a statement
 * does not give its memory back to the kernel and fault it in again each time, as a plain connection's backend does.
 */
describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('the PostgreSQL backends of the server pool', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('fault in no fresh memory for a statement that a plain connection’s backend gives back every time', async () => {
    const plain = new pg.Client({ connectionString: database.url! });
    await plain.connect();
    try {
      // The premise: on this machine's glibc a backend left as it starts trims after this statement.
      expect(await faultsPerStatement(plain)).toBeGreaterThan(10);
    } finally {
      await plain.end();
    }
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    const pooled = await pool.connect();
    try {
      expect(await faultsPerStatement(pooled)).toBeLessThan(1);
    } finally {
      pooled.release();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countOf, sqlFailureOf } from '../test/sql-outcome.ts';

/**
 * Migration 0023 (issue #15): evaluation_results and evaluation_rectification keep their `run_id` a run of
 * evaluation_runs through statement triggers instead of foreign keys. They must refuse what the keys refused, with
 * the same SQLSTATE (23503), and let through what the keys let through.
 */
let t: TestApp;
let database: Database;
let runId: number;
const MISSING_RUN = 2_000_000_000;

/** A run row written straight into the table (the rules that make a real one are not what is tested here). */
async function insertRun(): Promise<number> {
  const { rows } = (await database.db.execute(sql`
    INSERT INTO evaluation_runs (year, method, measures, rectification, city_d_share, platforms, counts, sets, status,
      created_at, created_by)
    VALUES (2031, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, 0, '[]'::jsonb, '{}'::jsonb, '{}'::jsonb, 'draft', now(), 'eitc')
    RETURNING id`)) as { rows: Array<{ id: number }> };
  const id = Number(rows[0]?.id);
  if (!Number.isInteger(id) || id <= 0) throw new Error('no run id returned');
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  database = t.database;
  runId = await insertRun();
});
afterAll(() => t?.close());

/** The SQLSTATE the statement failed with, or null when it succeeded. */
const failure = (statement: ReturnType<typeof sql>) => sqlFailureOf(() => database.db.execute(statement));
const count = (statement: ReturnType<typeof sql>) => countOf(database.db, statement);

const resultRow = (run: number, creditCode: string) => sql`
  INSERT INTO evaluation_results (run_id, credit_code, name, platform_key, set, class, base_class, score, rank,
    percentile, set_size, indicators, class_rule)
  VALUES (${run}, ${creditCode}, '触发器测试企业', NULL, 'service', 'T', 'T', NULL, NULL, NULL, 0, '[]'::jsonb, '不定等级（T类）')`;

describe('the rows of a run keep their run (migration 0023)', () => {
  it('refuses a result or a rectification row that names no run, and writes nothing of the statement', async () => {
    expect(await failure(resultRow(MISSING_RUN, '91330300TRIGGER001'))).toBe('23503');
    expect(
      await failure(sql`
        INSERT INTO evaluation_rectification (run_id, credit_code, name, platform_key, class, tax_per_mu, bar, track, reason)
        VALUES (${MISSING_RUN}, '91330300TRIGGER002', '触发器测试企业', NULL, 'D', '1', '2', 'improve', '测试')`),
    ).toBe('23503');
    // One statement with a good row and a bad one: the whole statement is refused, the good row too.
    expect(
      await failure(sql`
        INSERT INTO evaluation_results (run_id, credit_code, name, set, class, base_class, set_size, indicators, class_rule)
        VALUES (${runId}, '91330300TRIGGER003', '好', 'service', 'T', 'T', 0, '[]'::jsonb, '不定等级（T类）'),
               (${MISSING_RUN}, '91330300TRIGGER004', '坏', 'service', 'T', 'T', 0, '[]'::jsonb, '不定等级（T类）')`),
    ).toBe('23503');
    expect(
      await count(sql`SELECT count(*) AS n FROM evaluation_results WHERE credit_code LIKE '91330300TRIGGER%'`),
    ).toBe(0);
  });

  it('accepts rows of an existing run, and refuses to move them to a run that does not exist', async () => {
    expect(await failure(resultRow(runId, '91330300TRIGGER005'))).toBeNull();
    expect(
      await failure(
        sql`UPDATE evaluation_results SET run_id = ${MISSING_RUN} WHERE credit_code = '91330300TRIGGER005'`,
      ),
    ).toBe('23503');
    expect(
      await count(
        sql`SELECT count(*) AS n FROM evaluation_results WHERE credit_code = '91330300TRIGGER005' AND run_id = ${runId}`,
      ),
    ).toBe(1);
  });

  it('refuses to delete a run that has rows, and deletes a run that has none', async () => {
    expect(await failure(sql`DELETE FROM evaluation_runs WHERE id = ${runId}`)).toBe('23503');
    expect(await count(sql`SELECT count(*) AS n FROM evaluation_runs WHERE id = ${runId}`)).toBe(1);

    const empty = await insertRun();
    expect(await failure(sql`DELETE FROM evaluation_runs WHERE id = ${empty}`)).toBeNull();
    expect(await count(sql`SELECT count(*) AS n FROM evaluation_runs WHERE id = ${empty}`)).toBe(0);
  });
});

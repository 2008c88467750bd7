import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db.ts';
import { copyCsv, copyTarget } from '../platform/copy-rows.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { countOf, sqlFailureOf } from '../test/sql-outcome.ts';
import { enterpriseRecords } from './enterprises.table.ts';

/**
 * Migration 0024 (issue #15): enterprise_records keeps its `platform_key` a key of platforms (or NULL) through
 * statement triggers instead of a foreign key. They must refuse what the key refused, with the same SQLSTATE (23503),
 * on INSERT, UPDATE and the import's COPY, and let through what the key let through.
 */
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const execute = (statement: ReturnType<typeof sql>) => () => database.db.execute(statement);
const count = (statement: ReturnType<typeof sql>) => countOf(database.db, statement);

const record = (creditCode: string, platformKey: string | null) => sql`(${creditCode}, 2031, '触发器测试企业',
  ${platformKey}, 'industrial', 'above', true, now(), 'eitc')`;
const insert = (...rows: ReturnType<typeof sql>[]) => sql`
  INSERT INTO enterprise_records (credit_code, year, name, platform_key, kind, scale, producing, imported_at, imported_by)
  VALUES ${sql.join(rows, sql`, `)}`;
const stored = (pattern: string) =>
  count(sql`SELECT count(*) AS n FROM enterprise_records WHERE credit_code LIKE ${pattern}`);

describe('an enterprise record names a platform that exists, or none (migration 0024)', () => {
  it('refuses a record naming an unknown platform, and writes nothing of the statement', async () => {
    expect(await sqlFailureOf(execute(insert(record('91330300PLATFORM01', 'nowhere'))))).toBe('23503');
    // One statement with a good row and a bad one: the whole statement is refused, the good row too.
    expect(
      await sqlFailureOf(
        execute(insert(record('91330300PLATFORM02', 'zhenan'), record('91330300PLATFORM03', 'nowhere'))),
      ),
    ).toBe('23503');
    expect(await stored('91330300PLATFORM0%')).toBe(0);
  });

  it('accepts a platform and none, and refuses to move a record to an unknown platform', async () => {
    expect(
      await sqlFailureOf(execute(insert(record('91330300PLATFORM11', 'hitech'), record('91330300PLATFORM12', null)))),
    ).toBeNull();
    expect(
      await sqlFailureOf(
        execute(sql`UPDATE enterprise_records SET platform_key = 'nowhere' WHERE credit_code = '91330300PLATFORM12'`),
      ),
    ).toBe('23503');
    expect(
      await count(
        sql`SELECT count(*) AS n FROM enterprise_records WHERE credit_code = '91330300PLATFORM12' AND platform_key IS NULL`,
      ),
    ).toBe(1);
  });

  it("refuses a COPY (the import's way in) with a row naming an unknown platform", async () => {
    const target = copyTarget(enterpriseRecords, [
      'creditCode',
      'year',
      'name',
      'platformKey',
      'kind',
      'scale',
      'producing',
      'importedAt',
      'importedBy',
    ]);
    const at = new Date().toISOString();
    const copyOf = (platformKey: string) => () =>
      database.db.transaction(async (tx) => {
        const copy = copyCsv(tx, target);
        await copy.write(`91330300PLATFORM21,2032,"甲",oujiangkou,industrial,above,t,${at},eitc\n`);
        await copy.write(`91330300PLATFORM22,2032,"乙",${platformKey},industrial,above,t,${at},eitc\n`);
        await copy.end();
      });
    expect(await sqlFailureOf(copyOf('nowhere'))).toBe('23503');
    expect(await stored('91330300PLATFORM2%')).toBe(0);
    expect(await sqlFailureOf(copyOf('zhenan'))).toBeNull();
    expect(await stored('91330300PLATFORM2%')).toBe(2);
  });

  it('refuses to delete or rename a platform that records name, and lets one that none names go', async () => {
    await database.db.execute(sql`
      INSERT INTO platforms (key, name, short_name, leading_industries, supporting_services, sort_order)
      VALUES ('trigger_test', '触发器测试平台', '测试', '[]'::jsonb, '[]'::jsonb, 99)`);
    await database.db.execute(insert(record('91330300PLATFORM31', 'trigger_test')));
    expect(await sqlFailureOf(execute(sql`DELETE FROM platforms WHERE key = 'trigger_test'`))).toBe('23503');
    expect(
      await sqlFailureOf(execute(sql`UPDATE platforms SET key = 'trigger_moved' WHERE key = 'trigger_test'`)),
    ).toBe('23503');
    // A change that keeps the key (its name) is not a removal.
    expect(
      await sqlFailureOf(execute(sql`UPDATE platforms SET name = '改名的测试平台' WHERE key = 'trigger_test'`)),
    ).toBeNull();
    expect(await count(sql`SELECT count(*) AS n FROM platforms WHERE key = 'trigger_test'`)).toBe(1);

    await database.db.execute(sql`DELETE FROM enterprise_records WHERE credit_code = '91330300PLATFORM31'`);
    expect(
      await sqlFailureOf(execute(sql`UPDATE platforms SET key = 'trigger_moved' WHERE key = 'trigger_test'`)),
    ).toBeNull();
    expect(await sqlFailureOf(execute(sql`DELETE FROM platforms WHERE key = 'trigger_moved'`))).toBeNull();
    expect(await count(sql`SELECT count(*) AS n FROM platforms WHERE key LIKE 'trigger_%'`)).toBe(0);
  });
});

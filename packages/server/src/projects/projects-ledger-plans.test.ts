import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { projectListQuerySchema } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { openDatabase, type Database } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { ledgerPageStatement, listProjects } from './projects-ledger.service.ts';

/**
 * Issue #15: PostgreSQL plans a named statement again on every execution while its custom plans look cheaper than its
 * generic one, as they always did with the page's LIMIT as a parameter. These run on one connection, whose prepared
 * statements `pg_prepared_statements` lists.
 */
describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('the ledger page on PostgreSQL', () => {
  let t: TestApp;
  let oneConnection: Database;
  let bureau: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    oneConnection = await openDatabase({ url: t.database.url!, dataDir: null, poolSize: 1 });
    bureau = (await actorOfUsername(t.database.db, 'bureau'))!;
  });
  afterAll(async () => {
    await oneConnection.close();
    await t.close();
  });

  const query = (pageSize: number, page = 1) =>
    projectListQuerySchema.parse({ platformKey: 'zhenan', status: 'reported', pageSize, page });
  const page = (pageSize: number, page = 1) => listProjects(oneConnection.db, bureau, query(pageSize, page), t.clock());
  type PreparedStatement = { name: string; statement: string; generic_plans: string; custom_plans: string };
  const statements = async () => {
    const result = (await oneConnection.db.execute(
      sql`SELECT name, statement, generic_plans, custom_plans
          FROM pg_prepared_statements WHERE name LIKE 'pgs_ledger_%_page_%'`,
    )) as { rows: PreparedStatement[] };
    return result.rows.map((row) => ({
      name: row.name,
      text: row.statement,
      generic: Number(row.generic_plans),
      custom: Number(row.custom_plans),
    }));
  };

  it('is planned once for a size the screens ask for, and kept as one statement for any other size', async () => {
    for (let i = 0; i < 12; i += 1) await page(50, 1 + (i % 3));
    const [fifty] = await statements();
    expect(fifty?.name).toMatch(/_page_50$/);
    // PostgreSQL tries five custom plans before it settles on the generic one.
    expect(fifty?.generic).toBeGreaterThanOrEqual(6);
    expect(fifty?.custom).toBeLessThanOrEqual(6);

    // The benchmark times this text straight through pg as "the same SQL" (bench/ledger.bench.ts).
    expect((await ledgerPageStatement(oneConnection.db, bureau, query(50), t.clock())).text).toBe(fifty?.text);

    for (const size of [3, 7, 9, 11]) await page(size);
    const names = (await statements()).map((statement) => statement.name).sort();
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/_page_any$/);
  });
});

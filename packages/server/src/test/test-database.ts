import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../platform/db.ts';
import { useThrowawayAuditKey } from '../audit/audit-settings.ts';
import { adminQuery, databaseUrl, seedTestDatabase, type TestTemplate } from './template-database.ts';

/**
 * A database of the test file's own, migrated and prepared as on a first start in demo mode, so files run in
 * parallel and leave nothing behind: a copy of the run's template (global-setup.ts) — an in-memory PGlite loaded
 * from the template's data dir, or, when the suite runs as `server-postgres`, a database on TEST_DATABASE_URL made
 * with `CREATE DATABASE … TEMPLATE …` and dropped at close. Without a template (a runner without the global setup)
 * it migrates and seeds a fresh one itself, as before.
 */
export async function createTestDatabase(): Promise<Database> {
  // The template was sealed with the test key: writes to the copy must chain under the same one.
  useThrowawayAuditKey();
  const template = inject('pgsTemplate') as TestTemplate | undefined;
  const driver = process.env.PGS_TEST_DRIVER ?? 'pglite';
  if (driver === 'pglite') {
    if (template?.driver === 'pglite') {
      const dump = await readFile(template.dumpFile);
      return openDatabase({ url: null, dataDir: null, loadDataDir: new Blob([dump]) });
    }
    return seeded(await openDatabase({ url: null, dataDir: null }));
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('PGS_TEST_DRIVER=postgres needs TEST_DATABASE_URL');
  const name = `pgs_test_${randomBytes(6).toString('hex')}`;
  const fromTemplate = template?.driver === 'postgres';
  await adminQuery(
    adminUrl,
    fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${template.template}` : `CREATE DATABASE ${name}`,
  );
  const database = await openDatabase({ url: databaseUrl(adminUrl, name), dataDir: null, poolSize: 20 });
  const copy: Database = {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
  return fromTemplate ? copy : seeded(copy);
}

async function seeded(database: Database): Promise<Database> {
  await seedTestDatabase(database);
  return database;
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db.ts';

/**
 * A database of the test file's own, so files run in parallel and leave nothing behind: an in-memory PGlite,
 * or — when the suite runs as `server-postgres` — a fresh database on TEST_DATABASE_URL, dropped at close.
 */
export async function createTestDatabase(): Promise<Database> {
  const driver = process.env.PGS_TEST_DRIVER ?? 'pglite';
  if (driver === 'pglite') return openDatabase({ url: null, dataDir: null });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('PGS_TEST_DRIVER=postgres needs TEST_DATABASE_URL');
  const name = `pgs_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: null, poolSize: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

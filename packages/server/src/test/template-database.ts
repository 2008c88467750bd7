import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db.ts';
import { prepareDatabase } from '../startup.ts';
import { useThrowawayAuditKey } from '../audit/audit-settings.ts';
import { TEST_ADMIN_PASSWORD, TEST_START } from './test-constants.ts';

/**
 * What every server test file starts from: the migrations applied and the database prepared as on a first start in
 * demo mode (platforms, GB/T 4754, the 2018年本 catalogs, admin and the demo accounts). Made ONCE per run by the
 * vitest global setup (global-setup.ts); each file then gets a copy of its own (test-database.ts), instead of
 * migrating and seeding again (≈ 6 s a file on this machine).
 *
 * - PGlite: the data dir as an uncompressed tarball (`dumpDataDir`), loaded by each file (`loadDataDir`).
 * - PostgreSQL: a database each file copies with `CREATE DATABASE … TEMPLATE …`, dropped at the end of the run.
 */
export type PostgresTemplate = { driver: 'postgres'; adminUrl: string; template: string };
export type TestTemplate = { driver: 'pglite'; dumpFile: string } | PostgresTemplate;

/** Migrates and seeds a fresh database the way every test file expects it. */
export async function seedTestDatabase(database: Database): Promise<void> {
  // Seeding audits: the test key every copy's process uses too, so the copies' chains verify.
  useThrowawayAuditKey();
  await prepareDatabase(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demo: true }, TEST_START);
}

export async function makePgliteTemplate(dumpFile: string): Promise<TestTemplate> {
  const database = await openDatabase({ url: null, dataDir: null });
  try {
    await seedTestDatabase(database);
    if (!database.dumpDataDir) throw new Error('PGlite cannot dump its data dir');
    const dump = await database.dumpDataDir();
    await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  return { driver: 'pglite', dumpFile };
}

export async function makePostgresTemplate(adminUrl: string): Promise<PostgresTemplate> {
  const template = `pgs_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  // The template must have no open connection when a file copies it: the pool is closed before any file starts.
  const database = await openDatabase({ url: databaseUrl(adminUrl, template), dataDir: null });
  try {
    await seedTestDatabase(database);
  } finally {
    await database.close();
  }
  return { driver: 'postgres', adminUrl, template };
}

export async function dropPostgresTemplate(template: PostgresTemplate): Promise<void> {
  await adminQuery(template.adminUrl, `DROP DATABASE IF EXISTS ${template.template} WITH (FORCE)`);
}

/** The same server, another database. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on the admin connection (CREATE/DROP DATABASE cannot run inside a transaction or a pool's session). */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

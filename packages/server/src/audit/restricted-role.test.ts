import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../platform/db.ts';
import { prepareDatabase } from '../startup.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { sessionCookie, TEST_ADMIN_PASSWORD } from '../test/test-app.ts';
import { useThrowawayAuditKey } from './audit-settings.ts';
import { verifyChain } from './audit-verify.ts';
import { assertAppendOnlyRole, auditTableRights } from './audit-privileges.ts';
import { restrictedRoleSql } from './restricted-role.ts';

describe('the append-only check at start', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('refuses, with the rights named, a role that owns the audit table (as the test database role does)', async () => {
    expect(await auditTableRights(database.db)).toMatchObject({
      owner: true,
      update: true,
      delete: true,
      truncate: true,
    });
    await expect(assertAppendOnlyRole(database.db)).rejects.toThrow(/只能 SELECT 和 INSERT.*OWNER/);
  });

  it('writes role names into the SQL only when they are plain identifiers', () => {
    expect(restrictedRoleSql({ database: 'pgs', ownerRole: 'pgs_owner', appRole: 'pgs_app' })[0]).toBe(
      'CREATE ROLE "pgs_owner" LOGIN',
    );
    expect(() =>
      restrictedRoleSql({ database: 'pgs', ownerRole: 'x"; DROP TABLE users; --', appRole: 'pgs_app' }),
    ).toThrow('不合法的名称');
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

/**
 * Issue #10: on PostgreSQL the application runs as a role that does not own audit_events and may only read and
 * append to it; the owner role runs the migrations. Roles and database are made here with random names and
 * dropped afterwards.
 */
describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('the restricted application role (PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const roles = { database: `pgs_roles_${suffix}`, ownerRole: `pgs_owner_${suffix}`, appRole: `pgs_app_${suffix}` };
  const urlOf = (user: string) => {
    const url = new URL(adminUrl!);
    url.username = user;
    url.pathname = `/${roles.database}`;
    return url.toString();
  };
  let database: Database;
  let appClient: pg.Client;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${roles.database}`);
    await admin.end();
    const superuser = new pg.Client({ connectionString: urlOf(new URL(adminUrl!).username) });
    await superuser.connect();
    for (const statement of restrictedRoleSql(roles)) await superuser.query(statement);
    await superuser.end();
    // What server.ts does with DATABASE_URL and MIGRATION_DATABASE_URL: migrate as the owner, run as the app role.
    database = await openDatabase({ url: urlOf(roles.appRole), migrationUrl: urlOf(roles.ownerRole), dataDir: null });
    appClient = new pg.Client({ connectionString: urlOf(roles.appRole) });
    await appClient.connect();
  });

  afterAll(async () => {
    await appClient?.end();
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${roles.database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${roles.appRole}`);
    await admin.query(`DROP ROLE IF EXISTS ${roles.ownerRole}`);
    await admin.end();
  });

  it('the tables belong to the owner role, and the app role passes the start check', async () => {
    const owner = (await appClient.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events'`))
      .rows[0] as { tableowner: string };
    expect(owner.tableowner).toBe(roles.ownerRole);
    expect(await auditTableRights(database.db)).toEqual({
      owner: false,
      update: false,
      delete: false,
      truncate: false,
      trigger: false,
    });
    await expect(assertAppendOnlyRole(database.db)).resolves.toBeUndefined();
  });

  it('the app works as that role: first start, sign-in, a user created, each audited and verified', async () => {
    const settings = useThrowawayAuditKey();
    await prepareDatabase(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demo: true }, new Date());
    const app = await buildApp({ database });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: sessionCookie(login) },
        payload: { username: 'roletest', password: 'Strong-Pass-2026', displayName: '角色测试', role: 'leader' },
      });
      expect(created.statusCode).toBe(201);
    } finally {
      await app.close();
    }
    const result = await verifyChain(database.db, settings.key, settings.anchorFile);
    expect(result.intact).toBe(true);
    expect(result.checked).toBeGreaterThan(10);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the trail by privilege, not only by trigger', async () => {
    await expect(appClient.query(`UPDATE audit_events SET actor_name = 'mallory' WHERE seq = 1`)).rejects.toThrow(
      'permission denied for table audit_events',
    );
    await expect(appClient.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(
      'permission denied for table audit_events',
    );
    await expect(appClient.query('TRUNCATE audit_events')).rejects.toThrow('permission denied for table audit_events');
  });

  it('refuses to disable, drop or replace the triggers, or to take the table', async () => {
    await expect(appClient.query('ALTER TABLE audit_events DISABLE TRIGGER ALL')).rejects.toThrow(
      'must be owner of table audit_events',
    );
    await expect(
      appClient.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete'),
    ).rejects.toThrow('must be owner');
    await expect(appClient.query('DROP TRIGGER audit_events_no_update_delete ON audit_events')).rejects.toThrow(
      'must be owner',
    );
    await expect(
      appClient.query(
        'CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
      ),
    ).rejects.toThrow(/must be owner|permission denied for schema public/);
    await expect(appClient.query(`ALTER TABLE audit_events OWNER TO ${roles.appRole}`)).rejects.toThrow(
      'must be owner',
    );
    const rows = await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`);
    expect((rows as { rows: Array<{ n: number }> }).rows[0]!.n).toBeGreaterThan(10);
  });

  it('keeps full rights on the other tables', async () => {
    await expect(
      appClient.query(`UPDATE users SET display_name = display_name WHERE username = 'roletest'`),
    ).resolves.toBeDefined();
  });
});

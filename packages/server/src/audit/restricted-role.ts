/**
 * The SQL that sets up PostgreSQL so the application cannot rewrite its own audit trail (issue #10): an owner role
 * that owns every table and runs the migrations (MIGRATION_DATABASE_URL), and an application role (DATABASE_URL)
 * with the usual rights on every table except audit_events, which it may only read and append to. Without
 * ownership it can neither disable the table's triggers nor drop them. Run as a superuser, connected to the
 * application's database, before its first start (tables that already exist are handed to the owner too).
 * `npm run db:restricted-role` prints it; restricted-role.test.ts runs it.
 */
export type RestrictedRoles = { database: string; ownerRole: string; appRole: string };

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`不合法的名称：${name}（只能用小写字母、数字和下划线）`);
  return `"${name}"`;
}

export function restrictedRoleSql(roles: RestrictedRoles): string[] {
  const database = ident(roles.database);
  const owner = ident(roles.ownerRole);
  const app = ident(roles.appRole);
  return [
    `CREATE ROLE ${owner} LOGIN`,
    `CREATE ROLE ${app} LOGIN`,
    // The owner creates the migrator's own schema (drizzle) and the tables; the app may make temporary tables
    // (imports).
    `GRANT CONNECT, TEMPORARY, CREATE ON DATABASE ${database} TO ${owner}`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${app}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE, CREATE ON SCHEMA public TO ${owner}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // Every table the owner creates from now on: full data rights for the app (migration 0009 and every start
    // check take UPDATE, DELETE and TRUNCATE back on audit_events).
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public ` +
      `GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    // A database that already has PGS's tables (first run as one role): hand them to the owner, grant the same.
    `DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO ${owner}', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON public.%I TO ${app}', t);
  END LOOP;
  IF to_regnamespace('drizzle') IS NOT NULL THEN
    ALTER SCHEMA drizzle OWNER TO ${owner};
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'drizzle' LOOP
      EXECUTE format('ALTER TABLE drizzle.%I OWNER TO ${owner}', t);
    END LOOP;
  END IF;
  IF to_regprocedure('public.audit_events_append_only()') IS NOT NULL THEN
    ALTER FUNCTION public.audit_events_append_only() OWNER TO ${owner};
  END IF;
  IF to_regclass('public.audit_events') IS NOT NULL THEN
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}';
    REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON public.audit_events FROM ${app};
  END IF;
END $$`,
  ];
}

// `npm run -s db:restricted-role -- <database> <owner role> <app role>`: prints the SQL that creates the owner
// role (runs migrations: MIGRATION_DATABASE_URL) and the application role (DATABASE_URL: may only read and
// append to the audit trail). Review it, then run it as a superuser connected to that database, e.g.
//   npm run -s db:restricted-role -- pgs pgs_owner pgs_app | psql -v ON_ERROR_STOP=1 postgres://postgres@db/pgs
// and give both roles passwords (\password pgs_owner, \password pgs_app). See NOTES-audit.md.
import { restrictedRoleSql } from '../audit/restricted-role.ts';

const [database = 'pgs', ownerRole = 'pgs_owner', appRole = 'pgs_app'] = process.argv.slice(2);
try {
  const statements = restrictedRoleSql({ database, ownerRole, appRole });
  console.log(
    `-- PGS: owner role ${ownerRole} (migrations), app role ${appRole} (read and append only on audit_events)`,
  );
  console.log('BEGIN;');
  for (const statement of statements) console.log(`${statement};`);
  console.log('COMMIT;');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

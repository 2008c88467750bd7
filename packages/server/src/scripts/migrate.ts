// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (as MIGRATION_DATABASE_URL's role when set) or the PGlite dir, then stops.
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';

const config = readConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  migrationUrl: config.migrationDatabaseUrl,
});
console.log(`迁移已完成（${database.driver}）`);
await database.close();

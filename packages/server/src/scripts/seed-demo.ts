// `npm run db:seed`: prepares the database as a first start in demo mode would (reference data, catalogs, accounts).
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { prepareDatabase } from '../startup.ts';
import { startAudit } from '../audit/audit-startup.ts';

const config = readConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  migrationUrl: config.migrationDatabaseUrl,
});
const anchoring = await startAudit(database.db, {
  keyFile: config.auditKeyFile,
  anchorFile: config.auditAnchorFile,
  appendOnlyRole: Boolean(config.migrationDatabaseUrl),
  clock: () => new Date(),
});
const prepared = await prepareDatabase(
  database.db,
  { adminPassword: config.adminPassword, demo: true, demoProjects: true, demoTargets: true },
  new Date(),
);
if (prepared.adminPassword) console.log(`已创建管理员 admin，初始密码（只显示这一次）：${prepared.adminPassword}`);
console.log(`演示数据已就绪；新建演示账号：${prepared.demoUsers.join('、') || '无（已存在）'}`);
await anchoring.stop();
await database.close();

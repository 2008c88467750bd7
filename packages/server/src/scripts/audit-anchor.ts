// `npm run audit:anchor`: writes the audit chain's current head to the anchor file now (e.g. from cron, or before a
// backup). The running server anchors on its own after writes, at most once a minute, and on shutdown.
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { readAuditKeyFile } from '../audit/audit-key.ts';
import { anchorAuditHead } from '../audit/audit-anchor.ts';

const config = readConfig();
const key = readAuditKeyFile(config.auditKeyFile);
if (!key) {
  console.error(`找不到审计密钥文件 ${config.auditKeyFile}（PGS_AUDIT_KEY_FILE）。Audit key file not found.`);
  process.exit(1);
}
// PGlite: one process per data dir, so this runs while the server is stopped; PostgreSQL: any time.
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  migrationUrl: config.migrationDatabaseUrl,
});
try {
  const anchor = await anchorAuditHead(database.db, config.auditAnchorFile, key, new Date());
  console.log(
    anchor
      ? `已锚定审计日志序号 ${anchor.seq}（${anchor.hash}）到 ${config.auditAnchorFile}`
      : '审计日志为空，无需锚定',
  );
} finally {
  await database.close();
}

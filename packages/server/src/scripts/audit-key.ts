// `npm run audit:key`: makes the audit key for a database whose trail was written before the chain was keyed
// (migration 0009). Its rows so far keep their plain SHA-256 hashes and are recorded in the key file as such;
// the first keyed row then seals them, and the current head is anchored at once. A fresh database needs none of
// this: the server makes its key on the first start. An existing key is never overwritten.
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { createAuditKeyFile, readAuditKeyFile } from '../audit/audit-key.ts';
import { anchorAuditHead } from '../audit/audit-anchor.ts';
import { countEvents } from '../audit/audit.repository.ts';

const config = readConfig();
if (readAuditKeyFile(config.auditKeyFile)) {
  console.error(
    `审计密钥文件 ${config.auditKeyFile} 已存在，不会覆盖。The audit key file exists and is never overwritten.`,
  );
  process.exit(1);
}
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  migrationUrl: config.migrationDatabaseUrl,
});
try {
  const rows = await countEvents(database.db);
  const key = createAuditKeyFile(config.auditKeyFile, rows);
  await anchorAuditHead(database.db, config.auditAnchorFile, key, new Date());
  console.log(
    `已创建审计密钥 ${config.auditKeyFile}（权限 0600），此前的 ${rows} 条记录按旧方式校验。请立即备份该文件。`,
  );
} finally {
  await database.close();
}

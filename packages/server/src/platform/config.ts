import path from 'node:path';
import { passwordProblems } from '@pgs/domain';

/** Configuration by environment (DESIGN.md "API contract"). Read once at start; nothing else reads process.env. */
export type Config = {
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  adminPassword: string | null;
  demo: boolean;
  /** Where the built web app lives; served at / when present. */
  webRoot: string | null;
  /** Send the session cookie only over HTTPS (set PGS_SECURE_COOKIE=1 behind a TLS proxy). */
  secureCookie: boolean;
  /**
   * PostgreSQL as the role that owns the tables and runs the migrations, when the application itself connects
   * (DATABASE_URL) as a role that may only read and append to the audit trail (restricted-role.ts).
   */
  migrationDatabaseUrl: string | null;
  /** The audit chain's HMAC key, kept outside the database (created, mode 0600, on the first start of an empty trail). */
  auditKeyFile: string;
  /** Where the head of the audit chain is anchored (appended lines); the operator keeps and backs it up. */
  auditAnchorFile: string;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT 不是合法端口：${env.PORT}`);
  const adminPassword = env.PGS_ADMIN_PASSWORD || null;
  if (adminPassword) {
    const problems = passwordProblems(adminPassword);
    // D18: a weak bootstrap password stops the start with the reason, rather than creating a weak admin.
    if (problems.length > 0) throw new ConfigError(`PGS_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}`);
  }
  const databaseUrl = env.DATABASE_URL || null;
  const dataDir = env.PGS_DATA_DIR || './data';
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL || null;
  if (migrationDatabaseUrl && !databaseUrl) throw new ConfigError('设置了 MIGRATION_DATABASE_URL 却没有设置 DATABASE_URL：两者都指向同一个 PostgreSQL 数据库');
  // PGlite keeps the key beside its data; on PostgreSQL the database lives elsewhere, so ./data of the server.
  const auditKeyFile = env.PGS_AUDIT_KEY_FILE || path.join(databaseUrl ? './data' : dataDir, 'audit.key');
  const auditAnchorFile = env.PGS_AUDIT_ANCHOR_FILE || path.join(path.dirname(auditKeyFile), 'audit-anchors.jsonl');
  return {
    databaseUrl,
    dataDir,
    host: env.HOST || '127.0.0.1',
    port,
    adminPassword,
    demo: env.PGS_DEMO === '1',
    webRoot: env.PGS_WEB_ROOT ?? null,
    secureCookie: env.PGS_SECURE_COOKIE === '1',
    migrationDatabaseUrl,
    auditKeyFile,
    auditAnchorFile,
  };
}

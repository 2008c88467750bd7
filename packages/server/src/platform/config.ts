import path from 'node:path';
import { DEFAULT_CATALOG_HORIZON_MONTHS } from '@pgs/domain';
import { passwordProblems } from '@pgs/domain/platform/password-check';
import { DEFAULT_DEADLINES } from './request-deadlines.ts';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth-settings.ts';

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
  /** Issue #10.2 / #10.9 HTTP settings (see HttpSettings). */
  http: HttpSettings;
  /** Session lifetime and cap, login rate limits (#10.5, #10.8). */
  auth: AuthSettings;
  /**
   * PostgreSQL as the role that owns the tables and runs the migrations, when the application itself connects
   * (DATABASE_URL) as a role that may only read and append to the audit trail (restricted-role.ts).
   */
  migrationDatabaseUrl: string | null;
  /** The audit chain's HMAC key, kept outside the database (created, mode 0600, on the first start of an empty trail). */
  auditKeyFile: string;
  /** Where the head of the audit chain is anchored (appended lines); the operator keeps and backs it up. */
  auditAnchorFile: string;

  // Logging (platform/log.ts): warnings and errors are always logged.
  /** PGS_LOG=1 also logs every request. */
  logRequests: boolean;
  /**
   * PGS_BUILD_ID, set by `npm start` to a hash of the server bundle it runs: a warm start skips preparing a data dir
   * this very build prepared the same day (startup-marker.ts). Unset (`npm run dev`, tests): always prepared.
   */
  buildId: string | null;
};

// ── HTTP settings (issue #10.2, #10.6, #10.9) ─────────────────────────────────────────────────────────────────────
export type HttpSettings = {
  /** PGS_REQUEST_TIMEOUT_MS (default 10 000): the time every ordinary request has to be received and answered. */
  requestTimeoutMs: number;
  /** PGS_UPLOAD_TIMEOUT_MS (default 60 000): the same for uploads, evaluation runs and Excel exports. */
  uploadTimeoutMs: number;
  /**
   * PGS_TRUST_PROXY: unset → no proxy is trusted; `1`/`true` → the nearest proxy (a hop count is also accepted, e.g.
   * `2`); otherwise a comma-separated list of proxy addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8`). Through a
   * trusted proxy, X-Forwarded-Proto/-Host/-For give the request's scheme, host and client address.
   */
  trustProxy: boolean | number | string[];
  /** PGS_PUBLIC_API_DOCS=1 opens /api/docs to everyone; by default it needs a signed-in user. */
  publicApiDocs: boolean;
  /** PGS_CATALOG_HORIZON_MONTHS (default 12): how far ahead a published catalog may take effect. */
  catalogHorizonMonths: number;
};

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  ...DEFAULT_DEADLINES,
  trustProxy: false,
  publicApiDocs: false,
  catalogHorizonMonths: DEFAULT_CATALOG_HORIZON_MONTHS,
};

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(raw) || Number(raw) > max) throw new ConfigError(`${name} 应为正整数（1–${max}）：${raw}`);
  return Number(raw);
}

function trustProxyOf(raw: string | undefined): HttpSettings['trustProxy'] {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^[1-9][0-9]?$/.test(raw)) return Number(raw);
  const list = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (
    list.some(
      (part) =>
        !/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(part) && !['loopback', 'linklocal', 'uniquelocal'].includes(part),
    )
  ) {
    throw new ConfigError(`PGS_TRUST_PROXY 应为 1、跳数或以逗号分隔的代理地址/网段：${raw}`);
  }
  return list;
}

export function readHttpSettings(env: NodeJS.ProcessEnv = process.env): HttpSettings {
  const requestTimeoutMs = positiveInteger(
    env,
    'PGS_REQUEST_TIMEOUT_MS',
    DEFAULT_HTTP_SETTINGS.requestTimeoutMs,
    3_600_000,
  );
  const uploadTimeoutMs = positiveInteger(
    env,
    'PGS_UPLOAD_TIMEOUT_MS',
    DEFAULT_HTTP_SETTINGS.uploadTimeoutMs,
    3_600_000,
  );
  if (uploadTimeoutMs < requestTimeoutMs)
    throw new ConfigError('PGS_UPLOAD_TIMEOUT_MS 不能小于 PGS_REQUEST_TIMEOUT_MS');
  return {
    requestTimeoutMs,
    uploadTimeoutMs,
    trustProxy: trustProxyOf(env.PGS_TRUST_PROXY),
    publicApiDocs: env.PGS_PUBLIC_API_DOCS === '1',
    catalogHorizonMonths: positiveInteger(
      env,
      'PGS_CATALOG_HORIZON_MONTHS',
      DEFAULT_HTTP_SETTINGS.catalogHorizonMonths,
      120,
    ),
  };
}
// ── end of HTTP settings ──────────────────────────────────────────────────────────────────────────────────────────

export class ConfigError extends Error {}

function readAuthSettings(env: NodeJS.ProcessEnv): AuthSettings {
  const defaults = DEFAULT_AUTH_SETTINGS;
  return {
    sessionMaxHours: positiveInteger(env, 'PGS_SESSION_MAX_HOURS', defaults.sessionMaxHours, 1_000_000),
    maxSessionsPerUser: positiveInteger(env, 'PGS_MAX_SESSIONS', defaults.maxSessionsPerUser, 1_000_000),
    loginRateLimit: {
      perAddress: positiveInteger(env, 'PGS_LOGIN_RATE_PER_ADDRESS', defaults.loginRateLimit.perAddress, 1_000_000),
      perName: positiveInteger(env, 'PGS_LOGIN_RATE_PER_NAME', defaults.loginRateLimit.perName, 1_000_000),
      windowSeconds: positiveInteger(
        env,
        'PGS_LOGIN_RATE_WINDOW_SECONDS',
        defaults.loginRateLimit.windowSeconds,
        1_000_000,
      ),
    },
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT 不是合法端口：${env.PORT}`);
  const adminPassword = env.PGS_ADMIN_PASSWORD || null;
  if (adminPassword) {
    const problems = passwordProblems(adminPassword, { username: 'admin' });
    // D18: a weak bootstrap password stops the start with the reason, rather than creating a weak admin.
    if (problems.length > 0) throw new ConfigError(`PGS_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}`);
  }
  const databaseUrl = env.DATABASE_URL || null;
  const dataDir = env.PGS_DATA_DIR || './data';
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL || null;
  if (migrationDatabaseUrl && !databaseUrl)
    throw new ConfigError('设置了 MIGRATION_DATABASE_URL 却没有设置 DATABASE_URL：两者都指向同一个 PostgreSQL 数据库');
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
    http: readHttpSettings(env),
    auth: readAuthSettings(env),
    migrationDatabaseUrl,
    auditKeyFile,
    auditAnchorFile,

    logRequests: env.PGS_LOG === '1',
    buildId: env.PGS_BUILD_ID || null,
  };
}

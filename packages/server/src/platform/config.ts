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

  // Logging (platform/log.ts): warnings and errors are always logged.
  /** PGS_LOG=1 also logs every request. */
  logRequests: boolean;
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
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.PGS_DATA_DIR || './data',
    host: env.HOST || '127.0.0.1',
    port,
    adminPassword,
    demo: env.PGS_DEMO === '1',
    webRoot: env.PGS_WEB_ROOT ?? null,
    secureCookie: env.PGS_SECURE_COOKIE === '1',

    logRequests: env.PGS_LOG === '1',
  };
}

import { passwordProblems } from '@pgs/domain/platform/password-check';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../auth/auth-settings.ts';

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
  /** Session lifetime and cap, login rate limits (#10.5, #10.8). */
  auth: AuthSettings;
};

export class ConfigError extends Error {}

/** A whole number ≥ 1 from the environment, or the default when unset. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} 应为正整数：${raw}`);
  return value;
}

function readAuthSettings(env: NodeJS.ProcessEnv): AuthSettings {
  const defaults = DEFAULT_AUTH_SETTINGS;
  return {
    sessionMaxHours: positiveInteger(env, 'PGS_SESSION_MAX_HOURS', defaults.sessionMaxHours),
    maxSessionsPerUser: positiveInteger(env, 'PGS_MAX_SESSIONS', defaults.maxSessionsPerUser),
    loginRateLimit: {
      perAddress: positiveInteger(env, 'PGS_LOGIN_RATE_PER_ADDRESS', defaults.loginRateLimit.perAddress),
      perName: positiveInteger(env, 'PGS_LOGIN_RATE_PER_NAME', defaults.loginRateLimit.perName),
      windowSeconds: positiveInteger(env, 'PGS_LOGIN_RATE_WINDOW_SECONDS', defaults.loginRateLimit.windowSeconds),
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
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.PGS_DATA_DIR || './data',
    host: env.HOST || '127.0.0.1',
    port,
    adminPassword,
    demo: env.PGS_DEMO === '1',
    webRoot: env.PGS_WEB_ROOT ?? null,
    secureCookie: env.PGS_SECURE_COOKIE === '1',
    auth: readAuthSettings(env),
  };
}

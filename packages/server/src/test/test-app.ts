import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';
import type { Database } from '../platform/db.ts';
import { DEMO_PASSWORD } from '../demo/demo-users.ts';
import { SESSION_COOKIE } from '../platform/http.ts';
import { createTestDatabase } from './test-database.ts';
import { openDatabase } from '../platform/db.ts';
import { useThrowawayAuditKey } from '../audit/audit-settings.ts';
import { createLogger } from '../platform/log.ts';
import { TEST_ADMIN_PASSWORD, TEST_START } from './test-constants.ts';

/** Tests sign in far more often than people: the login rate limits are tested with their own settings (auth/login-rate-limit.test.ts). */
const TEST_LOGIN_RATE_LIMIT = { perAddress: 100_000, perName: 100_000, windowSeconds: 60 };
export { DEMO_PASSWORD, TEST_ADMIN_PASSWORD };

/** A clock the test moves by hand (idle sessions, lockouts, effective dates). */
export function manualClock(start = TEST_START) {
  let now = start.getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advanceMinutes: (minutes: number) => {
      now += minutes * 60_000;
    },
    set: (instant: Date) => {
      now = instant.getTime();
    },
  });
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  clock: ReturnType<typeof manualClock>;
  /** Logs in (demo users share DEMO_PASSWORD; `admin` has TEST_ADMIN_PASSWORD) and returns the cookie header. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
};

/**
 * The whole app on a database of this test file's own, prepared as on a first start in demo mode at TEST_START (a
 * copy of the run's template database: test-database.ts).
 */
export async function createTestApp(options: Pick<AppOptions, 'auth' | 'notices'> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  useThrowawayAuditKey();
  const clock = manualClock();
  // Tests refuse bad imports and runs on purpose: their failed-job warnings would bury the output, so a test app
  // logs errors (every 5xx) only. logging.test.ts checks the warnings themselves.
  const log = createLogger({ logRequests: false });
  log.level = 'error';
  const app = await buildApp({ database, clock, log, auth: { loginRateLimit: TEST_LOGIN_RATE_LIMIT }, ...options });
  return {
    app,
    database,
    clock,
    async login(username) {
      const password = username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD;
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      return sessionCookie(response);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Issue #15: a second server on the same PostgreSQL database as `first` (its own pool, its own LISTEN connection and
 * its own Fastify app, on the same clock), as a second process of a deployment would be. PostgreSQL only.
 */
export async function createSecondApp(first: TestApp): Promise<TestApp> {
  if (!first.database.url) throw new Error('a second server needs PostgreSQL (TEST_DATABASE_URL)');
  const database = await openDatabase({ url: first.database.url, dataDir: null, poolSize: 5 });
  const log = createLogger({ logRequests: false });
  log.level = 'error';
  const app = await buildApp({ database, clock: first.clock, log, auth: { loginRateLimit: TEST_LOGIN_RATE_LIMIT } });
  return {
    app,
    database,
    clock: first.clock,
    async login(username) {
      const password = username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD;
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      return sessionCookie(response);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return `${SESSION_COOKIE}=${cookie.value}`;
}

import type { Clock } from './actor.ts';
import type { Db, DatabaseDriver } from './db.ts';
import type { ProgressBoard } from './progress-board.ts';
import type { AuthSettings } from './auth-settings.ts';

/** What every module's routes get: plain arguments, no container (STYLE.md, papra). */
export type AppContext = {
  db: Db;
  driver: DatabaseDriver;
  clock: Clock;
  /** The session cookie's Secure flag: always (PGS_SECURE_COOKIE=1), or 'auto' = when the request came over HTTPS. */
  secureCookie: boolean | 'auto';
  /** Long jobs' progress, polled by the pages (evaluation runs). */
  progress: ProgressBoard;
  /** Issue #10.6: how many months ahead a published catalog may take effect (PGS_CATALOG_HORIZON_MONTHS). */
  catalogHorizonMonths: number;
  /** Session lifetime, session cap and login rate limits (#10.5, #10.8). */
  auth: AuthSettings;
};

import type { Clock } from './actor.ts';
import type { Db, DatabaseDriver } from './db.ts';
import type { ProgressBoard } from './progress-board.ts';
import type { AuthSettings } from '../auth/auth-settings.ts';

/** What every module's routes get: plain arguments, no container (STYLE.md, papra). */
export type AppContext = {
  db: Db;
  driver: DatabaseDriver;
  clock: Clock;
  secureCookie: boolean;
  /** Long jobs' progress, polled by the pages (evaluation runs). */
  progress: ProgressBoard;
  /** Session lifetime, session cap and login rate limits (#10.5, #10.8). */
  auth: AuthSettings;
};

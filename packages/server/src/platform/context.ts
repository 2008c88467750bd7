import type { Clock } from './actor.ts';
import type { Db, DatabaseDriver } from './db.ts';
import type { ProgressBoard } from './progress-board.ts';

/** What every module's routes get: plain arguments, no container (STYLE.md, papra). */
export type AppContext = {
  db: Db;
  driver: DatabaseDriver;
  clock: Clock;
  secureCookie: boolean;
  /** Long jobs' progress, polled by the pages (evaluation runs). */
  progress: ProgressBoard;
};

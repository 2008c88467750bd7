import type { Clock } from './actor.ts';
import type { Db, DatabaseDriver } from './db.ts';

/** What every module's routes get: plain arguments, no container (STYLE.md, papra). */
export type AppContext = {
  db: Db;
  driver: DatabaseDriver;
  clock: Clock;
  secureCookie: boolean;
};

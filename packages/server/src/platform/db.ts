import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from './log.ts';
import { adoptingParsers } from './pglite-parsers.ts';
import { KEEP_BACKEND_HEAP } from './backend-heap.ts';
import { isInitialised, keepTemplate, pgliteVersion, readTemplate, templateKey } from './pglite-template.ts';

/**
 * One data layer for both drivers (STACK.md gotcha 4). Schema-free: queries name their tables (the modules' `*.table.ts`),
 * nothing uses Drizzle's relational `db.query` API, so platform/ needs no aggregate of every module's tables
 * (that lives in src/schema.ts, for drizzle-kit).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle is used exactly like the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The driver's connection behind a drizzle transaction (drizzle keeps it as `session.client`): a `pg.Client` on PostgreSQL. */
export function connectionOf(tx: Tx): unknown {
  return (tx as unknown as { session: { client: unknown } }).session.client;
}
export type DatabaseDriver = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  driver: DatabaseDriver;
  /** PostgreSQL: where it is, so a second pool (a second server process in the tests) can open the same database. */
  url?: string;
  close(): Promise<void>;
  /** PGlite only: the whole data dir as a tarball, which `openDatabase({ loadDataDir })` opens again (the tests' template). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * LISTEN on `channels` (issue #15: the caches' invalidation across processes). PostgreSQL: one connection of its
   * own, opened again after it drops, with `onReconnect` called then (notifications may have been missed). PGlite:
   * the embedded database's own notifications. Returns the function that stops listening.
   */
  listen?: (
    channels: readonly string[],
    onNotify: (channel: string) => void,
    onReconnect: () => void,
  ) => Promise<() => Promise<void>>;
};

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

export class DataDirInUseError extends Error {}

/** A started PGlite, its parser table complete before drizzle's first query adds to it (pglite-parsers.ts). */
async function startPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<PGlite> {
  const client = new PGlite({ dataDir, loadDataDir });
  await client.waitReady;
  return client;
}

/**
 * Opens PostgreSQL when `url` is given, else embedded PGlite in `dataDir` (`null` = in memory, for tests).
 * PGlite lets only one process use a data dir safely (STACK.md gotcha 2: a second process lost an insert
 * silently), so the dir is locked for the life of the process.
 */
export async function openDatabase(options: {
  url: string | null;
  dataDir: string | null;
  poolSize?: number;
  /** PostgreSQL: run the migrations as this role (the tables' owner) when the app's own role is restricted. */
  migrationUrl?: string | null;
  /** PGlite: start from this data-dir tarball (made by `dumpDataDir`) instead of an empty database. */
  loadDataDir?: Blob;
  /**
   * PGlite: where an initialised, migrated data dir is kept (pglite-template.ts). An empty `dataDir` then starts from
   * it instead of running initdb (issue #15: most of a first start), or is kept there when there is none yet.
   */
  templateCacheDir?: string | null;
  /** Where a warning about the connection goes (the server's logger); the console without one (scripts). */
  log?: Pick<Logger, 'warn'>;
}): Promise<Database> {
  if (options.url) {
    const url = options.url;
    // Migrations run as the tables' owner when MIGRATION_DATABASE_URL names one; the app's own role may then lack DDL rights.
    if (options.migrationUrl) await migrateAsOwner(options.migrationUrl);
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...KEEP_BACKEND_HEAP,
    });
    // An idle connection the server ends (restart, failover, a DROP … WITH (FORCE) after close) must not crash the
    // process: pg drops that client from the pool and the next query opens a new one.
    pool.on('error', (error) => {
      if (options.log) options.log.warn({ err: error }, 'PostgreSQL idle connection ended');
      else console.warn(`PostgreSQL 空闲连接已断开：${error.message}`);
    });
    const db = drizzlePg(pool);
    if (!options.migrationUrl) await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
    return {
      db,
      driver: 'postgres',
      url: options.url,
      close: () => pool.end(),
      listen: (channels, onNotify, onReconnect) => listenOnPostgres(url, channels, onNotify, onReconnect, options.log),
    };
  }
  let release: (() => Promise<void>) | null = null;
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    try {
      release = await lockfile.lock(dataDir, { stale: 15_000, update: 5_000 });
    } catch {
      throw new DataDirInUseError(
        `数据目录 ${dataDir} 正被另一个 PGS 进程使用。同一数据目录只能由一个进程打开：请先停止那个进程，或用 PGS_DATA_DIR 指定其他目录。`,
      );
    }
  }
  // An empty data dir starts from the build's template when there is one, and keeps itself as the template when not.
  const templateCache =
    dataDir && options.templateCacheDir && !options.loadDataDir && !isInitialised(dataDir)
      ? { dir: options.templateCacheDir, key: templateKey(pgliteVersion(), MIGRATIONS_DIR) }
      : null;
  const template = templateCache ? readTemplate(templateCache.dir, templateCache.key) : undefined;
  const held = dataDir && existsSync(dataDir) ? new Set(readdirSync(dataDir)) : new Set<string>();
  let client: PGlite;
  try {
    client = await startPglite(dataDir, options.loadDataDir ?? template);
  } catch (error) {
    if (!template || !dataDir) throw error;
    // A template PGlite could not load must not be opened half-written: take back what it put there, run initdb.
    for (const name of readdirSync(dataDir)) if (!held.has(name)) rmSync(path.join(dataDir, name), { recursive: true });
    client = await startPglite(dataDir, undefined);
  }
  const db = drizzlePglite(adoptingParsers(client));
  await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  if (templateCache && !template)
    await keepTemplate(templateCache.dir, templateCache.key, async () => {
      // Every page on disk, so the template does not start by replaying the write-ahead log.
      await client.exec('CHECKPOINT');
      return client.dumpDataDir('none');
    });
  return {
    db,
    driver: 'pglite',
    dumpDataDir: () => client.dumpDataDir('none'),
    listen: async (channels, onNotify) => {
      const stops = await Promise.all(
        channels.map((channel) =>
          client.listen(channel, () => {
            onNotify(channel);
          }),
        ),
      );
      return async () => {
        if (!client.closed) for (const stop of stops) await stop();
      };
    },
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

async function migrateAsOwner(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await pool.end();
  }
}

/** Waits this long before opening a dropped LISTEN connection again. */
const RELISTEN_MS = 1_000;

async function listenOnPostgres(
  url: string,
  channels: readonly string[],
  onNotify: (channel: string) => void,
  onReconnect: () => void,
  log?: Pick<Logger, 'warn'>,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const open = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      onNotify(message.channel);
    });
    next.on('error', (error) => {
      if (stopped) return;
      if (log) log.warn({ err: error }, 'PostgreSQL LISTEN connection ended');
      client = null;
      void next.end().catch(() => undefined);
      // Until it is back, the caches' short life bounds what this process may miss; after, they start afresh.
      retry ??= setTimeout(() => {
        retry = null;
        open().then(onReconnect, () => next.emit('error', new Error('LISTEN reconnect failed')));
      }, RELISTEN_MS);
    });
    await next.connect();
    for (const channel of channels) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await open();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

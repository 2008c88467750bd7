import { fileURLToPath } from 'node:url';
import { readConfig, ConfigError } from './platform/config.ts';
import { openDatabase, DataDirInUseError } from './platform/db.ts';
import { startAudit } from './audit/audit-startup.ts';
import { AuditKeyError } from './audit/audit-key.ts';
import { prepareDatabaseOnce } from './startup.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Database } from './platform/db.ts';
import { createLogger } from './platform/log.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-users.ts';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** Initialised, migrated PGlite data dirs an empty data dir starts from (platform/pglite-template.ts); a build output. */
const PGLITE_TEMPLATES = fileURLToPath(new URL('../dist/pglite-templates', import.meta.url));

/** What is open so far, closed in reverse order on a signal — also one that arrives while the server is starting. */
const open: { app?: FastifyInstance; database?: Database; anchoring?: { stop(): Promise<void> } } = {};
let stopping = false;
/** Read through a function: a signal may set `stopping` during any await of the start, which narrowing cannot see. */
const isStopping = () => stopping;

async function stop(signal: NodeJS.Signals) {
  if (isStopping()) return;
  stopping = true;
  // A stop that hangs (a request that never ends) must not keep the process alive: give up after 15 s.
  setTimeout(() => {
    console.error(`PGS 未能在 15 秒内正常停止（${signal}），强制退出`);
    process.exit(1);
  }, 15_000).unref();
  try {
    await open.app?.close();
    // A clean stop anchors the chain's head once more, so nothing written before it can be cut unseen.
    await open.anchoring?.stop();
  } finally {
    await open.database?.close();
  }
  process.exit(0);
}

/** The web build `npm start` ran beside the database failed: vite printed why above. */
class WebBuildError extends Error {}

export type RunOptions = {
  /**
   * `npm start` builds the web app in a second process while this one opens and seeds the database (issue #15: the two
   * cores of a first start). The app is built, and its static files listed, only once it has settled; a failed build
   * stops the start cleanly.
   */
  webBuilt?: Promise<void>;
};

/** config → database → app → listen. Stops cleanly on SIGINT/SIGTERM (closing PGlite releases its lock). */
async function start(options: RunOptions) {
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
  const started = performance.now();
  const config = readConfig();
  const log = createLogger({ logRequests: config.logRequests });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    migrationUrl: config.migrationDatabaseUrl,
    templateCacheDir: PGLITE_TEMPLATES,
    log,
  });
  open.database = database;
  // The audit key before the first write (seeding audits too); anchors of the chain's head from here on.
  const anchoring = await startAudit(database.db, {
    keyFile: config.auditKeyFile,
    anchorFile: config.auditAnchorFile,
    appendOnlyRole: Boolean(config.migrationDatabaseUrl),
    clock: () => new Date(),
    onError: (error) => {
      log.error({ err: error }, `审计锚点写入失败：${error.message}`);
    },
  });
  open.anchoring = anchoring;
  const prepared = await prepareDatabaseOnce(
    database.db,
    { dataDir: database.driver === 'pglite' ? config.dataDir : null, buildId: config.buildId },
    { adminPassword: config.adminPassword, demo: config.demo, demoProjects: config.demo, demoTargets: config.demo },
    new Date(),
  );
  if (isStopping()) return;
  await options.webBuilt?.catch((error: unknown) => {
    throw new WebBuildError(error instanceof Error ? error.message : String(error));
  });
  if (isStopping()) return;
  const app = await buildApp({
    database,
    webRoot: config.webRoot ?? DEFAULT_WEB_ROOT,
    secureCookie: config.secureCookie,
    log,
    http: config.http,
    auth: config.auth,
  });
  open.app = app;
  if (isStopping()) return;
  await app.listen({ host: config.host, port: config.port });

  const where = database.driver === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL（DATABASE_URL）';
  console.log(
    `PGS 平台产业管理引导系统已启动：http://${config.host}:${config.port}  数据库：${where}  用时 ${Math.round(performance.now() - started)} ms`,
  );
  console.log(`API 文档：http://${config.host}:${config.port}/api/docs`);
  if (prepared.adminPassword) console.log(`已创建管理员 admin，初始密码（只显示这一次）：${prepared.adminPassword}`);
  if (config.demo) {
    console.log(`演示模式（PGS_DEMO=1）。演示账号，密码均为 ${DEMO_PASSWORD}：`);
    for (const user of DEMO_USERS) console.log(`  ${user.username.padEnd(8)} ${user.displayName}`);
  }
}

/** Runs PGS until a signal stops it; a start that fails prints why, closes what it opened and exits with 1. */
export async function runServer(options: RunOptions = {}): Promise<void> {
  try {
    await start(options);
  } catch (error: unknown) {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirInUseError ||
      error instanceof AuditKeyError ||
      error instanceof WebBuildError
    ) {
      console.error(`PGS 无法启动：${error.message}`);
    } else {
      console.error('PGS 无法启动：', error);
    }
    // The web build can fail after the database was opened: close it, so its lock and its last writes are released.
    await open.database?.close().catch(() => undefined);
    process.exit(1);
  }
}

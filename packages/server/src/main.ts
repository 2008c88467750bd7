import { fileURLToPath } from 'node:url';
import { readConfig, ConfigError } from './platform/config.ts';
import { openDatabase, DataDirInUseError } from './platform/db.ts';
import { prepareDatabase } from './platform/startup.ts';
import { buildApp } from './app.ts';
import { createLogger } from './platform/log.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-users.ts';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** config → database → app → listen. Stops cleanly on SIGINT/SIGTERM (closing PGlite releases its lock). */
async function main() {
  const started = performance.now();
  const config = readConfig();
  const log = createLogger({ logRequests: config.logRequests });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, log });
  const prepared = await prepareDatabase(database.db, { adminPassword: config.adminPassword, demo: config.demo, demoProjects: config.demo }, new Date());
  const app = await buildApp({ database, webRoot: config.webRoot ?? DEFAULT_WEB_ROOT, secureCookie: config.secureCookie, log });
  await app.listen({ host: config.host, port: config.port });

  const where = database.driver === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL（DATABASE_URL）';
  console.log(`PGS 平台产业管理引导系统已启动：http://${config.host}:${config.port}  数据库：${where}  用时 ${Math.round(performance.now() - started)} ms`);
  console.log(`API 文档：http://${config.host}:${config.port}/api/docs`);
  if (prepared.adminPassword) console.log(`已创建管理员 admin，初始密码（只显示这一次）：${prepared.adminPassword}`);
  if (config.demo) {
    console.log(`演示模式（PGS_DEMO=1）。演示账号，密码均为 ${DEMO_PASSWORD}：`);
    for (const user of DEMO_USERS) console.log(`  ${user.username.padEnd(8)} ${user.displayName}`);
  }

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`PGS 无法启动：${error.message}`);
  } else {
    console.error('PGS 无法启动：', error);
  }
  process.exit(1);
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../packages/server/src/app.ts';
import { openDatabase } from '../packages/server/src/platform/db.ts';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-users.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
/** A spread of codes so the run is not one cached answer: classes, groups, divisions, unlisted. */
const CODES = ['3612', '3670', '3823', '3731', '3011', '2720', '8810', '6513', '3841', '3491', '3110', '5920'];

/**
 * Load on a server in this process, from a worker thread: on the server's own thread the load generator took about
 * 7 % of the time the API is measured in (s12-requestcost.md), while the raw SQL it is compared with sends its
 * statements from this thread without any HTTP. Each connection cycles through the paths in order.
 */
export async function measure(url: string, headers: Record<string, string>, paths: string[]) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers,
    workers: 1,
    requests: paths.map((path) => ({ path })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

/**
 * Foundation issue: throughput of GET /catalogs/:platformKey/classify (session check, zod validation, database
 * look-ups, classification) as a ratio of a bare Fastify route returning a constant, in the same process.
 */
export async function benchClassify(databaseUrl: string | null) {
  const dataDir = databaseUrl ? null : mkdtempSync(path.join(os.tmpdir(), 'pgs-bench-'));
  // A database of the run's own: nothing is reused from earlier runs.
  const db = databaseUrl ? await freshPostgres(databaseUrl) : await openDatabase({ url: null, dataDir });
  try {
    useThrowawayAuditKey(); // the audit chain's key: a random one for the benchmark
    await prepareDatabase(db.db, { adminPassword: null, demo: true }, new Date());
    const app = await buildApp({ database: db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'zn', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;

    const bare = Fastify();
    bare.get('/constant', async () => ({ category: 'encouraged' }));
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

    const platforms = ['oujiangkou', 'zhenan', 'hitech'];
    const classifyPaths = CODES.flatMap(
      (code, i) => `/api/v1/catalogs/${platforms[i % 3]}/classify?industryCode=${code}`,
    );
    // Both sides warmed up alike before either is measured (the bare route used to be measured cold, its first
    // seconds still in the interpreter, while classify had a warm-up of its own).
    await measure(appUrl, { cookie }, classifyPaths.slice(0, 3));
    await measure(bareUrl, {}, ['/constant']);
    const baseline = await measure(bareUrl, {}, ['/constant']);
    const classify = await measure(appUrl, { cookie }, classifyPaths);
    await app.close();
    await bare.close();
    return { driver: db.driver, baseline, classify, ratio: classify.rps / baseline.rps };
  } finally {
    await db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function freshPostgres(adminUrl: string) {
  const pg = (await import('pg')).default;
  const name = `pgs_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: null });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { projectListQuerySchema } from '@pgs/domain';
import { buildApp } from '../packages/server/src/app.ts';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-users.ts';
import { freshPostgres, measure } from './classify.bench.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { ledgerPageStatement } from '../packages/server/src/projects/projects-ledger.service.ts';
import { actorOfUsername } from '../packages/server/src/users/users.service.ts';
import { cpuSplit, readCpu } from './cpu-split.ts';
import { rawPool } from './raw-pool.ts';
import { LEDGER_FIELDS } from '../packages/web/src/projects/ledger/ledger-fields.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const CONNECTIONS = 10;
const PLATFORMS = ['oujiangkou', 'zhenan', 'hitech'];
const STATUSES = [
  'reported',
  'feasible',
  'plan_submitted',
  'evaluated',
  'tracked',
  'negotiating',
  'signed',
  'landed',
  'lost',
  'rejected',
];
/** The filters a ledger user applies, each with a page of 50 somewhere in the first 20 pages. */
const QUERIES = Array.from({ length: 60 }, (_, i) => ({
  platformKey: PLATFORMS[i % 3]!,
  status: STATUSES[i % 10]!,
  page: 1 + (i % 20),
}));

type Statement = { text: string; values: unknown[] };

/**
 * The ledger's own statements (`ledgerPageStatement`: the text and values its prepared statement sends for each of the
 * bench's pages), issued straight through `pg` with no HTTP in between, named and so prepared once per connection as
 * the ledger's are.
 */
async function rawThroughput(pool: pg.Pool, statements: Statement[]) {
  const latencies: number[] = [];
  let index = 0;
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const statement = statements[index++ % statements.length]!;
        const started = performance.now();
        await pool.query({ name: 'ledger_page', text: statement.text, values: statement.values });
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    total: latencies.length,
    rps: latencies.length / (DURATION_MS / 1000),
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]! * 10) / 10,
  };
}

/**
 * Issue 3: the ledger list (filters + a page of 50) through the API with 100 000 projects in PostgreSQL, against
 * the same SQL run directly with `pg` in the same process. Aim: ≥ half the raw throughput, p99 < 50 ms.
 */
export async function benchLedger(databaseUrl: string) {
  const database = await freshPostgres(databaseUrl);
  try {
    useThrowawayAuditKey(); // the audit chain's key: a random one for the benchmark
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, new Date());
    const pool = rawPool(database.url, CONNECTIONS);
    // The database is dropped WITH (FORCE) at the end: a pool client still closing then gets the server's
    // termination, which crashed the process without a listener (as in land.bench.ts).
    pool.on('error', () => undefined);
    await pool.query(
      `INSERT INTO projects (name, platform_key, reported_platform_key, investor_name, identity_key, industry_code, total_investment,
         fixed_asset_investment, land_mu, expected_annual_tax, category_at_report, catalog_version_at_report, status, first_report,
         reported_at, reported_by, updated_at)
       SELECT '基准项目' || n, p, p, '基准投资' || n || '有限公司', 'bench|' || n, '3612', 10000 + n % 500000, 8000, 20, 900,
              'encouraged', '2018年本', (ARRAY[${STATUSES.map((s) => `'${s}'`).join(',')}])[1 + n % 10], true, now(), 'zn', now()
       FROM generate_series(1, $1) AS n, LATERAL (SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3] AS p) AS platform`,
      [PROJECTS],
    );
    // What autovacuum does to a table after a bulk load; without it the count cannot use an index-only scan.
    await pool.query('VACUUM ANALYZE projects');
    const app = await buildApp({ database });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bureau', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;
    // As the ledger page asks: with the fields its columns show (issue #15, reads that fetch only what they show).
    const paths = QUERIES.map(
      (q) =>
        `/api/v1/projects?platformKey=${q.platformKey}&status=${q.status}&page=${q.page}&pageSize=50&fields=${LEDGER_FIELDS.join(',')}`,
    );
    // The user the API is asked as: the city bureau sees every platform (D10), so its filters apply as given.
    const bureau = (await actorOfUsername(database.db, 'bureau'))!;
    const statements = await Promise.all(
      QUERIES.map((q) =>
        ledgerPageStatement(database.db, bureau, projectListQuerySchema.parse({ ...q, pageSize: 50 }), new Date()),
      ),
    );
    await measure(appUrl, { cookie }, paths.slice(0, 5)); // warm-up
    let before = readCpu();
    const api = await measure(appUrl, { cookie }, paths);
    const apiCpu = cpuSplit(before, readCpu(), api.total);
    before = readCpu();
    const raw = await rawThroughput(pool, statements);
    const rawCpu = cpuSplit(before, readCpu(), raw.total);
    await app.close();
    await pool.end();
    return { projects: PROJECTS, api, raw, ratio: api.rps / raw.rps, apiCpu, rawCpu };
  } finally {
    await database.close();
  }
}

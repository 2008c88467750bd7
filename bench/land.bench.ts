import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-users.ts';
import { SYSTEM_ACTOR } from '../packages/server/src/platform/actor.ts';
import { PgDialect } from 'drizzle-orm/pg-core';
import { idleStatuses } from '../packages/server/src/land/parcels.service.ts';
import { idleStatusRows } from '../packages/server/src/land/idle-status.repository.ts';
import { currentLandSettings, settingsValues } from '../packages/server/src/land/land-settings.service.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { freshPostgres, measure } from './classify.bench.ts';
import { seedBenchParcels } from './parcel-seed.ts';
import { rawPool } from './raw-pool.ts';

const PARCELS = Number(process.env.BENCH_PARCELS ?? 100_000);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const CONNECTIONS = 10;
const AS_OF = '2026-06-30';

/**
 * The same idle-status question as one SQL statement (D22: PostgreSQL's date + interval '1 year' gives 2025-02-28
 * for 2024-02-29, as the civil code counts; the bench parcels have no delays and no suspensions).
 */
const IDLE_SQL = `
SELECT id,
  CASE
    WHEN contract_date IS NULL OR contract_date > $1::date OR agreed_start_on IS NULL THEN 'normal'
    WHEN (started_on IS NOT NULL AND started_on <= $1::date) OR (completed_on IS NOT NULL AND completed_on <= $1::date)
      OR (vacated_on IS NOT NULL AND vacated_on <= $1::date) OR (recovered_on IS NOT NULL AND recovered_on <= $1::date) THEN 'normal'
    WHEN $1::date >= (agreed_start_on + interval '2 year')::date + 1 THEN 'recovery'
    WHEN $1::date >= (agreed_start_on + interval '1 year')::date + 1 THEN 'idle'
    ELSE 'normal'
  END AS status
FROM parcels`;

/** The due list's page and count as the service issues them (the page cut on the index, then joined), through pg. */
const RAW_DUE_PAGE = `SELECT d.parcel_id, d.kind, d.due_on, d.platform_key, d.responsible_person, p.code, p.state
  FROM (SELECT parcel_id, kind, due_on, platform_key, responsible_person FROM parcel_deadlines
    WHERE platform_key = $1 AND due_on <= $2 ORDER BY due_on, parcel_id, kind LIMIT 50 OFFSET $3) d
  JOIN parcels p ON p.id = d.parcel_id ORDER BY d.due_on, d.parcel_id, d.kind`;
const RAW_DUE_COUNT = 'SELECT count(*) FROM parcel_deadlines WHERE platform_key = $1 AND due_on <= $2';
const PLATFORMS = ['oujiangkou', 'zhenan', 'hitech'];
const QUERIES = Array.from({ length: 60 }, (_, i) => ({ platformKey: PLATFORMS[i % 3]!, page: 1 + (i % 20) }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function rawDue(pool: pg.Pool, until: string) {
  const latencies: number[] = [];
  let index = 0;
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const q = QUERIES[index++ % QUERIES.length]!;
        const started = performance.now();
        await Promise.all([
          pool.query(RAW_DUE_PAGE, [q.platformKey, until, (q.page - 1) * 50]),
          pool.query(RAW_DUE_COUNT, [q.platformKey, until]),
        ]);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / (DURATION_MS / 1000),
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]! * 10) / 10,
  };
}

/**
 * Issue #12: (1) the idle status of 100 000 parcels as of a day through the service (the domain's clock on each
 * parcel's facts) against one SQL statement; (2) the due list as a page of 50 among 100 000 parcels, API against the
 * same SQL through pg. Each measured three times; the median and the spread are reported.
 */
export async function benchLand(databaseUrl: string) {
  const database = await freshPostgres(databaseUrl);
  try {
    useThrowawayAuditKey();
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, new Date());
    const pool = rawPool(database.url, CONNECTIONS);
    // The database is dropped WITH (FORCE) at the end: a client still closing then gets the server's termination,
    // which an error listener-less pool turns into a crash after the figures are measured.
    pool.on('error', () => undefined);
    // Parcels in every state (bench/parcel-seed.ts), the agreed starts spread over four years from mid-2022.
    await seedBenchParcels(pool, { count: PARCELS, codePrefix: 'B-', firstStart: '2022-06-01' });
    // The threshold days the service derives after every change (parcelDeadlines), here for the bulk load.
    await pool.query(`INSERT INTO parcel_deadlines (parcel_id, kind, platform_key, responsible_person, due_on)
      SELECT id, 'idle', platform_key, responsible_person, (agreed_start_on + interval '1 year')::date + 1 FROM parcels WHERE state = 'supplied'
      UNION ALL SELECT id, 'recovery', platform_key, responsible_person, (agreed_start_on + interval '2 year')::date + 1 FROM parcels WHERE state = 'supplied'
      UNION ALL SELECT id, 'completion', platform_key, responsible_person, agreed_completion_on + 1 FROM parcels WHERE state = 'started'`);
    await pool.query('VACUUM ANALYZE parcel_deadlines');

    const serviceMs: number[] = [];
    const sqlMs: number[] = [];
    // The whole rule (delays, suspensions, the 1/3 and 25 % shares) as one statement, run through pg with its rows
    // sent back as rows: what the service's work costs beyond the database's (the simple statement above knows only
    // the bench's delay-free parcels, so it does less than the rule).
    const fullRule = new PgDialect().sqlToQuery(
      idleStatusRows(AS_OF, settingsValues(await currentLandSettings(database.db)), undefined),
    );
    const fullRuleMs: number[] = [];
    let agree = 0;
    for (let run = 0; run < 3; run++) {
      let started = performance.now();
      const statuses = await idleStatuses(database.db, SYSTEM_ACTOR, AS_OF);
      serviceMs.push(performance.now() - started);
      started = performance.now();
      const sql = await pool.query<{ id: number; status: string }>(IDLE_SQL, [AS_OF]);
      sqlMs.push(performance.now() - started);
      started = performance.now();
      await pool.query(fullRule.sql, fullRule.params);
      fullRuleMs.push(performance.now() - started);
      const bySql = new Map(sql.rows.map((r) => [r.id, r.status]));
      agree = statuses.filter((s) => bySql.get(s.id) === s.status).length;
    }

    const app = await buildApp({ database });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'eitc', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;
    const until = '2026-07-30';
    const paths = QUERIES.map(
      (q) => `/api/v1/parcels/due?platformKey=${q.platformKey}&asOf=${AS_OF}&withinDays=30&page=${q.page}&pageSize=50`,
    );
    await measure(appUrl, { cookie }, paths.slice(0, 5));
    const apiRuns: Array<{ rps: number; p99: number }> = [];
    const rawRuns: Array<{ rps: number; p99: number }> = [];
    for (let run = 0; run < 3; run++) {
      apiRuns.push(await measure(appUrl, { cookie }, paths));
      rawRuns.push(await rawDue(pool, until));
    }
    await app.close();
    await pool.end();
    return {
      parcels: PARCELS,
      idle: {
        serviceMs,
        sqlMs,
        fullRuleMs,
        ratio: median(serviceMs) / median(sqlMs),
        fullRuleRatio: median(serviceMs) / median(fullRuleMs),
        agree,
      },
      due: {
        api: apiRuns,
        raw: rawRuns,
        ratio: median(apiRuns.map((r) => r.rps)) / median(rawRuns.map((r) => r.rps)),
        p99: median(apiRuns.map((r) => r.p99)),
        rawP99: median(rawRuns.map((r) => r.p99)),
      },
    };
  } finally {
    await database.close();
  }
}

/** The figures as `npm run bench` prints them. */
export function landLines(result: Awaited<ReturnType<typeof benchLand>>): string[] {
  const f = (n: number) => Math.round(n).toLocaleString('en-US');
  const spread = (xs: number[]) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
  return [
    `\nIdle status of ${f(result.parcels)} parcels as of ${AS_OF} on postgres (three runs, median [spread]):`,
    `  one SQL statement           : ${f(median(result.idle.sqlMs))} ms [${spread(result.idle.sqlMs)}]`,
    `  land service (domain clock) : ${f(median(result.idle.serviceMs))} ms [${spread(result.idle.serviceMs)}]`,
    `  ratio service / SQL         : ${result.idle.ratio.toFixed(3)} (aim ≤ 1.5); same status ${f(result.idle.agree)} of ${f(result.parcels)}`,
    `  the whole rule as one SQL statement (delays, suspensions, shares), rows through pg: ${f(median(result.idle.fullRuleMs))} ms [${spread(result.idle.fullRuleMs)}]`,
    `  ratio service / whole-rule SQL: ${result.idle.fullRuleRatio.toFixed(3)} (aim ≤ 1.5)`,
    `GET /api/v1/parcels/due (page of 50 among ${f(result.parcels)} parcels):`,
    `  raw SQL through pg          : ${f(median(result.due.raw.map((r) => r.rps)))} pages/s [${spread(result.due.raw.map((r) => r.rps))}] (p99 ${result.due.rawP99} ms)`,
    `  due-list API                : ${f(median(result.due.api.map((r) => r.rps)))} req/s [${spread(result.due.api.map((r) => r.rps))}] (p99 ${result.due.p99} ms)`,
    `  ratio API / raw SQL         : ${result.due.ratio.toFixed(3)} (aim ≥ 0.7; p99 aim < 50 ms)`,
  ];
}

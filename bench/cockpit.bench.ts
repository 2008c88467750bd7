import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import Decimal from 'decimal.js';
import { PLATFORM_KEYS, shanghaiDay, type CockpitView } from '@pgs/domain';
import { buildApp } from '../packages/server/src/app.ts';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-users.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { freshPostgres, measure } from './classify.bench.ts';
import { loadRecords } from './evaluation.bench.ts';
import { seedBenchParcels } from './parcel-seed.ts';
import { SYSTEM_ACTOR } from '../packages/server/src/platform/actor.ts';
import { projectStageFigures } from '../packages/server/src/projects/projects.service.ts';
import { landedFiguresOfYear } from '../packages/server/src/projects/project-circulation.service.ts';
import { parcelCleanupFigures } from '../packages/server/src/land/parcels.service.ts';
import { renewalCaseFigures } from '../packages/server/src/renewal/renewal.service.ts';
import { targetFunnelCounts } from '../packages/server/src/targets/target-funnel.service.ts';
import { complianceOfPlatforms } from '../packages/server/src/trips/staffing-compliance.service.ts';
import { keyTaskCompletion } from '../packages/server/src/key-tasks/key-tasks.service.ts';
import { listAssessments } from '../packages/server/src/assessment/assessment.service.ts';
import { listRuns } from '../packages/server/src/mu-evaluation/mu-evaluation.service.ts';
import { monthsThrough } from '@pgs/domain';
import { rawPool } from './raw-pool.ts';

const ROWS = Number(process.env.BENCH_COCKPIT_ROWS ?? 100_000);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = 10;
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

/**
 * The limit to beat: the cockpit's grouped figures as hand-written SQL straight through pg, issued in parallel as one
 * page load — the pipeline by platform and stage; per platform the year's landed projects and their R2.6 credit
 * (circulated ones by their shares, the rest 1 when encouraged); the ≥ 20亿 ones; parcels by state; parcels handled
 * in the year; renewal cases open, overdue and closed as of the day; the year's target funnel counts (latest row per
 * enterprise, joined with the first reports by project or credit code).
 */
export function rawStatements(year: number, asOf: string) {
  const from = `${year}-01-01`;
  const platforms = `(VALUES ${PLATFORM_KEYS.map((k) => `('${k}')`).join(',')}) AS k(key)`;
  return {
    pipeline: [
      `SELECT platform_key, status, count(*)::int AS n, sum(total_investment)::text AS inv FROM projects WHERE first_report GROUP BY 1, 2`,
      [],
    ],
    landed: [
      `SELECT k.key, count(*) FILTER (WHERE p.platform_key = k.key OR c.from_platform_key = k.key)::int AS n,
         coalesce(sum(CASE WHEN c.project_id IS NULL AND p.platform_key = k.key AND p.category_at_report = 'encouraged' THEN 1
                           WHEN c.from_platform_key = k.key THEN c.first_place_share
                           WHEN c.to_platform_key = k.key THEN c.host_share ELSE 0 END), 0)::text AS credit
       FROM projects p LEFT JOIN project_circulations c ON c.project_id = p.id CROSS JOIN ${platforms}
       WHERE p.status = 'landed' AND p.landed_on BETWEEN $1 AND $2 GROUP BY 1`,
      [from, asOf],
    ],
    large: [
      `SELECT p.id, p.platform_key, c.from_platform_key FROM projects p LEFT JOIN project_circulations c ON c.project_id = p.id
       WHERE p.status = 'landed' AND p.landed_on BETWEEN $1 AND $2 AND p.total_investment >= 200000 ORDER BY p.id`,
      [from, asOf],
    ],
    states: [
      `SELECT platform_key, state, count(*)::int AS n, sum(area_mu)::text AS area FROM parcels GROUP BY 1, 2`,
      [],
    ],
    handled: [
      `SELECT platform_key, count(*) FILTER (WHERE contract_date BETWEEN $1 AND $2)::int AS supplied,
         count(*) FILTER (WHERE started_on BETWEEN $1 AND $2)::int AS started, count(*) FILTER (WHERE reused_on BETWEEN $1 AND $2)::int AS reused,
         count(*) FILTER (WHERE recovered_on BETWEEN $1 AND $2)::int AS recovered FROM parcels GROUP BY 1`,
      [from, asOf],
    ],
    renewal: [
      `SELECT platform_key, count(*) FILTER (WHERE o)::int AS open, count(*) FILTER (WHERE o AND deadline < $2)::int AS overdue,
         count(*) FILTER (WHERE status = 'completed' AND completed_on BETWEEN $1 AND $2)::int AS closed,
         count(*) FILTER (WHERE status = 'completed' AND completed_on BETWEEN $1 AND $2 AND completed_on <= deadline)::int AS on_time
       FROM (SELECT *, opened_on <= $2 AND NOT (status = 'completed' AND completed_on <= $2)
                       AND NOT (status = 'withdrawn' AND (updated_at AT TIME ZONE 'Asia/Shanghai')::date <= $2) AS o
             FROM renewal_cases) c GROUP BY 1`,
      [from, asOf],
    ],
    targets: [
      `WITH b AS (SELECT DISTINCT ON (lineage_id) platform_key, status, contacted_on, project_id, credit_code FROM targets WHERE quarter LIKE $1 ORDER BY lineage_id, quarter DESC),
            bycode AS (SELECT DISTINCT ON (investor_credit_code, reported_platform_key) id, investor_credit_code AS code,
                         reported_platform_key AS platform, landed_on FROM projects WHERE first_report AND investor_credit_code IS NOT NULL
                       ORDER BY investor_credit_code, reported_platform_key, reported_at, id),
            j AS (SELECT b.platform_key, b.status, b.contacted_on, coalesce(pl.id, pc.id) AS pid, coalesce(pl.landed_on, pc.landed_on) AS landed_on
                  FROM b LEFT JOIN projects pl ON pl.id = b.project_id AND pl.first_report
                  LEFT JOIN bycode pc ON b.project_id IS NULL AND pc.code = b.credit_code AND pc.platform = b.platform_key)
       SELECT platform_key, count(*)::int AS targets,
         count(*) FILTER (WHERE contacted_on IS NOT NULL OR pid IS NOT NULL OR status IN ('contact', 'negotiating', 'reported'))::int AS contacted,
         count(*) FILTER (WHERE pid IS NOT NULL OR status = 'reported')::int AS reported,
         count(*) FILTER (WHERE landed_on IS NOT NULL)::int AS landed
       FROM j GROUP BY 1`,
      [`${year}Q%`],
    ],
  } satisfies Record<string, [string, unknown[]]>;
}

/**
 * A past day's figures as raw SQL: the same statements as of the day, but the stocks (projects by stage, parcels by
 * state) replayed from every dated history in full — the plainest form, written apart from the services' replay (which
 * reads only what moved after the day), so equal figures check it. A stage's move undone never happened; a project
 * circulated after the day was still its first platform's; one reported after the day, or a parcel approved after
 * it, is not counted; a parcel with no dated move is in its current state.
 */
export function rawPastStatements(year: number, day: string) {
  return {
    ...rawStatements(year, day),
    pipeline: [
      `WITH undone AS (SELECT (details ->> 'undoneEventId')::int AS id FROM project_events WHERE kind = 'undo'),
            last AS (SELECT DISTINCT ON (project_id) project_id, to_status FROM project_events
                     WHERE effective_date <= $1 AND kind IN ('reported', 'transition')
                       AND id NOT IN (SELECT id FROM undone WHERE id IS NOT NULL)
                     ORDER BY project_id, id DESC)
       SELECT CASE WHEN (c.at AT TIME ZONE 'Asia/Shanghai')::date > $1 THEN c.from_platform_key ELSE p.platform_key END AS platform_key,
              l.to_status AS status, count(*)::int AS n, sum(p.total_investment)::text AS inv
       FROM projects p JOIN last l ON l.project_id = p.id LEFT JOIN project_circulations c ON c.project_id = p.id
       WHERE p.first_report AND (p.reported_at AT TIME ZONE 'Asia/Shanghai')::date <= $1 GROUP BY 1, 2`,
      [day],
    ],
    states: [
      `WITH last AS (SELECT DISTINCT ON (parcel_id) parcel_id, to_state FROM parcel_events
                     WHERE effective_date <= $1 AND to_state IS NOT NULL ORDER BY parcel_id, id DESC)
       SELECT p.platform_key, coalesce(l.to_state, p.state) AS state, count(*)::int AS n, sum(p.area_mu)::text AS area
       FROM parcels p LEFT JOIN last l ON l.parcel_id = p.id WHERE p.approved_on <= $1 GROUP BY 1, 2`,
      [day],
    ],
  } satisfies Record<string, [string, unknown[]]>;
}

type Raw = Record<keyof ReturnType<typeof rawStatements>, [string, unknown[]]>;
type Rows = Record<keyof Raw, Array<Record<string, string | number | null>>>;

async function rawPage(pool: pg.Pool, raw: Raw): Promise<Rows> {
  const entries = await Promise.all(
    Object.entries(raw).map(async ([name, [text, params]]) => [name, (await pool.query(text, params)).rows] as const),
  );
  return Object.fromEntries(entries) as Rows;
}

async function rawThroughput(pool: pg.Pool, raw: Raw) {
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        await rawPage(pool, raw);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / (DURATION_MS / 1000),
    p99: Math.round((latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN) * 10) / 10,
  };
}

/**
 * Every figure the SQL gives, compared with the API's column of each platform: a list of the differences (empty when
 * the API's figures equal the SQL's). Land sub-databases are the domain's state lists (approved + recovered, supplied
 * + started, vacated).
 */
function differences(view: CockpitView, rows: Rows): string[] {
  const problems: string[] = [];
  const same = (what: string, api: unknown, sql: unknown) => {
    if (String(api) !== String(sql)) problems.push(`${what}: API ${String(api)}, SQL ${String(sql)}`);
  };
  const dec = (value: string | number | null | undefined) => new Decimal(String(value ?? 0)).toFixed();
  const sumOf = (list: Array<Record<string, string | number | null>>, field: string) =>
    list.reduce((total, row) => total.plus(String(row[field] ?? 0)), new Decimal(0)).toFixed();
  for (const { platformKey: key, figures } of view.platforms) {
    for (const stage of figures.pipeline.stages) {
      const row = rows.pipeline.find((r) => r.platform_key === key && r.status === stage.status);
      same(`${key} ${stage.status} count`, stage.count, row?.n ?? 0);
      same(`${key} ${stage.status} investment`, stage.investment, dec(row?.inv));
    }
    const landed = rows.landed.find((r) => r.key === key);
    same(`${key} landed`, figures.landed.landedCount, landed?.n ?? 0);
    same(`${key} credit`, figures.landed.credit, dec(landed?.credit));
    same(
      `${key} large`,
      figures.landed.large.map((p) => p.id).sort((a, b) => a - b),
      rows.large.filter((r) => r.platform_key === key || r.from_platform_key === key).map((r) => r.id),
    );
    const states = (wanted: string[]) =>
      rows.states.filter((r) => r.platform_key === key && wanted.includes(String(r.state)));
    for (const [name, wanted] of [
      ['approvedNotSupplied', ['approved', 'recovered']],
      ['suppliedNotUsed', ['supplied', 'started']],
      ['vacated', ['vacated']],
    ] as const) {
      same(`${key} ${name} count`, figures.land[name].count, sumOf(states([...wanted]), 'n'));
      same(`${key} ${name} area`, figures.land[name].area, sumOf(states([...wanted]), 'area'));
    }
    const handled = rows.handled.find((r) => r.platform_key === key);
    for (const field of ['supplied', 'started', 'reused', 'recovered'] as const)
      same(`${key} ${field}`, figures.land[field], handled?.[field] ?? 0);
    const renewal = rows.renewal.find((r) => r.platform_key === key);
    same(`${key} renewal open`, figures.renewal.open, renewal?.open ?? 0);
    same(`${key} renewal overdue`, figures.renewal.overdue, renewal?.overdue ?? 0);
    same(`${key} renewal closed`, figures.renewal.closed, renewal?.closed ?? 0);
    same(`${key} renewal on time`, figures.renewal.closedOnTime, renewal?.on_time ?? 0);
    const targets = rows.targets.find((r) => r.platform_key === key);
    for (const field of ['targets', 'contacted', 'reported', 'landed'] as const)
      same(`${key} targets ${field}`, figures.targets[field], targets?.[field] ?? 0);
  }
  return problems;
}

/**
 * 100 000 projects (one in a thousand ≥ 20亿 and landed, one landed project in 97 circulated) with their dated moves, 100 000 parcels, 100 000 targets
 * and 100 000 enterprise records on top of the demo; dates spread over last year and this one.
 */
export async function seedCockpitBench(pool: pg.Pool, year: number) {
  const base = `${year - 1}-01-01`;
  await pool.query(
    `INSERT INTO projects (name, platform_key, reported_platform_key, investor_name, identity_key, industry_code, total_investment,
       fixed_asset_investment, land_mu, expected_annual_tax, category_at_report, catalog_version_at_report, status, first_report,
       reported_at, reported_by, updated_at, landed_on)
     SELECT '基准项目' || n, p, p, '基准投资' || n || '有限公司', 'bench|' || n, '3612',
            CASE WHEN n % 1000 = 7 THEN 250000 ELSE 10000 + n % 150000 END, 8000, 20, 900,
            CASE WHEN n % 7 = 0 THEN 'permitted' ELSE 'encouraged' END, '2018年本', s, true,
            date '${base}' + (n % 300), 'zn', now(),
            CASE WHEN s = 'landed' THEN date '${base}' + 300 + (n % 390) END
     FROM generate_series(1, $1) AS n,
          LATERAL (SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3] AS p,
                          (ARRAY[${STATUSES.map((s) => `'${s}'`).join(',')}])[1 + n % 10] AS s) AS x`,
    [ROWS],
  );
  // A landed project in 97 circulated to the next platform (R2.5: 0.4 to the first place, 0.6 to the host).
  await pool.query(
    `WITH moved AS (
       UPDATE projects SET platform_key = (ARRAY['zhenan','hitech','oujiangkou'])[array_position(ARRAY['oujiangkou','zhenan','hitech'], platform_key)]
       WHERE name LIKE '基准项目%' AND status = 'landed' AND id % 97 = 0 RETURNING id, reported_platform_key, platform_key)
     INSERT INTO project_circulations (project_id, from_platform_key, to_platform_key, first_place_share, host_share, reason, at, actor_name)
     SELECT id, reported_platform_key, platform_key, 0.4, 0.6, '基准流转', date '${base}', 'bureau' FROM moved`,
  );
  // Each project's dated history as the projects service writes it (the report, then one move to its stage on its
  // landing day or 20–319 days after the report): a past day's replay reads it.
  await pool.query(
    `INSERT INTO project_events (project_id, version, kind, from_status, to_status, effective_date, at, actor_name)
     SELECT id, 1, 'reported', NULL, 'reported', (reported_at AT TIME ZONE 'Asia/Shanghai')::date, reported_at, 'zn'
     FROM projects WHERE name LIKE '基准项目%'
     UNION ALL
     SELECT id, 2, 'transition', 'reported', status,
            coalesce(landed_on, (reported_at AT TIME ZONE 'Asia/Shanghai')::date + 20 + id % 300), reported_at, 'zn'
     FROM projects WHERE name LIKE '基准项目%' AND status <> 'reported'`,
  );
  // Parcels in every state with their dated moves (bench/parcel-seed.ts): a past day's replay reads them.
  await seedBenchParcels(pool, { count: ROWS, codePrefix: 'CB-', firstStart: `${year - 4}-06-01`, moves: true });
  const quarters = [year - 1, year].flatMap((y) => [1, 2, 3, 4].map((q) => `'${y}Q${q}'`)).join(',');
  await pool.query(
    `INSERT INTO targets (lineage_id, platform_key, quarter, name, credit_code, types, hq_province, hq_city, industry_code,
       category, expected_investment, tier, plan, owner, status, identified_on, contacted_on, version, created_at, created_by, updated_at)
     SELECT 1000000 + n, p, q, '基准目标' || n, NULL, ARRAY['industry_leader'], '上海市', '上海市', '3612', 'encouraged', 60000, '5亿',
            '{}'::jsonb, '张三', (ARRAY['lead','contact','negotiating','reported','dropped'])[1 + n % 5],
            date '${base}' + (n % 700), CASE WHEN n % 3 > 0 THEN date '${base}' + (n % 700) + (n % 45) END,
            1, now(), 'bench', now()
     FROM generate_series(1, $1) AS n,
          LATERAL (SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3] AS p,
                          (ARRAY[${quarters}])[1 + (n / 3) % 8] AS q) AS x`,
    [ROWS],
  );
  // The base database's enterprises (the cockpit reads their ABCD classes from the published run, not these rows).
  await loadRecords(pool);
  for (const table of ['projects', 'project_events', 'project_circulations', 'targets'])
    await pool.query(`VACUUM ANALYZE ${table}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/**
 * Issue #14: `GET /api/v1/cockpit?year=` (today's cockpit, as the leader) with 100 000 enterprises, projects, parcels
 * and targets, against the same figures as raw SQL in the same runs. Aim: ≥ 0.7 of the raw throughput, p99 < 200 ms.
 * The API keeps its answer until the next write (cockpit-cache.ts), so the throughput figure is of kept answers; the
 * price of computing is printed beside it: the API while a writer adds targets, and single requests right after a
 * write. Every figure the SQL gives is checked equal to the API's, today's and a past day's (replayed stocks).
 */
export async function benchCockpit(databaseUrl: string) {
  const database = await freshPostgres(databaseUrl);
  try {
    useThrowawayAuditKey();
    const now = new Date();
    const today = shanghaiDay(now);
    const year = Number(today.slice(0, 4));
    // A past day of this year (the 1st of this month, or 1 Jan of the year on the 1st itself: the cockpit's own rule).
    const pastDay = today.endsWith('-01-01')
      ? today
      : `${today.slice(0, 8)}01` < today
        ? `${today.slice(0, 8)}01`
        : `${year}-01-01`;
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, now);
    const pool = rawPool(database.url, CONNECTIONS);
    await seedCockpitBench(pool, year);
    const raw = rawStatements(year, today);

    // Where one cockpit request spends its time: each module's read on its own (ms, once each, after a warm-up).
    const db = database.db;
    const parts: Record<string, () => Promise<unknown>> = {
      projectStageFigures: () => projectStageFigures(db),
      projectStagesOnPastDay: () => projectStageFigures(db, pastDay),
      landedFiguresOfYear: () => landedFiguresOfYear(db, year, today, '200000'),
      listRuns: () => listRuns(db, SYSTEM_ACTOR, { status: 'published', page: 1, pageSize: 50 }),
      parcelCleanupFigures: () => parcelCleanupFigures(db, SYSTEM_ACTOR, `${year}-01-01`, today),
      parcelStatesOnPastDay: () => parcelCleanupFigures(db, SYSTEM_ACTOR, `${year}-01-01`, pastDay, pastDay),
      renewalCaseFigures: () => renewalCaseFigures(db, SYSTEM_ACTOR, `${year}-01-01`, today),
      targetFunnelCounts: () => targetFunnelCounts(db, SYSTEM_ACTOR, year),
      complianceOfPlatforms: () => complianceOfPlatforms(db, PLATFORM_KEYS, monthsThrough(year, today)),
      listAssessments: () => listAssessments(db, SYSTEM_ACTOR, { status: 'published', page: 1, pageSize: 50 }),
      keyTaskCompletion: () => keyTaskCompletion(db, SYSTEM_ACTOR, year, today, now),
    };
    const partMs: Record<string, number> = {};
    for (const [name, read] of Object.entries(parts)) {
      await read();
      const started = performance.now();
      await read();
      partMs[name] = Math.round(performance.now() - started);
    }

    const app = await buildApp({ database });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const path = `/api/v1/cockpit?year=${year}`;
    const pastPath = `${path}&asOf=${pastDay}`;
    const once = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    const problems = differences(once.json(), await rawPage(pool, raw));
    const rawPast = rawPastStatements(year, pastDay);
    const pastOnce = await app.inject({ method: 'GET', url: pastPath, headers: { cookie } });
    const pastProblems = differences(pastOnce.json(), await rawPage(pool, rawPast));

    // A write as people make them (a platform adds a target, through the API): the audit chain's head moves, so the
    // next cockpit request computes its figures again — the uncached price, timed one request at a time.
    const platformLogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'zn', password: DEMO_PASSWORD },
    });
    const platformCookie = String(platformLogin.headers['set-cookie']).split(';')[0] ?? '';
    // This quarter's library (past quarters are closed by the demo).
    const quarter = `${year}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    let writes = 0;
    const write = async () => {
      writes += 1;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/targets',
        headers: { cookie: platformCookie },
        payload: {
          platformKey: 'zhenan',
          quarter,
          name: `基准写入目标${writes}`,
          types: ['industry_leader'],
          hqProvince: '上海市',
          hqCity: '上海市',
          industryCode: '3491',
          expectedInvestment: '60000',
          plan: { path: '总部拜访', planning: '一期', strategy: '以商招商', tactics: '配套' },
          owner: '基准',
        },
      });
      if (response.statusCode !== 201) throw new Error(`write: ${response.statusCode} ${response.body}`);
    };
    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const get = (url: string) => fetch(`${appUrl}${url}`, { headers: { cookie } }).then((r) => r.text());

    // Throughput under 10 connections (kept answers, nothing written), the raw SQL, then the API while a writer adds
    // a target after each of its answers (nearly every request then computes), then single requests one after the
    // other: after a write (computed) and again (kept), today and the past day, beside the raw SQL's page.
    const apiRuns: Array<{ rps: number; p99: number }> = [];
    const rawRuns: Array<{ rps: number; p99: number }> = [];
    const writingRuns: Array<{ rps: number; p99: number; writes: number }> = [];
    const apiMs: number[] = [];
    const apiKeptMs: number[] = [];
    const rawMs: number[] = [];
    const pastMs: number[] = [];
    const pastKeptMs: number[] = [];
    const rawPastMs: number[] = [];
    const loads: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The previous run's writes left no kept answer of today: one request computes it, the measure then keeps it.
      await get(path);
      apiRuns.push(await measure(appUrl, { cookie }, [path]));
      rawRuns.push(await rawThroughput(pool, raw));
      const writesBefore = writes;
      const stop = new AbortController();
      const writer = (async () => {
        while (!stop.signal.aborted) await write();
      })();
      const underWrites = await measure(appUrl, { cookie }, [path]).finally(() => {
        stop.abort();
      });
      await writer;
      writingRuns.push({ ...underWrites, writes: writes - writesBefore });
      await write();
      apiMs.push(await timed(() => get(path)));
      apiKeptMs.push(await timed(() => get(path)));
      rawMs.push(await timed(() => rawPage(pool, raw)));
      await write();
      pastMs.push(await timed(() => get(pastPath)));
      pastKeptMs.push(await timed(() => get(pastPath)));
      rawPastMs.push(await timed(() => rawPage(pool, rawPast)));
      loads.push(load());
    }
    await app.close();
    await pool.end();
    const ratios = apiRuns.map((r, k) => r.rps / (rawRuns[k]?.rps ?? Number.NaN));
    const writingRatios = writingRuns.map((r, k) => r.rps / (rawRuns[k]?.rps ?? Number.NaN));
    return {
      rows: ROWS,
      today,
      pastDay,
      partMs,
      bytes: once.body.length,
      problems,
      pastProblems,
      apiRuns,
      rawRuns,
      writingRuns,
      ratios,
      writingRatios,
      apiMs,
      apiKeptMs,
      rawMs,
      pastMs,
      pastKeptMs,
      rawPastMs,
      loads,
    };
  } finally {
    await database.close();
  }
}

export function cockpitLines(result: Awaited<ReturnType<typeof benchCockpit>>): string[] {
  const f = (n: number, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const figure = (xs: number[], digits = 0) =>
    `${f(median(xs), digits)} (${f(Math.min(...xs), digits)}–${f(Math.max(...xs), digits)})`;
  const equal = (problems: string[]) =>
    problems.length === 0
      ? 'yes (every platform: pipeline, landed, credit, ≥ 20亿, land, renewal, targets)'
      : `NO — ${problems.slice(0, 5).join('; ')}`;
  return [
    `\nGET /api/v1/cockpit?year= (${f(result.rows)} enterprises, projects, parcels and targets on top of the demo, as the leader; median (spread) of ${result.ratios.length} runs):`,
    `  same figures as raw SQL (same run) : ${figure(
      result.rawRuns.map((r) => r.rps),
      1,
    )} pages/s, p99 ${figure(
      result.rawRuns.map((r) => r.p99),
      1,
    )} ms`,
    `  cockpit API                        : ${figure(
      result.apiRuns.map((r) => r.rps),
      1,
    )} req/s, p99 ${figure(
      result.apiRuns.map((r) => r.p99),
      1,
    )} ms (aim < 200 ms)`,
    `  ratio API / raw SQL (per run)      : ${figure(result.ratios, 3)} (aim ≥ 0.7)`,
    `  API while a writer adds targets    : ${figure(
      result.writingRuns.map((r) => r.rps),
      1,
    )} req/s, p99 ${figure(
      result.writingRuns.map((r) => r.p99),
      1,
    )} ms; ratio to raw SQL ${figure(result.writingRatios, 3)}; writes per run ${result.writingRuns.map((r) => r.writes).join(' | ')}`,
    `  one request after a write (ms)     : API ${figure(result.apiMs)} (computed), then ${figure(result.apiKeptMs)} (kept); raw SQL page ${figure(result.rawMs)}`,
    `${`  past day ${result.pastDay} (ms)`.padEnd(37)}: API ${figure(result.pastMs)} after a write, then ${figure(result.pastKeptMs)} (kept); raw SQL page (full replay) ${figure(result.rawPastMs)}`,
    `  API figures equal the SQL's        : ${equal(result.problems)}`,
    `  past day's figures equal the SQL's : ${equal(result.pastProblems)}`,
    `  answer size                        : ${f(result.bytes / 1024)} KB`,
    `  one request's parts (ms)           : ${Object.entries(result.partMs)
      .map(([name, ms]) => `${name} ${ms}`)
      .join(', ')}`,
    `  load average after each run        : ${result.loads.join(' | ')}`,
  ];
}

import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-users.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { freshPostgres } from './classify.bench.ts';
import { rawPool } from './raw-pool.ts';

const TARGETS = Number(process.env.BENCH_TARGETS ?? 100_000);
const PROJECTS = Number(process.env.BENCH_TARGET_PROJECTS ?? 20_000);
const TRIPS = Number(process.env.BENCH_TRIPS ?? 50_000);
const QUARTERS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'];
const PLATFORMS = ['oujiangkou', 'zhenan', 'hitech'];

/** The funnel of funnel.ts for every platform and quarter as ONE statement over both tables: the limit to beat. */
const ONE_SQL = `
  WITH p AS (SELECT id, investor_credit_code AS code, reported_platform_key AS platform,
                    (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS reported, landed_on AS landed
             FROM projects WHERE first_report),
  bycode AS (SELECT DISTINCT ON (code, platform) * FROM p WHERE code IS NOT NULL ORDER BY code, platform, reported, id),
  j AS (SELECT t.platform_key, t.quarter, t.status, t.identified_on, t.contacted_on,
               coalesce(pl.id, pc.id) AS pid, coalesce(pl.reported, pc.reported) AS reported_on,
               coalesce(pl.landed, pc.landed) AS landed_on
        FROM targets t
        LEFT JOIN p pl ON pl.id = t.project_id
        LEFT JOIN bycode pc ON t.project_id IS NULL AND pc.code = t.credit_code AND pc.platform = t.platform_key)
  SELECT platform_key, quarter, count(*)::int AS targets,
         (count(*) FILTER (WHERE contacted_on IS NOT NULL OR pid IS NOT NULL OR status IN ('contact','negotiating','reported')))::int AS contacted,
         (count(*) FILTER (WHERE pid IS NOT NULL OR status = 'reported'))::int AS reported,
         (count(*) FILTER (WHERE landed_on IS NOT NULL))::int AS landed,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY contacted_on - identified_on) AS to_contact,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY reported_on - contacted_on) AS to_report,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY landed_on - reported_on) AS to_land
  FROM j GROUP BY platform_key, quarter`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;

/**
 * Issue #13: the funnel for 3 platforms × 8 quarters with 100 000 targets (20 000 projects, 50 000 trips) through the API (three
 * requests, one per platform, grouped by quarter) against the same figures as one SQL statement; median of three
 * runs each, with the spread. Aim: API ≤ 1.5 × SQL.
 */
export async function benchTargets(databaseUrl: string) {
  const database = await freshPostgres(databaseUrl);
  try {
    useThrowawayAuditKey();
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, new Date());
    const pool = rawPool(database.url, 2);
    await seedFunnelBench(pool);
    const app = await buildApp({ database });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bureau', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;
    const viaApi = async () => {
      const answers = [];
      for (const platformKey of PLATFORMS) {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/targets/funnel?platformKey=${platformKey}&groupBy=quarter`,
          headers: { cookie },
        });
        if (response.statusCode !== 200) throw new Error(response.body);
        answers.push({
          platformKey,
          body: response.json<{
            rows: Array<{ key: string; targets: number; contacted: number; reported: number; landed: number }>;
          }>(),
        });
      }
      return answers;
    };
    const time = async <T>(run: () => Promise<T>) => {
      const started = performance.now();
      const value = await run();
      return { ms: performance.now() - started, value };
    };
    await viaApi(); // warm-up (plans, the session)
    await pool.query(ONE_SQL);
    const apiRuns = [await time(viaApi), await time(viaApi), await time(viaApi)];
    const sqlRuns = [
      await time(() => pool.query(ONE_SQL)),
      await time(() => pool.query(ONE_SQL)),
      await time(() => pool.query(ONE_SQL)),
    ];
    // The same figures: every platform × quarter cell's four counts.
    const sqlRows = sqlRuns[0]!.value.rows as Array<{
      platform_key: string;
      quarter: string;
      targets: number;
      contacted: number;
      reported: number;
      landed: number;
    }>;
    let same = 0;
    for (const { platformKey, body } of apiRuns[0]!.value)
      for (const row of body.rows) {
        const cell = sqlRows.find((r) => r.platform_key === platformKey && r.quarter === row.key);
        if (
          cell &&
          cell.targets === row.targets &&
          cell.contacted === row.contacted &&
          cell.reported === row.reported &&
          cell.landed === row.landed
        )
          same++;
      }
    await app.close();
    await pool.end();
    const apiMs = apiRuns.map((r) => r.ms);
    const sqlMs = sqlRuns.map((r) => r.ms);
    return {
      targets: TARGETS,
      trips: TRIPS,
      projects: PROJECTS,
      api: { median: median(apiMs), min: Math.min(...apiMs), max: Math.max(...apiMs) },
      sql: { median: median(sqlMs), min: Math.min(...sqlMs), max: Math.max(...sqlMs) },
      ratio: median(apiMs) / median(sqlMs),
      sameCells: same,
      cells: sqlRows.length,
    };
  } finally {
    await database.close();
  }
}

/** The bench's rows: PROJECTS first reports and TARGETS targets over 3 platforms × 8 quarters (also for the profile). */
export async function seedFunnelBench(pool: pg.Pool) {
  await pool.query(
    `INSERT INTO projects (name, platform_key, reported_platform_key, investor_name, investor_credit_code, identity_key,
       industry_code, total_investment, fixed_asset_investment, land_mu, expected_annual_tax, category_at_report,
       catalog_version_at_report, status, first_report, reported_at, reported_by, updated_at, landed_on)
     SELECT '基准项目' || n, p, p, '基准投资' || n, 'BENCH' || lpad(n::text, 13, '0'), 'bench|' || n, '3612', 60000, 50000, 20, 900,
            'encouraged', '2018年本', CASE WHEN n % 4 = 0 THEN 'landed' ELSE 'negotiating' END, true,
            timestamp '2025-01-01' + (n % 600) * interval '1 day', 'zn', now(),
            CASE WHEN n % 4 = 0 THEN date '2025-01-01' + (n % 600) + 90 END
     FROM generate_series(1, $1) AS n, LATERAL (SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3] AS p) AS platform`,
    [PROJECTS],
  );
  // Targets: every 5th carries a project's credit code (a match only where the platforms agree), every 50th is linked
  // by hand to a project of its own platform (project k is on platform 1 + k % 3, as target n on 1 + n % 3).
  await pool.query(
    `INSERT INTO targets (lineage_id, platform_key, quarter, name, credit_code, types, hq_province, hq_city, industry_code,
       category, expected_investment, tier, plan, owner, status, project_id, identified_on, contacted_on, version,
       created_at, created_by, updated_at)
     SELECT n, p, q, '基准目标' || n, CASE WHEN n % 5 = 0 THEN 'BENCH' || lpad(((n / 5) % $2 + 1)::text, 13, '0') END,
            ARRAY['industry_leader'], '上海市', '上海市', '3612', 'encouraged', 60000, '5亿', '{}'::jsonb, '张三',
            (ARRAY['lead','contact','negotiating','reported','dropped'])[1 + n % 5],
            CASE WHEN n % 50 = 1 THEN 3 * (1 + (n / 3) % ($2 / 3 - 2)) + n % 3 END,
            date '2025-01-01' + (n % 700), CASE WHEN n % 3 > 0 THEN date '2025-01-01' + (n % 700) + (n % 45) END,
            1, now(), 'bench', now()
     FROM generate_series(1, $1) AS n,
          LATERAL (SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3] AS p,
                          (ARRAY[${QUARTERS.map((q) => `'${q}'`).join(',')}])[1 + (n / 3) % 8] AS q) AS x`,
    [TARGETS, PROJECTS],
  );
  // Trips (issue #13's data set): TRIPS reported trips over the two years, each meeting one target of its own
  // platform (trip n on platform 1 + n % 3 meets target n, which is on the same platform). The funnel does not read
  // trips, so they are here to show it stays fast on a full database, not to change its figures.
  await pool.query(
    `INSERT INTO trips (platform_key, start_on, end_on, province, city, outcome, reported_at, reported_on, due_on, late,
       reported_by)
     SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3], d, d + 2, '上海市', '上海市', '基准会见' || n,
            (d + 4)::timestamp, d + 4, d + 5, n % 10 = 0, 'bench'
     FROM generate_series(1, $1) AS n, LATERAL (SELECT date '2025-01-01' + (n % 700) AS d) AS day`,
    [TRIPS],
  );
  await pool.query(
    `INSERT INTO target_trips (target_id, trip_id, start_on, end_on, province, city, linked_at)
     SELECT t.id, trip.id, trip.start_on, trip.end_on, trip.province, trip.city, now()
     FROM trips trip JOIN targets t ON t.lineage_id = trip.id AND t.platform_key = trip.platform_key
     WHERE trip.reported_by = 'bench'`,
  );
  await pool.query('VACUUM ANALYZE projects');
  await pool.query('VACUUM ANALYZE targets');
  await pool.query('VACUUM ANALYZE trips');
}

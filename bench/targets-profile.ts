import { performance } from 'node:perf_hooks';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { firstReportsForTargets, projectsForTargets } from '../packages/server/src/projects/projects.service.ts';
import { funnelFigures } from '../packages/server/src/targets/targets.repository.ts';
import { freshPostgres } from './classify.bench.ts';
import { seedFunnelBench } from './targets.bench.ts';
import { rawPool } from './raw-pool.ts';

/**
 * Where the funnel API's time goes (issue #13 bench, PostgreSQL): the same rows as `targets.bench.ts`, then each part
 * of one platform's request timed alone (median of 5). Run: `BENCH_DATABASE_URL=… npx tsx bench/targets-profile.ts`.
 */
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is not set');
const database = await freshPostgres(url);
try {
  useThrowawayAuditKey();
  await prepareDatabase(database.db, { adminPassword: null, demo: true }, new Date());
  const pool = rawPool(database.url, 2);
  await seedFunnelBench(pool);
  const time = async (label: string, run: () => Promise<unknown>) => {
    await run();
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await run();
      ms.push(performance.now() - started);
    }
    console.log(label.padEnd(48), `${ms.sort((a, b) => a - b)[2]!.toFixed(0)} ms`);
  };
  const projects = await projectsForTargets(database.db, ['zhenan']);
  const handed = projects.map((p) => ({
    id: p.id,
    code: p.creditCode,
    platform: p.reportedPlatformKey,
    reported: p.reportedOn,
    landed: p.landedOn,
  }));
  console.log(`zhenan: ${projects.length} projects handed over`);
  await time('projectsForTargets (zhenan)', () => projectsForTargets(database.db, ['zhenan']));
  const input = {
    platformKey: 'zhenan' as const,
    latestPerEnterprise: false,
    groupBy: 'quarter' as const,
    projects: firstReportsForTargets(['zhenan']),
  };
  await time('funnelFigures (zhenan, by quarter)', () => funnelFigures(database.db, input));
  await time('JSON.stringify of the projects', () => Promise.resolve(JSON.stringify(handed)));
  // What the funnel did before: the projects read into Node, then handed back as one jsonb parameter.
  await time('(before) jsonb parameter sent and parsed, counted', () =>
    pool.query('SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS p(id int, code text)', [JSON.stringify(handed)]),
  );
  await time('targets of zhenan counted by quarter (no projects)', () =>
    pool.query("SELECT quarter, count(*) FROM targets WHERE platform_key = 'zhenan' GROUP BY 1"),
  );
  if (process.env.EXPLAIN) {
    const captured: string[] = [];
    // The funnel only awaits what execute() resolves to, so a plain promise stands in for Drizzle's query object:
    // each query is sent to EXPLAIN instead and its plan printed.
    type Execute = (query: Parameters<typeof database.db.execute>[0]) => Promise<{ rows: never[] }>;
    const explain: Execute = async (query) => {
      const built = (
        database.db as unknown as { dialect: { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } } }
      ).dialect.sqlToQuery(query);
      captured.push(built.sql);
      const plan = await pool.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${built.sql}`, built.params);
      console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
      return { rows: [] };
    };
    (database.db as unknown as { execute: Execute }).execute = explain;
    await funnelFigures(database.db, input);
  }
  await pool.end();
} finally {
  await database.close();
}

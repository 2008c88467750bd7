import os from 'node:os';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { defaultRubric, PLATFORM_KEYS, shanghaiDay } from '@pgs/domain';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { actorOfUsername } from '../packages/server/src/users/users.service.ts';
import { createAssessment } from '../packages/server/src/assessment/assessment.service.ts';
import { freshPostgres } from './classify.bench.ts';
import { seedCockpitBench } from './cockpit.bench.ts';
import { allFigureRows } from './assessment-rows.ts';
import { FIGURE_SOURCE_REGISTRY } from '../packages/server/src/assessment/figure-sources.ts';
import { figureContext } from '../packages/server/src/assessment/figure-source.ts';
import { rawPool } from './raw-pool.ts';

const CASES = Number(process.env.BENCH_COCKPIT_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
/** JSON with every object's keys sorted: a stored jsonb gives its keys back in its own order, not the writer's. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Renewal cases over the three platforms, deadlines spread over two years, a third completed (some late), some withdrawn. */
async function seedBenchCases(pool: pg.Pool, year: number) {
  await pool.query(
    `INSERT INTO renewal_cases (platform_key, credit_code, enterprise_name, track, status, department, responsible_person,
       opened_on, deadline, completed_on, plan_year, created_at, created_by, updated_at)
     SELECT (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3], 'BENCH' || n, '基准更新企业' || n,
       (ARRAY['elimination','overcapacity_cleanup','zombie_exit'])[1 + n % 3],
       CASE WHEN n % 3 = 0 THEN 'completed' WHEN n % 11 = 0 THEN 'withdrawn' ELSE 'in_progress' END,
       '市经信委', '基准', d - 200, d, CASE WHEN n % 3 = 0 THEN d - 20 + n % 40 END, $2::int, now(), 'bench', now()
     FROM generate_series(1, $1) AS n, LATERAL (SELECT $3::date + (n % 700) AS d) AS x`,
    [CASES, year, `${year - 1}-03-01`],
  );
  await pool.query('VACUUM ANALYZE renewal_cases');
}

/**
 * Issue #15: the yearly assessment at bench scale (the cockpit bench's 100 000 projects, parcels with their dated
 * moves, targets, plus 100 000 renewal cases): the time to compute a saved assessment and a simulation, the size of
 * the stored result, and a digest of every figure and row (equal before and after a change means the same answers).
 */
export async function benchAssessment(databaseUrl: string) {
  const database = await freshPostgres(databaseUrl);
  try {
    useThrowawayAuditKey();
    const now = new Date();
    const year = Number(shanghaiDay(now).slice(0, 4));
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, now);
    const pool = rawPool(database.url, 4);
    await seedCockpitBench(pool, year);
    await seedBenchCases(pool, year);
    const drc = (await actorOfUsername(database.db, 'drc'))!;
    // Where a computation spends its time: each source for the three platforms, counted only (as a simulation).
    const sourceMs: Record<string, number> = {};
    const asOf = shanghaiDay(now);
    for (const source of Object.values(FIGURE_SOURCE_REGISTRY)) {
      const context = figureContext({
        db: database.db,
        year,
        asOf,
        rubric: defaultRubric(year),
        now,
        assessmentId: null,
      });
      const started = performance.now();
      for (const key of PLATFORM_KEYS) await source.figure(context, key);
      sourceMs[source.key] = Math.round(performance.now() - started);
    }
    const savedMs: number[] = [];
    const simulatedMs: number[] = [];
    let lastId = 0;
    const loads: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      await createAssessment(database.db, drc, { year, simulate: true }, now);
      simulatedMs.push(performance.now() - started);
      started = performance.now();
      lastId = (await createAssessment(database.db, drc, { year }, now)).id!;
      savedMs.push(performance.now() - started);
      loads.push(load());
    }
    const size = await pool.query<{ stored: number; text: number }>(
      'SELECT pg_column_size(result) AS stored, octet_length(result::text) AS text FROM assessments WHERE id = $1',
      [lastId],
    );
    // to_regclass: the table does not exist before issue #15 (a plain name would fail the whole statement).
    const table = await pool.query<{ bytes: string | null }>(
      `SELECT pg_total_relation_size(to_regclass('assessment_figure_rows'))::text AS bytes`,
    );
    // The rows one assessment keeps beside it (the table holds every run's).
    const kept =
      table.rows[0]!.bytes === null
        ? null
        : await pool.query<{ bytes: string | null }>(
            'SELECT sum(pg_column_size(r.*))::text AS bytes FROM assessment_figure_rows r WHERE assessment_id = $1',
            [lastId],
          );
    const figures = await allFigureRows(database.db, drc, lastId);
    if (process.env.BENCH_DIGEST_FILE)
      writeFileSync(process.env.BENCH_DIGEST_FILE, figures.digestInput.map((x) => canonical(x)).join('\n'));
    const digest = createHash('sha256').update(canonical(figures.digestInput)).digest('hex').slice(0, 16);
    await pool.end();
    return {
      simulatedMs: median(simulatedMs),
      savedMs: median(savedMs),
      resultBytes: size.rows[0]!.stored,
      resultTextBytes: size.rows[0]!.text,
      tableBytes: table.rows[0]!.bytes === null ? null : Number(table.rows[0]!.bytes),
      keptBytes: kept?.rows[0]?.bytes ? Number(kept.rows[0].bytes) : null,
      sourceMs,
      rowCounts: figures.rowCounts,
      digest,
      loads,
    };
  } finally {
    await database.close();
  }
}

export function assessmentLines(r: Awaited<ReturnType<typeof benchAssessment>>): string[] {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  return [
    `assessment: saved ${r.savedMs.toFixed(0)} ms, simulated ${r.simulatedMs.toFixed(0)} ms (median of ${RUNS}; load ${r.loads.join(' | ')})`,
    `assessment: stored result ${kb(r.resultBytes)} (text ${kb(r.resultTextBytes)}), rows table ${r.tableBytes === null ? '—' : kb(r.tableBytes)} (this assessment's rows ${r.keptBytes === null ? '—' : kb(r.keptBytes)})`,
    `assessment: each source for the three platforms (ms): ${JSON.stringify(r.sourceMs)}`,
    `assessment: rows ${JSON.stringify(r.rowCounts)}, digest of figures and rows ${r.digest}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const line of assessmentLines(await benchAssessment(url))) console.log(line);
  process.exit(0);
}

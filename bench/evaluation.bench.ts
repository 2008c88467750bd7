import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { creditCodeProblem, DEFAULT_EVALUATION_METHOD, type EvaluationSetKey, type IndicatorCode } from '@pgs/domain';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { actorOfUsername } from '../packages/server/src/users/users.service.ts';
import { runEvaluation, type RunTimings } from '../packages/server/src/mu-evaluation/mu-evaluation.service.ts';
import { freshPostgres } from './classify.bench.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { rawPool } from './raw-pool.ts';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const YEAR = 2025;
/** Each side runs this many times; the best time counts (the first run of each also warms the caches). */
const ROUNDS = 2;

/** GB 32100-2015 check character, as packages/domain/src/projects/credit-code.ts computes it. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(n: number): string {
  const body = `91330300${String(n).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += CHARSET.indexOf(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  return body + CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * 100 000 records of one year loaded straight into the table (setup, not timed): a deterministic spread of kinds,
 * scales, platforms, sizes and figures, with some missing figures (D14), tenants, utilities, newcomers, enterprises
 * not producing and zombies, so every branch of the evaluation runs.
 */
export async function loadRecords(pool: pg.Pool) {
  const codes = Array.from({ length: ENTERPRISES }, (_, i) => creditCode(i + 1));
  if (creditCodeProblem(codes[0]!) !== null) throw new Error('bench credit codes are not valid');
  await pool.query(
    `INSERT INTO enterprise_records (credit_code, year, name, platform_key, kind, scale, land_owned, land_leased, tax, value_added, revenue,
       rd_expense, employees, energy_tce, emissions_tons, electricity_kwh, water_tons, producing, registered_on, industry_code, zombie,
       zombie_basis, utility, imported_at, imported_by)
     SELECT code, $2, '基准企业' || n,
            (ARRAY['oujiangkou','zhenan','hitech',NULL])[1 + n % 4],
            CASE WHEN n % 10 < 7 THEN 'industrial' ELSE 'service' END,
            CASE WHEN n % 5 < 2 THEN 'above' ELSE 'below' END,
            CASE WHEN n % 9 = 0 THEN NULL ELSE 1 + (n * 7919) % 200 END,
            CASE WHEN n % 9 = 0 THEN 1 + (n * 31) % 40 WHEN n % 7 = 0 THEN (n * 13) % 20 ELSE NULL END,
            ((n * 104729) % 50000) / 100.0,
            ((n * 15485863) % 400000) / 100.0,
            ((n * 32452843) % 2000000) / 100.0,
            CASE WHEN n % 11 = 0 THEN NULL ELSE ((n * 49979687) % 20000) / 100.0 END,
            5 + (n * 7) % 500,
            CASE WHEN n % 13 = 0 THEN NULL ELSE ((n * 86028121) % 100000) / 10.0 END,
            CASE WHEN n % 6 = 0 THEN NULL ELSE ((n * 179424673) % 5000) / 100.0 END,
            (n * 373587883) % 10000000,
            (n * 7) % 200000,
            n % 50 <> 0,
            make_date((2000 + n % 26)::int, (1 + n % 12)::int, (1 + n % 28)::int),
            CASE WHEN n % 100 = 0 THEN '4411' WHEN n % 199 = 0 THEN '7820' ELSE (ARRAY['3821','3612','3491','2710','5211','6510'])[1 + n % 6] END,
            n % 150 = 0, CASE WHEN n % 150 = 0 THEN '停产一年以上' END, false, now(), 'bench'
     FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n)`,
    [codes, YEAR],
  );
  await pool.query('VACUUM ANALYZE enterprise_records');
}

/** The value of each indicator as SQL over float8 figures (DOMAIN-FACTS §1.2; the same definitions as indicators.ts). */
const VALUE_SQL: Partial<Record<IndicatorCode, string>> = {
  tax_per_mu: 'tax / nullif(land, 0)',
  value_added_per_mu: 'value_added / nullif(land, 0)',
  revenue_per_mu: 'revenue / nullif(land, 0)',
  labour_productivity: 'value_added / nullif(employees, 0)',
  rd_intensity: 'rd_expense / nullif(revenue, 0)',
  value_added_per_energy: 'value_added / nullif(energy_tce, 0)',
  value_added_per_emission: 'value_added / nullif(emissions_tons, 0)',
  tax_per_electricity: 'tax * 10000 / nullif(electricity_kwh, 0)',
};

/**
 * The default method's scoring as ONE SQL statement with window functions: exclusions → class T; indicator values;
 * benchmarks = the mean over the set's evaluated enterprises (a window avg with FILTER); per-indicator score =
 * least(cap, greatest(0, value ÷ benchmark × weight)) rounded to 1e-6, a missing value scoring 0; total; rank per set
 * ("1224", as the domain's rankSet) and percentile = rank ÷ n; class by the cumulative cuts (exact: floor(cut × n) in
 * numeric); INSERT of every enterprise with the same columns the service writes — indicators as the same jsonb
 * [[value, score], …] and a class sentence — into a copy of evaluation_results with the same keys and indexes.
 * Not in SQL: the R3.2 D-share push of the platforms, which the service does on top.
 */
function evaluationSql(): string {
  const method = DEFAULT_EVALUATION_METHOD;
  const codes = [...new Set(Object.values(method.sets).flatMap((set) => set.indicators.map((rule) => rule.code)))];
  const values = codes.map((code) => `${VALUE_SQL[code]!} AS v_${code}`).join(',\n         ');
  const benchmarks = codes
    .map((code) => `avg(v_${code}) FILTER (WHERE NOT excluded) OVER (PARTITION BY set) AS b_${code}`)
    .join(',\n         ');
  const scoreOf = (code: IndicatorCode, weight: number, cap: number) =>
    `CASE WHEN v_${code} IS NULL OR b_${code} IS NULL OR b_${code} <= 0 THEN 0 ELSE round(least(${cap}, greatest(0, v_${code} / b_${code} * ${weight})) * 1e6) / 1e6 END`;
  const perSet = (
    set: EvaluationSetKey,
    build: (code: IndicatorCode, weight: number, cap: number) => string,
    join: string,
  ) =>
    `WHEN '${set}' THEN ${method.sets[set].indicators.map((rule) => build(rule.code, rule.weight, rule.capFactor * rule.weight)).join(join)}`;
  const sets = Object.keys(method.sets) as EvaluationSetKey[];
  const total = `CASE set ${sets.map((set) => perSet(set, scoreOf, ' + ')).join(' ')} END`;
  const indicatorJson = `CASE set ${sets
    .map(
      (set) =>
        perSet(
          set,
          (code, weight, cap) =>
            `jsonb_build_array(v_${code}, CASE WHEN excluded THEN NULL ELSE ${scoreOf(code, weight, cap)} END)`,
          ', ',
        ).replace(/^WHEN '(\w+)' THEN /, "WHEN '$1' THEN jsonb_build_array(") + ')',
    )
    .join(' ')} END`;
  const utilities =
    "utility OR industry_code = 'D' OR left(industry_code, 2) IN ('44', '45', '46') OR industry_code LIKE '7820%'";
  return `
    INSERT INTO sql_evaluation_results (run_id, credit_code, name, platform_key, set, class, base_class, score, rank, percentile, set_size, indicators, class_rule, excluded_reason)
    WITH base AS (
      SELECT credit_code, name, platform_key,
             CASE WHEN kind = 'service' THEN 'service' WHEN scale = 'above' THEN 'industrial_above' ELSE 'industrial_below' END AS set,
             (${utilities}) OR registered_on > make_date($1::int - 2, 12, 31) OR (NOT producing AND NOT zombie) AS excluded,
             CASE WHEN land_owned IS NULL AND land_leased IS NULL THEN NULL ELSE (coalesce(land_owned, 0) + coalesce(land_leased, 0))::float8 END AS land,
             tax::float8 AS tax, value_added::float8 AS value_added, revenue::float8 AS revenue, rd_expense::float8 AS rd_expense,
             employees::float8 AS employees, energy_tce::float8 AS energy_tce, emissions_tons::float8 AS emissions_tons, electricity_kwh::float8 AS electricity_kwh
      FROM enterprise_records WHERE year = $1
    ), vals AS (
      SELECT *, ${values} FROM base
    ), benched AS (
      SELECT *, ${benchmarks} FROM vals
    ), scored AS (
      SELECT *, CASE WHEN excluded THEN NULL ELSE ${total} END AS score FROM benched
    ), ranked AS (
      SELECT *, rank() OVER (PARTITION BY set, excluded ORDER BY score DESC) AS rnk, count(*) FILTER (WHERE NOT excluded) OVER (PARTITION BY set) AS n
      FROM scored
    ), classed AS (
      SELECT *, CASE WHEN excluded THEN 'T'
                     WHEN rnk <= floor(${method.cuts.A}::numeric * n) THEN 'A'
                     WHEN rnk <= floor(${method.cuts.B}::numeric * n) THEN 'B'
                     WHEN rnk <= floor(${method.cuts.C}::numeric * n) THEN 'C' ELSE 'D' END AS cls
      FROM ranked
    )
    SELECT 1, credit_code, name, platform_key, set, cls, cls, score,
           CASE WHEN excluded THEN NULL ELSE rnk END, CASE WHEN excluded THEN NULL ELSE rnk::float8 / n END, n,
           ${indicatorJson},
           CASE WHEN excluded THEN '不定等级（T类）'
                ELSE format('在“%s”%s 家参评企业中得分排第 %s 名（百分位 %s%%）→ %s类', set, n, rnk, round(rnk * 10000.0 / n) / 100, cls) END,
           CASE WHEN excluded THEN '不参评' END
    FROM classed`;
}

/**
 * Issue #4 bench (a): the evaluation of 100 000 enterprises end to end through the service (read the year's records,
 * score, class, push the platforms' D shares, write the run and all results in one transaction) against the same
 * scoring written as one SQL statement with window functions. Aim: at most 2× the SQL time.
 */
export async function benchEvaluation(postgresUrl: string) {
  const database = await freshPostgres(postgresUrl);
  const pool = rawPool(database.url, 2);
  try {
    useThrowawayAuditKey(); // the audit chain's key: a random one for the benchmark
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, new Date());
    await loadRecords(pool);
    await pool.query('CREATE TABLE sql_evaluation_results (LIKE evaluation_results INCLUDING ALL)');
    const actor = (await actorOfUsername(database.db, 'eitc'))!;
    const statement = evaluationSql();

    let best: { totalMs: number; timings: RunTimings; results: number; runId: number } | null = null;
    let sqlMs = Infinity;
    let sqlRows = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      await pool.query('TRUNCATE sql_evaluation_results');
      const sqlStarted = performance.now();
      const inserted = await pool.query(statement, [YEAR]);
      sqlMs = Math.min(sqlMs, performance.now() - sqlStarted);
      sqlRows = inserted.rowCount ?? 0;

      const timings: RunTimings = { readMs: 0, scoreMs: 0, writeMs: 0 };
      const started = performance.now();
      const summary = await runEvaluation(database.db, actor, { year: YEAR }, new Date(), { timings });
      const totalMs = performance.now() - started;
      if (!best || totalMs < best.totalMs) best = { totalMs, timings, results: summary.total, runId: summary.id };
    }
    // The two must compute the same thing: the service's class before the push (base_class) equals the SQL's class.
    // Ranks may differ by one where two totals differ in the last float digit (the sums are added in another order).
    const agreement = await pool.query<{ classes: string; ranks: string }>(
      `SELECT count(*) FILTER (WHERE r.base_class = s.class) AS classes, count(*) FILTER (WHERE r.rank IS NOT DISTINCT FROM s.rank) AS ranks
       FROM sql_evaluation_results s JOIN evaluation_results r ON r.credit_code = s.credit_code AND r.run_id = $1`,
      [best!.runId],
    );
    const same = { classes: Number(agreement.rows[0]!.classes), ranks: Number(agreement.rows[0]!.ranks) };
    return { enterprises: ENTERPRISES, sqlRows, sqlMs, service: best!, ratio: best!.totalMs / sqlMs, same };
  } finally {
    await pool.end();
    await database.close();
  }
}

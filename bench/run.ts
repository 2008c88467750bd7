import os from 'node:os';
import { benchClassify } from './classify.bench.ts';
import { benchLedger } from './ledger.bench.ts';
import { benchEvaluation } from './evaluation.bench.ts';
import { benchEnterpriseImportInChild } from './enterprise-import.bench.ts';
import { benchFirstPageJs } from './first-page.bench.ts';
import { benchStart } from './start.bench.ts';
import { benchWarmReload, seededDataDir, type LoadFigures } from './warm-reload.bench.ts';
import { benchLand, landLines } from './land.bench.ts';
import { benchCockpit, cockpitLines } from './cockpit.bench.ts';
import { benchTargets } from './targets.bench.ts';
import type { CpuSplit } from './cpu-split.ts';

/**
 * `npm run bench` (issue #15): every figure is the median of BENCH_RUNS (3) runs with their spread, printed beside
 * its limit measured in the same runs and the aim. The machine's load is printed before and after: on a
 * shared machine compare the ratios, not the absolute times.
 *
 * Runs on embedded PGlite, and also on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 * BENCH_ONLY=classify,ledger,evaluation,import,firstpage,start,warmreload,cockpit runs only those.
 */
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);
const format = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};
/** The first run's result (every run has the same scale and sizes). */
const first = <T>(results: T[]): T => {
  const [head] = results;
  if (head === undefined) throw new Error('BENCH_RUNS must be at least 1');
  return head;
};
/** "1.23 (1.10–1.40)": the median and the spread of the runs. */
const figure = (values: number[], digits = 3) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

/**
 * Where the CPU of a throughput run went, per item (ms, median of the runs): on the 2 cores the server (or the raw
 * client), the load generator and PostgreSQL share, the throughput is their sum's limit (issue #15's ledger ratio).
 */
function printCpuSplit(label: string, splits: Array<CpuSplit | null>) {
  const known = splits.filter((split): split is CpuSplit => split !== null);
  if (known.length === 0) return;
  const ms = (pick: (split: CpuSplit) => number) => figure(known.map(pick), 2);
  console.log(
    `  CPU ms, ${label.padEnd(19)}: main thread ${ms((s) => s.mainThread)}, other threads ${ms((s) => s.otherThreads)},`,
  );
  console.log(
    `    outside the process (PostgreSQL, kernel) ${ms((s) => s.outside)}; cores busy ${ms((s) => s.machineCores)}`,
  );
}

async function runs<T>(make: () => Promise<T> | T): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < RUNS; i += 1) results.push(await make());
  return results;
}

console.log(`PGS bench: ${RUNS} runs per figure, median (spread min–max). Load average at start: ${load()}`);

if (wanted('classify')) {
  for (const url of [null, ...(postgresUrl ? [postgresUrl] : [])]) {
    const results = await runs(() => benchClassify(url));
    const aim = url ? '≥ 0.3' : '≥ 0.25';
    console.log(`\nGET /api/v1/catalogs/:platformKey/classify on ${first(results).driver} (load ${load()}):`);
    console.log(
      `  bare Fastify constant route : ${figure(
        results.map((r) => r.baseline.rps),
        0,
      )} req/s`,
    );
    console.log(
      `  classify                    : ${figure(
        results.map((r) => r.classify.rps),
        0,
      )} req/s`,
    );
    console.log(
      `  classify p99                : ${figure(
        results.map((r) => r.classify.p99),
        1,
      )} ms`,
    );
    console.log(`  ratio classify / bare       : ${figure(results.map((r) => r.ratio))} (aim ${aim})`);
  }
}

if (postgresUrl && wanted('ledger')) {
  const results = await runs(() => benchLedger(postgresUrl));
  console.log(
    `\nGET /api/v1/projects (filters + page of 50) with ${format(first(results).projects)} projects (load ${load()}):`,
  );
  console.log(
    `  same SQL through pg directly: ${figure(
      results.map((r) => r.raw.rps),
      0,
    )} pages/s`,
  );
  console.log(
    `  ledger API                  : ${figure(
      results.map((r) => r.api.rps),
      0,
    )} req/s`,
  );
  console.log(
    `  same SQL p99                : ${figure(
      results.map((r) => r.raw.p99),
      1,
    )} ms (the limit in the same run)`,
  );
  console.log(
    `  ledger API p99              : ${figure(
      results.map((r) => r.api.p99),
      1,
    )} ms (aim < 50 ms)`,
  );
  console.log(`  ratio API / raw SQL         : ${figure(results.map((r) => r.ratio))} (aim ≥ 0.75)`);
  printCpuSplit(
    'API, per request',
    results.map((r) => r.apiCpu),
  );
  printCpuSplit(
    'same SQL, per page',
    results.map((r) => r.rawCpu),
  );
}

if (postgresUrl && wanted('evaluation')) {
  const results = await runs(() => benchEvaluation(postgresUrl));
  console.log(`\nPOST /api/v1/evaluations with ${format(first(results).enterprises)} enterprises (load ${load()}):`);
  console.log(
    `  one SQL statement (window functions + INSERT): ${figure(
      results.map((r) => r.sqlMs),
      0,
    )} ms`,
  );
  console.log(
    `  evaluation service end to end              : ${figure(
      results.map((r) => r.service.totalMs),
      0,
    )} ms`,
  );
  console.log(
    `    read phase                               : ${figure(
      results.map((r) => r.service.timings.readMs),
      0,
    )} ms`,
  );
  console.log(
    `    score phase                              : ${figure(
      results.map((r) => r.service.timings.scoreMs),
      0,
    )} ms`,
  );
  console.log(
    `    write phase                              : ${figure(
      results.map((r) => r.service.timings.writeMs),
      0,
    )} ms`,
  );
  console.log(`  ratio service / SQL                        : ${figure(results.map((r) => r.ratio))} (aim ≤ 1.5)`);
  console.log(
    `  same class as the SQL                      : ${format(first(results).same.classes)} of ${format(first(results).sqlRows)}`,
  );
}

if (postgresUrl && wanted('import')) {
  const results = await runs(() => benchEnterpriseImportInChild(postgresUrl));
  console.log(`\nImport of a ${format(first(results).rows)}-row .xlsx (load ${load()}):`);
  console.log(
    `  PostgreSQL COPY of the same rows as CSV : ${figure(
      results.map((r) => r.copyMs),
      0,
    )} ms`,
  );
  console.log(
    `  import through the API, end to end       : ${figure(
      results.map((r) => r.importMs),
      0,
    )} ms`,
  );
  console.log(
    `  ratio import / COPY                      : ${figure(
      results.map((r) => r.ratio),
      2,
    )} (aim ≤ 2.5)`,
  );
  console.log(
    `  peak RSS during the import               : ${figure(
      results.map((r) => r.peakRssMb),
      0,
    )} MB (aim < 400 MB)`,
  );
}

if (postgresUrl && wanted('land')) {
  for (const line of landLines(await benchLand(postgresUrl))) console.log(line);
}

if (postgresUrl && wanted('cockpit')) {
  for (const line of cockpitLines(await benchCockpit(postgresUrl))) console.log(line);
}

if (postgresUrl && wanted('targets')) {
  // benchTargets itself runs three times and reports the median and spread.
  const funnel = await benchTargets(postgresUrl);
  const span = (r: { median: number; min: number; max: number }) =>
    `${format(r.median)} ms (min ${format(r.min)}, max ${format(r.max)})`;
  console.log(
    `\nGET /api/v1/targets/funnel, 3 platforms × 8 quarters, ${format(funnel.targets)} targets, ${format(funnel.projects)} projects and ${format(funnel.trips)} trips on postgres:`,
  );
  console.log(`  one SQL statement (both tables joined): ${span(funnel.sql)}`);
  console.log(`  funnel API (3 requests, by quarter)   : ${span(funnel.api)}`);
  console.log(
    `  ratio API / SQL (medians of 3)        : ${funnel.ratio.toFixed(3)} (aim ≤ 1.5); same figures in ${funnel.sameCells} of ${funnel.cells} cells`,
  );
}

if (!postgresUrl)
  console.log('\n台账、评价和导入基准需要 PostgreSQL：设置 BENCH_DATABASE_URL 或 TEST_DATABASE_URL 后再运行。');

if (wanted('firstpage')) {
  const result = benchFirstPageJs();
  console.log(`\nJS of the login page and the first page after it, from the built files (packages/web/dist):`);
  for (const line of result.lines) console.log(`  ${line}`);
  console.log(
    `  total: ${format(result.gzipBytes / 1024)} kB gzip (${format(result.rawBytes / 1024)} kB raw, ${result.files} files) (aim ≤ 300 kB gzip)`,
  );
}

if (wanted('start')) {
  const warm = await runs(() => benchStart('warm'));
  const empty = await runs(() => benchStart('empty'));
  const fresh = await runs(() => benchStart('fresh'));
  const seconds = (results: { ms: number }[]) =>
    figure(
      results.map((r) => r.ms / 1000),
      2,
    );
  console.log(`\nnpm start to a healthy /api/v1/health (load ${load()}):`);
  console.log(
    `  a bare \`node -e\` process starting, limit                        : ${figure(
      warm.map((r) => r.nodeMs / 1000),
      2,
    )} s`,
  );
  console.log(`  warm restart (data dir this build prepared, all built)          : ${seconds(warm)} s (aim ≤ 4 s)`);
  console.log(`  empty data dir, web + bundle + template data dir already built  : ${seconds(empty)} s`);
  console.log(
    `  first start as on a new checkout (vite, esbuild, initdb, demo)  : ${seconds(fresh)} s (aim ≤ 20 s, the issue's figure)`,
  );
}

if (wanted('warmreload')) {
  // One seeded data dir (BENCH_DATA_DIR, else one `npm start` seeds it), copied for each run.
  const seeded = process.env.BENCH_DATA_DIR ? null : await seededDataDir();
  try {
    const results = await runs(() => benchWarmReload(seeded?.dataDir));
    console.log(`\nThe 工作台 in Chromium, signed in as the leader, through \`npm start\` (load ${load()}):`);
    for (const name of ['cold', 'reload', 'again'] as const) {
      const of = (pick: (f: LoadFigures) => number) => results.map((r) => pick(r[name]));
      console.log(
        `  ${name.padEnd(6)}: ${figure(
          of((f) => f.ms),
          0,
        )} ms to the page and network idle; ${figure(
          of((f) => f.requests),
          0,
        )} documents/scripts/styles, ${figure(
          of((f) => f.fromNetwork),
          0,
        )} over the network, ${figure(
          of((f) => f.bytes / 1024),
          1,
        )} kB on the wire`,
      );
    }
  } finally {
    seeded?.remove();
  }
}

console.log(`\nLoad average at the end: ${load()}`);

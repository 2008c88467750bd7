import { benchClassify } from './classify.bench.ts';
import { benchLedger } from './ledger.bench.ts';
import { benchEvaluation } from './evaluation.bench.ts';
import { benchEnterpriseImportInChild, enterpriseImportLines } from './enterprise-import.bench.ts';
import { benchTargets } from './targets.bench.ts';

/**
 * `npm run bench`: every benchmark prints its figure beside the limit measured in the same run, and the ratio.
 * Runs on embedded PGlite, and also on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
const format = (n: number) => Math.round(n).toLocaleString('en-US');

for (const url of [null, ...(postgresUrl ? [postgresUrl] : [])]) {
  const result = await benchClassify(url);
  console.log(
    `\nGET /api/v1/catalogs/:platformKey/classify on ${result.driver} (session + validation + catalog look-up):`,
  );
  console.log(`  bare Fastify constant route : ${format(result.baseline.rps)} req/s (p99 ${result.baseline.p99} ms)`);
  console.log(`  classify                    : ${format(result.classify.rps)} req/s (p99 ${result.classify.p99} ms)`);
  console.log(`  ratio classify / bare       : ${result.ratio.toFixed(3)}`);
}

if (postgresUrl) {
  const ledger = await benchLedger(postgresUrl);
  console.log(`\nGET /api/v1/projects (filters + page of 50) with ${format(ledger.projects)} projects on postgres:`);
  console.log(`  same SQL through pg directly: ${format(ledger.raw.rps)} pages/s (p99 ${ledger.raw.p99} ms)`);
  console.log(`  ledger API                  : ${format(ledger.api.rps)} req/s (p99 ${ledger.api.p99} ms)`);
  console.log(`  ratio API / raw SQL         : ${ledger.ratio.toFixed(3)} (aim ≥ 0.5; p99 aim < 50 ms)`);

  const evaluation = await benchEvaluation(postgresUrl);
  const { readMs, scoreMs, writeMs } = evaluation.service.timings;
  console.log(
    `\nPOST /api/v1/evaluations (read, score, class, D push, write) with ${format(evaluation.enterprises)} enterprises on postgres:`,
  );
  console.log(`  one SQL statement (window functions + INSERT): ${format(evaluation.sqlMs)} ms`);
  console.log(
    `  evaluation service end to end              : ${format(evaluation.service.totalMs)} ms (read ${format(readMs)}, score ${format(scoreMs)}, write ${format(writeMs)})`,
  );
  console.log(
    `  ratio service / SQL                        : ${evaluation.ratio.toFixed(3)} (aim ≤ 2); same class ${format(evaluation.same.classes)} of ${format(evaluation.sqlRows)}`,
  );

  for (const line of enterpriseImportLines(benchEnterpriseImportInChild(postgresUrl))) console.log(line);

  const funnel = await benchTargets(postgresUrl);
  const span = (r: { median: number; min: number; max: number }) =>
    `${format(r.median)} ms (min ${format(r.min)}, max ${format(r.max)})`;
  console.log(
    `\nGET /api/v1/targets/funnel, 3 platforms × 8 quarters, ${format(funnel.targets)} targets and ${format(funnel.projects)} projects on postgres:`,
  );
  console.log(`  one SQL statement (both tables joined): ${span(funnel.sql)}`);
  console.log(`  funnel API (3 requests, by quarter)   : ${span(funnel.api)}`);
  console.log(
    `  ratio API / SQL (medians of 3)        : ${funnel.ratio.toFixed(3)} (aim ≤ 1.5); same figures in ${funnel.sameCells} of ${funnel.cells} cells`,
  );
} else {
  console.log('\n台账基准需要 PostgreSQL：设置 BENCH_DATABASE_URL 或 TEST_DATABASE_URL 后再运行。');
}

import { benchLand, landLines } from './land.bench.ts';

/** The land benches alone (issue #12), on the PostgreSQL of BENCH_DATABASE_URL or TEST_DATABASE_URL. */
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('地块基准需要 PostgreSQL：设置 BENCH_DATABASE_URL 或 TEST_DATABASE_URL 后再运行。');
} else {
  for (const line of landLines(await benchLand(url))) console.log(line);
}

import { openDatabase } from '../platform/db.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { formatFigures, runFuzz, startFuzzTarget } from './fuzz-runner.ts';

/**
 * `npm run fuzz`: the full fuzz suite against a fresh database (embedded PGlite in memory, or a new database on
 * TEST_DATABASE_URL when PGS_TEST_DRIVER=postgres), with the demo data set, on 127.0.0.1 only. Prints its figures and
 * exits 1 on any failure. FUZZ_REQUESTS (default 10 000), FUZZ_SEED (default the time), FUZZ_SLOW_BODIES (default 20).
 */
const requests = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const slowBodies = Number(process.env.FUZZ_SLOW_BODIES ?? 20);

const database =
  process.env.PGS_TEST_DRIVER === 'postgres'
    ? await createTestDatabase()
    : await openDatabase({ url: null, dataDir: null });
console.log(`fuzz: preparing ${database.driver} with the demo data set…`);
const target = await startFuzzTarget(database, { demoProjects: process.env.FUZZ_DEMO_PROJECTS !== '0' });
console.log(
  `fuzz: ${requests} requests + ${slowBodies} stalled bodies, seed ${seed}, against http://127.0.0.1:${target.port}`,
);
try {
  const figures = await runFuzz(target, { seed, requests, slowBodies, log: console.log });
  console.log(formatFigures(figures));
  process.exitCode = figures.failures.length > 0 ? 1 : 0;
} finally {
  await target.close();
  await database.close();
}

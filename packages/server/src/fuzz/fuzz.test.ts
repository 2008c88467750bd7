import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.ts';
import { formatFigures, runFuzz, startFuzzTarget, type FuzzTarget } from './fuzz-runner.ts';

/**
 * Issue #10: a small seeded sample of the fuzz suite in every test run (PGlite and PostgreSQL); `npm run fuzz` runs
 * the full one (≥ 10 000 requests). A failure prints the seed and the requests, so it can be replayed.
 */
let target: FuzzTarget;

beforeAll(async () => {
  target = await startFuzzTarget(await createTestDatabase(), { demoProjects: false });
});
afterAll(async () => {
  await target?.close();
  await target?.database.close();
});

describe('fuzz sample (issue #10)', () => {
  it(
    '400 malformed requests over every operation and role: no 5xx, none too slow, no refused request writes',
    { timeout: 120_000 },
    async () => {
      const figures = await runFuzz(target, { seed: 20261206, requests: 400, slowBodies: 2 });
      const report = formatFigures(figures);
      expect(figures.failures, report).toEqual([]);
      expect(figures.requests).toBe(402);
      expect(figures.slowBodies.cutWithinLimit).toBe(2);
      // Every operation of the document was sent at least once (the first pass walks them in order).
      expect(figures.operations).toBeGreaterThan(50);
    },
  );
});

import { defineConfig } from 'vitest/config';

/**
 * One runner for every tier (STYLE.md: small = domain and the web's pure helpers, medium = server on a real database,
 * e2e = Chromium). The server suite runs twice: on embedded PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 *
 * The tiers run one after another (`sequence.groupOrder`): the small ones, then both server projects together, then
 * the e2e tests alone, so Chromium never competes with the server tiers for this machine's 2 cores.
 * Each server project migrates and seeds one template database before its files start (globalSetup); each file
 * then gets a copy of it (packages/server/src/test/test-database.ts).
 */
const serverTests = ['packages/server/src/**/*.test.ts'];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const serverProject = (name: string, driver: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: serverTests,
    env: { PGS_TEST_DRIVER: driver },
    globalSetup: ['packages/server/src/test/global-setup.ts'],
    // 60 s: two files now run side by side on the 2 cores; the seeding and 100 000-row tests (5–12 s alone at load
    // 15) passed 30 s when the machine was also running other sessions' suites (load 27).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A worker keeps the server's modules loaded from one file to the next: importing and transforming them again
    // for every file cost ≈ 15 s a file under load, more than most files' tests. Each file still has its own
    // database copy and app (test-database.ts); no server test mocks modules, and each file sets the audit key
    // it writes with (useThrowawayAuditKey) before its first write.
    isolate: false,
    sequence: { groupOrder: 2 },
  },
});

export default defineConfig({
  test: {
    // vitest's default on this 2-core machine is one worker (cores − 1), which ran every domain, web and server file
    // one after another while the other core idled; the server files mostly wait on PGlite or PostgreSQL.
    maxWorkers: 2,
    projects: [
      // 30 s: the at-scale tests (100 000 enterprises, 20 000 records) pass in 1–3 s alone but took over 5 s under load.
      {
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts'],
          testTimeout: 30_000,
          sequence: { groupOrder: 1 },
        },
      },
      // The web's pure helpers (percent ↔ fraction, chart options, URL codecs): no browser, no DOM.
      {
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
        },
      },
      serverProject('server-pglite', 'pglite'),
      ...(withPostgres ? [serverProject('server-postgres', 'postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          // The seeded data dirs each file copies instead of seeding its own (e2e/support/app-server.ts).
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files side by side: one file kept this machine's 2 cores only about two-thirds busy (its browser waits
          // on animations and the network, its server on PGlite). Each file has its own process, server, database
          // copy and Chromium; the templates they copy are seeded once under a lock (app-server.ts).
          fileParallelism: true,
          // One retry: a browser test can lose a click to a busy machine (2 cores), and a CI run that fails on one
          // such loss throws away the whole change. A test that passes only on its retry is named after the summary
          // (scripts/test.mjs), so it is seen and fixed; a test that fails twice fails the run.
          retry: 1,
          // Each file in a fresh module graph: the e2e servers run in this process, and one file's server state
          // (kept in modules) must not reach the next file's server. With modules kept loaded from one file to the next,
          // the error-boundary test failed in every full run and passed alone.
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});

// A vitest reporter for `npm test` (scripts/test.mjs): where the suite's time goes. vitest's JSON report names a
// file by its path only, so a server file run on PGlite and on PostgreSQL cannot be told apart there, and its times
// leave out the file's import and its beforeAll. This one writes, for each test file, its project (tier) and the
// time vitest reports for it: environment, import and setup, then its tests and hooks (ModuleDiagnostic); and for
// each project the wall clock from its first file's start to its last file's end. Output: the JSON file named by
// PGS_TIMINGS_FILE. It also names the tests that passed only when retried.
import { writeFileSync } from 'node:fs';

export default class TimingsReporter {
  /** @type {Map<string, { start: number, end: number }>} */
  projects = new Map();

  /** @param {import('vitest/node').TestModule} testModule */
  onTestModuleQueued(testModule) {
    const name = testModule.project.name;
    const now = Date.now();
    const span = this.projects.get(name);
    if (!span) this.projects.set(name, { start: now, end: now });
    else span.start = Math.min(span.start, now);
  }

  /** @param {import('vitest/node').TestModule} testModule */
  onTestModuleEnd(testModule) {
    const span = this.projects.get(testModule.project.name);
    if (span) span.end = Math.max(span.end, Date.now());
  }

  /** @param {ReadonlyArray<import('vitest/node').TestModule>} testModules */
  onTestRunEnd(testModules) {
    const target = process.env.PGS_TIMINGS_FILE;
    if (!target) return;
    const files = testModules.map((testModule) => {
      const d = testModule.diagnostic();
      const ms = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
      return { project: testModule.project.name, file: testModule.relativeModuleId, ms };
    });
    const projects = [...this.projects].map(([name, span]) => ({ name, wallMs: span.end - span.start }));
    // Tests that passed only on a retry (the e2e tier retries once): named with what failed the first time (a passed
    // test keeps the errors of its failed attempts), so a flaky test is seen, and can be diagnosed from the CI log.
    const retried = testModules.flatMap((testModule) =>
      [...testModule.children.allTests()]
        .filter((test) => test.result().state === 'passed' && (test.diagnostic()?.retryCount ?? 0) > 0)
        .map((test) => ({
          file: testModule.relativeModuleId,
          name: test.fullName,
          errors: (test.result().errors ?? []).map(firstFailure),
        })),
    );
    writeFileSync(target, JSON.stringify({ projects, files, retried }));
  }
}

/**
 * An attempt's error as a few lines: its message, then the first stack frame in a test file (where it failed).
 * @param {{ message?: string, stack?: string }} error
 */
function firstFailure(error) {
  const message = (error.message ?? String(error)).split('\n').slice(0, 6).join('\n');
  const where = (error.stack ?? '').split('\n').find((line) => /\.(e2e|test)\.ts:\d+/.test(line));
  return where ? `${message}\n${where.trim()}` : message;
}

// `npm test`: type-check every package (tsc -b), then every tier — domain and the web's helpers, server on PGlite (and
// on PostgreSQL when TEST_DATABASE_URL is set), and the Chromium e2e tests against the built web app. Ends with one
// plain "N passed, N failed" line. The format check and the module boundaries (dependency-cruiser) always run before
// the tests; PGS_STRICT_CHECKS=1 also runs lint (off until the tree is clean of it; `npm run check` turns it on).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

/** A check before the tests: on failure, one clear line and the run stops (its own output is above it). */
function check(label, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${label}未通过（见上方输出），测试没有运行。`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`${label}通过（${seconds} 秒）。`);
}

check('类型检查（tsc -b）', bin('tsc'), ['-b']);
check('格式检查（prettier --check）', bin('prettier'), ['--check', '--log-level=warn', '.']);
check('模块边界检查（dependency-cruiser）', bin('depcruise'), [
  'packages',
  'e2e',
  'bench',
  '--config',
  '.dependency-cruiser.cjs',
]);
if (process.env.PGS_STRICT_CHECKS === '1') {
  check('代码检查（eslint，全部代码）', bin('eslint'), ['.', '--max-warnings=0']);
} else {
  // Always: lint on the paths already clean of it (the ratchet, scripts/lint-clean-paths.mjs).
  const { LINT_CLEAN_PATHS } = await import('./lint-clean-paths.mjs');
  check('代码检查（eslint，已达标的目录）', bin('eslint'), [...LINT_CLEAN_PATHS, '--max-warnings=0']);
}
buildWebIfStale();
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '提示：未设置 TEST_DATABASE_URL，服务端测试只在嵌入式 PGlite 上运行（设置后同一套测试也在 PostgreSQL 上运行）。',
  );
}
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-test-report-'));
const report = path.join(reportDir, 'vitest.json');
const run = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
let status = run.status ?? 1;
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, testResults } = JSON.parse(
    readFileSync(report, 'utf8'),
  );
  // A file that fails before its tests run (a missing fixture, a throwing beforeAll) has no failed test of its own:
  // count it as a failure so the summary line never reads "0 failed" on a red run.
  const brokenFiles = testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
  ).length;
  if (numTotalTests === 0 || brokenFiles > 0) status = 1;
  const failed = numFailedTests + brokenFiles;
  console.log(`${numPassedTests} passed, ${failed} failed${numPendingTests ? `, ${numPendingTests} not run` : ''}`);
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(status);

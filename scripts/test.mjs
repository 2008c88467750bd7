// `npm test`: every tier — domain, server on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set), and the
// Chromium e2e tests against the built web app. Ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildWebIfStale();
if (!process.env.TEST_DATABASE_URL) {
  console.log('提示：未设置 TEST_DATABASE_URL，服务端测试只在嵌入式 PGlite 上运行（设置后同一套测试也在 PostgreSQL 上运行）。');
}
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-test-report-'));
const report = path.join(reportDir, 'vitest.json');
const run = spawnSync(
  path.join(root, 'node_modules/.bin/vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
let status = run.status ?? 1;
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, testResults } = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails before its tests run (a missing fixture, a throwing beforeAll) has no failed test of its own:
  // count it as a failure so the summary line never reads "0 failed" on a red run.
  const brokenFiles = testResults.filter((file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')).length;
  if (numTotalTests === 0 || brokenFiles > 0) status = 1;
  const failed = numFailedTests + brokenFiles;
  console.log(`${numPassedTests} passed, ${failed} failed${numPendingTests ? `, ${numPendingTests} not run` : ''}`);
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(status);

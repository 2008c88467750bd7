// `npm test`: type-check every package (tsc -b), check the format (Prettier), the module boundaries
// (dependency-cruiser) and lint the whole tree (ESLint, no warning allowed), then run every tier — domain and the
// web's helpers, server on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set), and the Chromium e2e tests
// against the built web app. A failed check stops the run before any test. After the tests: each tier's time and the
// ten slowest test files (scripts/vitest-timings.mjs), then one plain "N passed, N failed" line, always the last.
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
check('代码检查（eslint）', bin('eslint'), ['.', '--max-warnings=0']);
buildWebIfStale();
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '提示：未设置 TEST_DATABASE_URL，服务端测试只在嵌入式 PGlite 上运行（设置后同一套测试也在 PostgreSQL 上运行）。',
  );
}
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-test-report-'));
const report = path.join(reportDir, 'vitest.json');
const timings = path.join(reportDir, 'timings.json');
const run = spawnSync(
  bin('vitest'),
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    `--reporter=${path.join(root, 'scripts/vitest-timings.mjs')}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PGS_TIMINGS_FILE: timings } },
);
let status = run.status ?? 1;
if (existsSync(timings)) printTimings(JSON.parse(readFileSync(timings, 'utf8')));
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

/**
 * Where the suite's time went, before the summary line: each tier's wall clock (first file started → last file
 * ended; the two server tiers run side by side) with the sum of its files' own times, and the ten slowest files.
 */
function printTimings({ projects, files, retried = [] }) {
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} 秒`;
  console.log('\n各测试层耗时（墙钟；括号内为各文件耗时之和）：');
  for (const { name, wallMs } of projects) {
    const own = files.filter((file) => file.project === name);
    const sum = own.reduce((total, file) => total + file.ms, 0);
    console.log(`  ${name}: ${seconds(wallMs)}（${own.length} 个文件，合计 ${seconds(sum)}）`);
  }
  console.log('最慢的 10 个测试文件：');
  for (const file of [...files].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    console.log(`  ${seconds(file.ms).padStart(9)}  ${file.project}  ${file.file}`);
  }
  if (retried.length > 0) {
    console.log(`重试后才通过的测试（不稳定，须查明原因）：${retried.length} 个`);
    for (const test of retried) {
      console.log(`  ${test.file} > ${test.name}`);
      for (const error of test.errors ?? []) console.log(`    首次失败：${error.replaceAll('\n', '\n      ')}`);
    }
  }
}

import { performance } from 'node:perf_hooks';
import {
  compareRuns,
  evaluateYear,
  methodProblems,
  rectificationList,
  type EvaluationMethod,
  type RunProgress,
} from '@pgs/domain';
import type { EvaluationRunSummary, SimulationView } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { ProgressBoard } from '../platform/progress-board.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordCountOfYear, recordsOfYear, revenuesOfYear } from '../enterprises/enterprise-records.service.ts';
import { insertRectification } from './rectification.repository.ts';
import { methodOfYear } from './mu-evaluation-methods.service.ts';
import { insertResults, insertRun } from './mu-evaluation-results.repository.ts';
import { ADVISORY_LOCKS, oneAtATime } from '../platform/advisory-locks.ts';
import { platformRules, summaryOfId } from './mu-evaluation-views.ts';

export type RunTimings = { readMs: number; scoreMs: number; writeMs: number };

/** What a caller may watch of a run: the split of its time (the bench), its progress (the page, through the route). */
export type RunObservers = { timings?: RunTimings; onProgress?: (progress: RunProgress) => void };

/**
 * R3.2 `POST /evaluations {year}`: reads the year's records and method, scores and classes every enterprise with the
 * domain's evaluateYear, makes its R3.4 rectification list (with last year's revenues for growth), and writes the
 * run (with a snapshot of the method, measure and rectification settings it used), all its results and the list in
 * ONE transaction with batched inserts, audited once. Records are read and scored
 * outside the transaction so no lock is held while JavaScript computes. `observers` hear the split of the time
 * (the bench) and the progress: records read, scoring, results written, done or failed (with the reason).
 */
export async function runEvaluation(
  db: Db,
  actor: Actor,
  input: { year: number },
  now: Date,
  observers: RunObservers = {},
): Promise<EvaluationRunSummary> {
  requirePermission(actor, 'evaluations.manage');
  const report = observers.onProgress ?? (() => undefined);
  try {
    // Issue #15: one run of a year at a time, also across server processes on one PostgreSQL.
    const summary = await oneAtATime(db, ADVISORY_LOCKS.evaluationYearRun, input.year, () =>
      runAndWrite(db, actor, input.year, now, observers.timings, report),
    );
    report({ phase: 'done', done: summary.total, total: summary.total });
    return summary;
  } catch (error) {
    report({
      phase: 'failed',
      done: 0,
      total: 0,
      message: error instanceof AppError ? error.message : '评价未完成：服务器内部错误，请稍后重试',
    });
    throw error;
  }
}

async function runAndWrite(
  db: Db,
  actor: Actor,
  year: number,
  now: Date,
  timings: RunTimings | undefined,
  report: (progress: RunProgress) => void,
): Promise<EvaluationRunSummary> {
  const started = performance.now();
  const total = await recordCountOfYear(db, year);
  if (total === 0) throw noRecords(year);
  report({ phase: 'reading', done: 0, total });
  const [records, previousRevenues, config] = await Promise.all([
    recordsOfYear(db, year, (read) => {
      report({ phase: 'reading', done: read, total });
    }),
    revenuesOfYear(db, year - 1),
    methodOfYear(db, year),
  ]);
  if (records.length === 0) throw noRecords(year);
  report({ phase: 'scoring', done: 0, total: records.length });
  // The scoring is one synchronous stretch: let the event loop answer the page's poll for this report first.
  await new Promise((resolve) => setImmediate(resolve));
  const read = performance.now();
  const run = evaluateYear({ year: year, records }, config.method);
  const platforms = platformRules(run);
  const rectification = rectificationList({
    results: run.results,
    records,
    previousRecords: previousRevenues,
    settings: config.rectification,
  });
  const scored = performance.now();
  const toWrite = run.results.length + rectification.length;
  report({ phase: 'writing', done: 0, total: toWrite });
  const id = await db.transaction(async (tx) => {
    const runId = await insertRun(tx, {
      year: year,
      method: config.method,
      measures: config.measures,
      rectification: config.rectification,
      cityDShare: String(run.cityDShare),
      platforms,
      counts: run.counts,
      sets: run.sets,
      status: 'draft',
      createdAt: now,
      createdBy: actor.username,
    });
    await insertResults(tx, runId, run.results, (written) => {
      report({ phase: 'writing', done: written, total: toWrite });
    });
    await insertRectification(tx, runId, rectification);
    report({ phase: 'writing', done: toWrite, total: toWrite });
    await recordAudit(
      tx,
      actor,
      {
        action: 'evaluations.run',
        entityType: 'evaluation_run',
        entityId: runId,
        after: {
          year: year,
          methodVersion: config.version,
          methodName: config.method.name,
          enterprises: run.results.length,
          counts: run.counts,
          rectification: rectification.length,
          cityDShare: run.cityDShare,
          platforms: platforms.map((p) => ({
            platformKey: p.platformKey,
            evaluated: p.evaluated,
            dShare: p.dShare,
            ruleHolds: p.ruleHolds,
          })),
        },
      },
      now,
    );
    return runId;
  });
  if (timings)
    Object.assign(timings, { readMs: read - started, scoreMs: scored - read, writeMs: performance.now() - scored });
  return summaryOfId(db, actor, id);
}

/** `GET /evaluations/progress/:key`: the latest report of a run the same user started with that key (404 otherwise). */
export async function runProgressOf(board: ProgressBoard, actor: Actor, key: string): Promise<RunProgress> {
  requirePermission(actor, 'evaluations.manage');
  // Before the first report the answer is "waiting" (200), not 404: the page polls from the moment it starts the run.
  return (await board.readShared('evaluation', key, actor.username)) ?? { phase: 'waiting', done: 0, total: 0 };
}

const noRecords = (year: number) =>
  unprocessable('NO_RECORDS', `${year} 年度还没有企业数据，请先导入该年度的企业数据再评价`);

/**
 * The same scoring on the same records under another method (issue #4: "simulate other weights or cuts and see how
 * many enterprises change class"), compared with the year's saved method. Nothing is written, so nothing is audited.
 */
export async function simulateEvaluation(
  db: Db,
  actor: Actor,
  input: { year: number; method: EvaluationMethod },
): Promise<SimulationView> {
  requirePermission(actor, 'evaluations.manage');
  const problems = methodProblems(input.method);
  if (problems.length > 0)
    throw new AppError(
      400,
      'INVALID_METHOD',
      `评价办法有 ${problems.length} 处问题：${problems.join('；')}`,
      problems.map((message) => ({ message })),
    );
  const [records, config] = await Promise.all([recordsOfYear(db, input.year), methodOfYear(db, input.year)]);
  if (records.length === 0) throw noRecords(input.year);
  const before = evaluateYear({ year: input.year, records }, config.method);
  const after = evaluateYear({ year: input.year, records }, input.method);
  const comparison = compareRuns(before, after);
  return {
    year: input.year,
    counts: after.counts,
    cityDShare: after.cityDShare,
    platforms: platformRules(after),
    baseline: {
      label: config.isDefault
        ? `${input.year} 年度默认评价办法（尚未保存）`
        : `已保存的 ${input.year} 年度评价办法（第 ${config.version} 版）`,
      methodVersion: config.version,
      counts: before.counts,
      cityDShare: before.cityDShare,
      platforms: platformRules(before),
    },
    compared: comparison.compared,
    changed: comparison.changed,
    transitions: comparison.transitions,
    sample: comparison.changes.slice(0, 50),
  };
}

import { performance } from 'node:perf_hooks';
import {
  can,
  compareRuns,
  EVALUATION_CLASSES,
  EVALUATION_SET_LABELS,
  EVALUATION_SETS,
  evaluateYear,
  INDICATORS,
  methodProblems,
  rectificationList,
  type EvaluationMethod,
  type EvaluationRun,
  type EvaluationSetKey,
  type PlatformKey,
  type RunProgress,
} from '@pgs/domain';
import type {
  EvaluationResultsFilter,
  EvaluationResultView,
  EvaluationRunDetail,
  EvaluationRunStatus,
  EvaluationRunSummary,
  PlatformFilter,
  SimulationView,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { ProgressBoard } from '../platform/progress-board.ts';
import { platformScope, seesPlatform } from '../platform/platform-scope.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { displayNamesOf } from '../users/display-names.service.ts';
import { recordCountOfYear, recordsOfYear, revenuesOfYear } from '../enterprises/enterprise-records.service.ts';
import { insertRectification } from './rectification.repository.ts';
import { methodOfYear } from './mu-evaluation-methods.service.ts';
import {
  findRun,
  insertResults,
  insertRun,
  listRuns as selectRuns,
  runNumbersInYear,
  lockRunsOfYear,
  markPublished,
  noticeLinesPage,
  resultRows,
  resultsPage,
  supersedeOthers,
  type ResultFilter,
  type ResultRow,
  type RunRow,
} from './mu-evaluation-results.repository.ts';
import type { ClassCounts, PlatformRule } from './mu-evaluation.table.ts';
import { ADVISORY_LOCKS, oneAtATime } from '../platform/advisory-locks.ts';
import { known } from '../platform/rows.ts';

/**
 * The yearly ABCD evaluation as use cases (R3.2–R3.4, D15–D17): run, list, read, simulate, publish, and the
 * results, measures and rectification lists of a run. Every decision is a domain function; this file reads, writes,
 * checks who may see what, and audits.
 *
 * Visibility (D17): the eitc (evaluations.manage) sees every run; every other reader sees only published runs (a
 * draft or superseded run is 404 to them, its existence not revealed); a platform user sees only its own
 * platform's enterprises, and asking for another platform's is 403.
 */

export type Paging = { page: number; pageSize: number };

const isManager = (actor: Actor) => actor.role === 'system' || can(actor.role, 'evaluations.manage');

export async function visibleRun(db: Db, actor: Actor, id: number): Promise<RunRow> {
  requirePermission(actor, 'evaluations.read');
  const run = await findRun(db, id);
  if (!run || (!isManager(actor) && run.status !== 'published')) throw notFound('评价不存在或尚未发布');
  return run;
}

/** A platform user is held to its own platform (D10, D17): no filter means its own, another platform is refused. */
export function scopedPlatform(actor: Actor, asked: PlatformFilter | undefined): PlatformFilter | undefined {
  const own = platformScope(actor);
  if (own === null) return asked;
  if (asked !== undefined && asked !== own) throw forbidden('平台用户只能查看本平台企业的评价结果（D17）');
  return own;
}

const zeroCounts = (): ClassCounts => ({ A: 0, B: 0, C: 0, D: 0, T: 0 });

/** The domain's per-platform D shares, each with the platform's class counts (the distribution chart per platform). */
function platformRules(run: Pick<EvaluationRun, 'platforms' | 'results'>): PlatformRule[] {
  const counts = new Map<PlatformKey, ClassCounts>();
  for (const result of run.results) {
    if (!result.platformKey) continue;
    const platform = counts.get(result.platformKey) ?? zeroCounts();
    platform[result.class] += 1;
    counts.set(result.platformKey, platform);
  }
  return run.platforms.map((p) => ({ ...p, counts: counts.get(p.platformKey) ?? zeroCounts() }));
}

/** What a run's answer shows beside its row: its number within its year and the display names of its people. */
type RunLabels = { numberInYear: Map<number, number>; nameOf: (username: string | null | undefined) => string | null };

async function runLabels(db: Db, rows: readonly RunRow[]): Promise<RunLabels> {
  const [numberInYear, nameOf] = await Promise.all([
    runNumbersInYear(
      db,
      rows.map((row) => row.id),
    ),
    displayNamesOf(
      db,
      rows.flatMap((row) => [row.createdBy, row.publishedBy]),
    ),
  ]);
  return { numberInYear, nameOf };
}

async function summaryOfId(db: Db, actor: Actor, id: number): Promise<EvaluationRunSummary> {
  const row = known(await findRun(db, id), `evaluation run ${id} just written`);
  return summaryOf(row, actor, await runLabels(db, [row]));
}

function summaryOf(row: RunRow, actor: Actor, labels: RunLabels): EvaluationRunSummary {
  const { platforms, counts } = row;
  return {
    id: row.id,
    year: row.year,
    numberInYear: labels.numberInYear.get(row.id) ?? 1,
    status: row.status,
    cityDShare: Number(row.cityDShare),
    // A platform reads its own D share beside the city's (R3.2), not the other platforms' figures.
    platforms: platforms.filter((p) => seesPlatform(actor, p.platformKey)),
    counts,
    total: EVALUATION_CLASSES.reduce((sum, c) => sum + counts[c], 0),
    methodName: row.method.name,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName: labels.nameOf(row.createdBy) ?? row.createdBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    publishedByName: labels.nameOf(row.publishedBy),
  };
}

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
  const classOf = new Map(run.results.map((result) => [result.creditCode, result.class]));
  const rectification = rectificationList({
    results: run.results,
    records,
    previousRecords: previousRevenues,
    settings: config.rectification,
  }).map((item) => ({
    creditCode: item.creditCode,
    name: item.name,
    platformKey: item.platformKey,
    class: known(classOf.get(item.creditCode), 'class of an enterprise on the rectification list'),
    taxPerMu: item.taxPerMu,
    bar: item.bar,
    track: item.track,
    reason: item.reason,
  }));
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

export async function listRuns(db: Db, actor: Actor, query: { year?: number; status?: EvaluationRunStatus } & Paging) {
  requirePermission(actor, 'evaluations.read');
  // D17: only the eitc sees drafts and superseded runs; a reader asking for them gets an empty list.
  const statuses: EvaluationRunStatus[] = isManager(actor)
    ? query.status
      ? [query.status]
      : ['draft', 'published', 'superseded']
    : query.status && query.status !== 'published'
      ? []
      : ['published'];
  const { rows, total } = await selectRuns(db, { year: query.year, statuses }, query.page, query.pageSize);
  const labels = await runLabels(db, rows);
  return { items: rows.map((row) => summaryOf(row, actor, labels)), total, page: query.page, pageSize: query.pageSize };
}

export async function getRun(db: Db, actor: Actor, id: number): Promise<EvaluationRunDetail> {
  const row = await visibleRun(db, actor, id);
  return detailOf(row, actor, await runLabels(db, [row]));
}

function detailOf(row: RunRow, actor: Actor, labels: RunLabels): EvaluationRunDetail {
  const { method, sets } = row;
  return {
    ...summaryOf(row, actor, labels),
    sets: EVALUATION_SETS.map((set) => ({
      set,
      label: EVALUATION_SET_LABELS[set],
      evaluated: sets[set].evaluated,
      excluded: sets[set].excluded,
      indicators: method.sets[set].indicators.map((rule, k) => ({
        code: rule.code,
        label: INDICATORS[rule.code].label,
        unit: INDICATORS[rule.code].unit,
        weight: rule.weight,
        cap: rule.capFactor * rule.weight,
        benchmarkMode: rule.benchmark.mode,
        benchmark: sets[set].benchmarks[k]?.benchmark ?? null,
      })),
    })),
    method,
    measures: row.measures,
    rectification: row.rectification,
  };
}

/**
 * Turns stored results of one run into the API's view: each stored [value, score] gets its indicator's code, label,
 * unit and the set's benchmark from the run's snapshot (evaluation-results.repository.ts StoredIndicator).
 */
function resultViewer(run: RunRow): (row: ResultRow) => EvaluationResultView {
  const { method, sets } = run;
  const described = Object.fromEntries(
    EVALUATION_SETS.map((set) => [
      set,
      method.sets[set].indicators.map((rule, k) => ({
        code: rule.code,
        label: INDICATORS[rule.code].label,
        unit: INDICATORS[rule.code].unit,
        benchmark: sets[set].benchmarks[k]?.benchmark ?? null,
      })),
    ]),
  ) as Record<EvaluationSetKey, Omit<EvaluationResultView['indicators'][number], 'value' | 'score'>[]>;
  return (row) => {
    const { set, indicators: stored } = row;
    return {
      creditCode: row.creditCode,
      name: row.name,
      platformKey: row.platformKey,
      set,
      setLabel: EVALUATION_SET_LABELS[set],
      class: row.class,
      baseClass: row.baseClass,
      score: row.score,
      rank: row.rank,
      percentile: row.percentile,
      setSize: row.setSize,
      indicators: described[set].map((item, k) => ({
        ...item,
        value: stored[k]?.[0] ?? null,
        score: stored[k]?.[1] ?? null,
      })),
      classRule: row.classRule,
      excludedReason: row.excludedReason,
    };
  };
}

function resultFilter(actor: Actor, filter: EvaluationResultsFilter): ResultFilter {
  return {
    platformKey: scopedPlatform(actor, filter.platformKey),
    classes: filter.class ? [filter.class] : undefined,
    set: filter.set,
    q: filter.q || undefined,
  };
}

export async function listResults(db: Db, actor: Actor, id: number, query: EvaluationResultsFilter & Paging) {
  const run = await visibleRun(db, actor, id);
  const { rows, total } = await resultsPage(db, id, resultFilter(actor, query), query.page, query.pageSize);
  return { items: rows.map(resultViewer(run)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The export's run (for its headers and the overview sheet), the sets it covers, and its rows as a stream; the
 * checks run before anything is sent, so a refusal is a proper 4xx, not a broken download.
 */
export async function resultsForExport(db: Db, actor: Actor, id: number, filter: EvaluationResultsFilter) {
  const row = await visibleRun(db, actor, id);
  const scoped = resultFilter(actor, filter);
  const view = resultViewer(row);
  const rows = (async function* views() {
    for await (const result of resultRows(db, id, scoped)) yield view(result);
  })();
  return {
    run: detailOf(row, actor, await runLabels(db, [row])),
    sets: filter.set ? [filter.set] : [...EVALUATION_SETS],
    rows,
  };
}

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

/**
 * D17: the eitc publishes a draft; an earlier published run of the same year becomes 'superseded' in the same
 * transaction. The year's runs are locked first, so concurrent publishes follow one another; the status change is
 * conditional (`WHERE status = 'draft'`), so of two publishes of one run exactly one wins and the other gets 409.
 */
export async function publishRun(db: Db, actor: Actor, id: number, now: Date): Promise<EvaluationRunSummary> {
  requirePermission(actor, 'evaluations.manage');
  await db.transaction(async (tx) => {
    const run = await findRun(tx, id);
    if (!run) throw notFound('评价不存在');
    await lockRunsOfYear(tx, run.year);
    if (!(await markPublished(tx, id, actor.username, now))) {
      // The run was read and locked above in this transaction, so it is still there.
      const current = known(await findRun(tx, id), `evaluation run ${id}`);
      if (current.status === 'published')
        throw conflict(`该评价已由 ${current.publishedBy ?? '他人'} 发布，无需重复发布`, 'ALREADY_PUBLISHED');
      throw conflict('该评价已被同年度后来发布的评价替代，不能再次发布；如需沿用，请重新运行评价后发布', 'SUPERSEDED');
    }
    const superseded = await supersedeOthers(tx, run.year, id);
    await recordAudit(
      tx,
      actor,
      {
        action: 'evaluations.publish',
        entityType: 'evaluation_run',
        entityId: id,
        before: { status: 'draft' },
        after: { status: 'published', year: run.year, superseded },
      },
      now,
    );
  });
  return summaryOfId(db, actor, id);
}

/**
 * For the public notice of results (R3.2 公示, notices/): a published run's year and title, or null when the run does
 * not exist or is not published (a draft is never put on notice; a superseded run no longer stands).
 */
export async function publishedRunForNotice(db: Db, id: number): Promise<{ year: number; title: string } | null> {
  const run = await findRun(db, id);
  if (!run || run.status !== 'published') return null;
  const number = (await runNumbersInYear(db, [id])).get(id) ?? 1;
  return { year: run.year, title: `${run.year}年度亩均效益综合评价结果${number > 1 ? `（第 ${number} 次）` : ''}` };
}

/** The public lines of a published run: each rated enterprise's name and class, nothing else (R3.2 公示). */
export async function noticeLinesOfRun(db: Db, id: number, q: string | undefined, page: number, pageSize: number) {
  return noticeLinesPage(db, id, q, page, pageSize);
}

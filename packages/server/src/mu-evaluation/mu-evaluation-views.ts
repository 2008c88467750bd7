import {
  can,
  EVALUATION_CLASSES,
  EVALUATION_SET_LABELS,
  EVALUATION_SETS,
  INDICATORS,
  type EvaluationRun,
  type EvaluationSetKey,
  type PlatformKey,
} from '@pgs/domain';
import type {
  EvaluationResultsFilter,
  EvaluationResultView,
  EvaluationRunDetail,
  EvaluationRunSummary,
  PlatformFilter,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { platformScope, seesPlatform } from '../platform/platform-scope.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { displayNamesOf } from '../users/display-names.service.ts';
import {
  findRun,
  runNumbersInYear,
  type ResultFilter,
  type ResultRow,
  type RunRow,
} from './mu-evaluation-results.repository.ts';
import type { ClassCounts, PlatformRule } from './mu-evaluation.table.ts';
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

export const isManager = (actor: Actor) => actor.role === 'system' || can(actor.role, 'evaluations.manage');

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
export function platformRules(run: Pick<EvaluationRun, 'platforms' | 'results'>): PlatformRule[] {
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

export async function runLabels(db: Db, rows: readonly RunRow[]): Promise<RunLabels> {
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

export async function summaryOfId(db: Db, actor: Actor, id: number): Promise<EvaluationRunSummary> {
  const row = known(await findRun(db, id), `evaluation run ${id} just written`);
  return summaryOf(row, actor, await runLabels(db, [row]));
}

export function summaryOf(row: RunRow, actor: Actor, labels: RunLabels): EvaluationRunSummary {
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

export function detailOf(row: RunRow, actor: Actor, labels: RunLabels): EvaluationRunDetail {
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
export function resultViewer(run: RunRow): (row: ResultRow) => EvaluationResultView {
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

export function resultFilter(actor: Actor, filter: EvaluationResultsFilter): ResultFilter {
  return {
    platformKey: scopedPlatform(actor, filter.platformKey),
    classes: filter.class ? [filter.class] : undefined,
    set: filter.set,
    q: filter.q || undefined,
  };
}

import {
  bonusPoints,
  PLATFORM_KEYS,
  scoreAssessment,
  type AssessmentFigure,
  type AssessmentView,
  type FigureRow,
  type FigureSourceKey,
  type FigureWithRows,
  type PlatformAssessment,
  type PlatformKey,
  type Rubric,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { publishedOfYear } from './assessment.repository.ts';
import { figureContext, storedFigure, type FigureMemo } from './figure-source.ts';
import { FIGURE_SOURCE_REGISTRY } from './figure-sources.ts';
import { bonusCandidates } from './bonus-candidates.ts';

/**
 * What an assessment freezes besides its rubric: every platform's criteria and figures, bonus and warnings. The rows
 * behind the figures are in assessment_figure_rows; an assessment saved before issue #15 still has them in its
 * figures (`rows`, no `rowCount`), read from there.
 */
export type StoredResult = {
  platforms: PlatformAssessment[];
  warningNote: string;
  bonusExcluded: AssessmentView['bonusExcluded'];
};
export type StoredFigure = AssessmentFigure | (Omit<AssessmentFigure, 'rowCount'> & { rows: FigureRow[] });

/** A stored figure as the reader gets it: its rows counted, never carried (they are read a page at a time). */
export function figureView(figure: StoredFigure): AssessmentFigure {
  if (!('rows' in figure)) return figure;
  const { rows, ...rest } = figure;
  return { ...rest, rowCount: rows.length };
}

/** The figures counted in Node before a saved assessment's transaction, and what their sources loaded on the way. */
export type CountedBeforeSaving = { answers: Map<string, FigureWithRows | AssessmentFigure>; memo: FigureMemo };

const figureKey = (sourceKey: FigureSourceKey, platformKey: PlatformKey) => `figure:${sourceKey}:${platformKey}`;

/**
 * The figures of the sources that count in Node, read through `db` (the pool) before the transaction that saves the
 * assessment: their queries run side by side on connections of their own. Only their rows are written in the
 * transaction. The transaction reads in READ COMMITTED, each statement at its own moment, so counting them a moment
 * earlier changes no guarantee: each figure and its rows still come from one reading.
 */
export async function countBeforeSaving(
  db: Db,
  year: number,
  asOf: string,
  rubric: Rubric,
  now: Date,
): Promise<CountedBeforeSaving> {
  const memo: FigureMemo = new Map();
  const context = figureContext({ db, year, asOf, rubric, now, assessmentId: null }, memo);
  const answers = new Map<string, FigureWithRows | AssessmentFigure>();
  for (const criterion of rubric.criteria) {
    const source = FIGURE_SOURCE_REGISTRY[criterion.source];
    if (source.countsInDatabase) continue;
    for (const key of PLATFORM_KEYS) {
      if (answers.has(figureKey(source.key, key))) continue;
      answers.set(figureKey(source.key, key), await source.figure(context, key));
    }
  }
  return { answers, memo };
}

/**
 * R4.2–R4.3: the year's figures from every source, the bonus, and the scoring of the domain. With `assessmentId`
 * (a saved assessment, in its transaction) the rows behind each figure are kept in assessment_figure_rows, once per
 * platform and source (two criteria may share a source); a simulation keeps none. `counted` holds the figures
 * counted before the transaction (`countBeforeSaving`).
 */
export async function computeResult(
  db: Db,
  year: number,
  asOf: string,
  rubric: Rubric,
  now: Date,
  assessmentId: number | null,
  counted?: CountedBeforeSaving,
): Promise<StoredResult> {
  const context = figureContext({ db, year, asOf, rubric, now, assessmentId }, counted?.memo);
  const figures: Record<string, Partial<Record<PlatformKey, AssessmentFigure>>> = {};
  for (const criterion of rubric.criteria) {
    const source = FIGURE_SOURCE_REGISTRY[criterion.source];
    figures[criterion.key] = {};
    for (const key of PLATFORM_KEYS)
      figures[criterion.key]![key] = await context.once(figureKey(source.key, key), async () =>
        storedFigure(
          context,
          key,
          source.key,
          counted?.answers.get(figureKey(source.key, key)) ?? (await source.figure(context, key)),
        ),
      );
  }
  const bonus = bonusPoints({
    year,
    asOf,
    pointsPerProject: rubric.bonusPointsPerProject,
    platformKeys: PLATFORM_KEYS,
    projects: await bonusCandidates(context),
  });
  const previous = await publishedOfYear(db, year - 1);
  const previousRanks = previous
    ? new Map((previous.result as StoredResult).platforms.map((p) => [p.platformKey, p.rank] as const))
    : null;
  const scored = scoreAssessment({
    year,
    asOf,
    rubric,
    platformKeys: PLATFORM_KEYS,
    figures,
    bonus: bonus.byPlatform,
    previousRanks,
  });
  return { platforms: scored.platforms, warningNote: scored.warningNote, bonusExcluded: bonus.excluded };
}

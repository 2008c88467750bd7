import type { AssessmentFigure, FigureSourceKey, FigureWithRows, PlatformKey, Rubric } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { insertFigureRows, type RowsOf } from './figure-rows.repository.ts';

/**
 * One figure source per kind of criterion (R4.2). A source answers, for one platform, year and day, the figure and
 * the rows behind it. Sources read other modules ONLY through their services. Data shared by the three platforms is
 * loaded once per assessment through `context.once`.
 */
export type FigureContext = {
  db: Db;
  year: number;
  /** The assessment's day 'YYYY-MM-DD': nothing after it counts. */
  asOf: string;
  rubric: Rubric;
  now: Date;
  /** The saved assessment whose figures these are; null for a simulation, which keeps no rows. */
  assessmentId: number | null;
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Where the rows of a platform's figure are kept (assessment_figure_rows), or null when nothing is kept. */
  rowsOf(platformKey: PlatformKey, sourceKey: FigureSourceKey): RowsOf | null;
};

/**
 * A source either counts in Node and hands its rows over (FigureWithRows: few rows, kept by `storedFigure`), or
 * counts in the database and keeps its rows there itself in the same statement (AssessmentFigure with rowCount:
 * the land and renewal sources, issue #15).
 */
export type AssessmentFigureSource = {
  key: FigureSourceKey;
  /**
   * True for a source that counts in the database and keeps its rows in the same statement: a saved assessment runs it
   * inside the transaction that saves it. The others are counted before that transaction, through the pool, so the
   * queries they send side by side never queue on the transaction's one connection (pg 8 warns of that; pg 9 refuses).
   */
  countsInDatabase?: true;
  figure(context: FigureContext, platformKey: PlatformKey): Promise<FigureWithRows | AssessmentFigure>;
};

/** What `once` has loaded: a context made with another's memo reads it again without asking the database twice. */
export type FigureMemo = Map<string, Promise<unknown>>;

export function figureContext(
  input: Omit<FigureContext, 'once' | 'rowsOf'>,
  memo: FigureMemo = new Map(),
): FigureContext {
  const { assessmentId } = input;
  return {
    ...input,
    once<T>(key: string, load: () => Promise<T>) {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as Promise<T>;
    },
    rowsOf: (platformKey, sourceKey) => (assessmentId === null ? null : { assessmentId, platformKey, sourceKey }),
  };
}

/** The figure as the assessment stores it: rows counted in Node are kept beside it (when saved), their count in it. */
export async function storedFigure(
  context: FigureContext,
  platformKey: PlatformKey,
  sourceKey: FigureSourceKey,
  answer: FigureWithRows | AssessmentFigure,
): Promise<AssessmentFigure> {
  if (!('rows' in answer)) return answer;
  const { rows, ...figure } = answer;
  const of = context.rowsOf(platformKey, sourceKey);
  if (of) await insertFigureRows(context.db, of, rows);
  return { ...figure, rowCount: rows.length };
}

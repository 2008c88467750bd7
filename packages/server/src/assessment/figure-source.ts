import type { AssessmentFigure, FigureSourceKey, PlatformKey, Rubric } from '@pgs/domain';
import type { Db } from '../platform/db.ts';

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
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
};

export type AssessmentFigureSource = {
  key: FigureSourceKey;
  figure(context: FigureContext, platformKey: PlatformKey): Promise<AssessmentFigure>;
};

export function figureContext(input: Omit<FigureContext, 'once'>): FigureContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    ...input,
    once<T>(key: string, load: () => Promise<T>) {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as Promise<T>;
    },
  };
}

/**
 * What a figure source answers for one platform, year and day (assessment/figure-sources.ts on the server): the
 * figure, an optional target it is measured against, and the rows behind it, so every point can be traced to the
 * projects, enterprises, parcels or cases that made it. A source without data yet answers `available: false` with
 * its reason; the criterion then scores 0 and the page shows 数据待接入.
 */
export type FigureRowKind =
  'project' | 'enterprise' | 'evaluation_run' | 'parcel' | 'case' | 'target' | 'trip' | 'task' | 'milestone';

export type FigureRow = {
  kind: FigureRowKind;
  /** The row's id in its module (project id, credit code, run id …), as text. */
  ref: string;
  name: string;
  /** What the row adds to the figure, as a decimal string (a credit of 0.5, a revenue …). */
  figure: string;
  note: string;
};

export type AssessmentFigure = {
  available: boolean;
  /** Exact decimal text; null when not available. */
  value: string | null;
  /** What a proportion is measured against when the rubric gives no target (the yearly task). */
  target: string | null;
  unit: string;
  /** One sentence: how the figure was counted (or why there is none). */
  explanation: string;
  rows: FigureRow[];
};

export const NO_DATA_LABEL = '数据待接入';

export function noDataFigure(reason: string, unit = ''): AssessmentFigure {
  return { available: false, value: null, target: null, unit, explanation: `${NO_DATA_LABEL}：${reason}`, rows: [] };
}

import Decimal from 'decimal.js';

/**
 * What a figure source answers for one platform, year and day (assessment/figure-sources.ts on the server): the
 * figure, an optional target it is measured against, and how many rows are behind it, so every point can be traced
 * to the projects, enterprises, parcels or cases that made it. The rows themselves are kept beside the assessment
 * and read a page at a time (issue #15: 100 000 parcels are no jsonb to load with the scores). A source without
 * data yet answers `available: false` with its reason; the criterion then scores 0 and the page shows 数据待接入.
 */
export type FigureRowKind =
  'project' | 'enterprise' | 'evaluation_run' | 'parcel' | 'case' | 'target' | 'trip' | 'task' | 'milestone';

/** What each kind of row is called on the page and in the export. */
export const FIGURE_ROW_KIND_LABELS: Record<FigureRowKind, string> = {
  project: '项目',
  enterprise: '企业',
  evaluation_run: '亩均评价',
  parcel: '地块',
  case: '个案',
  target: '目标企业库',
  trip: '外出招商',
  task: '重点任务',
  milestone: '节点',
};

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
  /** How many rows are behind the figure (GET /assessments/:id/figures/:source/rows pages them). */
  rowCount: number;
};

/** A figure with its rows in hand, as the sources that count in Node answer it. */
export type FigureWithRows = Omit<AssessmentFigure, 'rowCount'> & { rows: FigureRow[] };

export const NO_DATA_LABEL = '数据待接入';

export function noDataFigure(reason: string, unit = ''): FigureWithRows {
  return { available: false, value: null, target: null, unit, explanation: `${NO_DATA_LABEL}：${reason}`, rows: [] };
}

/**
 * The share of a count done (R4.2's 处置率 and 销号率) as exact decimal text; nothing due counts as all done, as a
 * milestone-free platform does (key_milestones). One function for the rules replayed in Node and the counts an SQL
 * statement gives, so both write the same text.
 */
export function shareDone(done: number, due: number): string {
  return due === 0 ? '1' : new Decimal(done).div(due).toString();
}

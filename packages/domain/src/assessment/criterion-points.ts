import Decimal from 'decimal.js';
import type { Criterion } from './rubric.ts';
import type { AssessmentFigure } from './figures.ts';
import { NO_DATA_LABEL } from './figures.ts';

export type CriterionPoints = {
  /** Points after the cap, rounded to 2 decimals for display; `exact` keeps the unrounded decimal text. */
  points: number;
  exact: string;
  /** The share of the weight the method gave (before the cap). */
  share: string;
  capped: boolean;
  explanation: string;
};

const SCALE = 2;
const round = (value: Decimal) => value.toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP).toNumber();

/**
 * R4.2: one criterion's points for one platform's figure. `rank` is the platform's rank among the platforms by this
 * criterion's figure (ties share a rank), used by the rank method only. Everything in exact decimals (D1).
 */
export function criterionPoints(
  criterion: Criterion,
  figure: Pick<AssessmentFigure, 'available' | 'value' | 'target'>,
  rank: number | null,
): CriterionPoints {
  if (!figure.available || figure.value === null) {
    return { points: 0, exact: '0', share: '0', capped: false, explanation: `${NO_DATA_LABEL}，本项暂计 0 分` };
  }
  const value = new Decimal(figure.value);
  let share: Decimal;
  let how: string;
  const method = criterion.method;
  switch (method.kind) {
    case 'proportion': {
      const targetText = method.target ?? figure.target;
      if (targetText === null || !new Decimal(targetText).gt(0)) {
        return {
          points: 0,
          exact: '0',
          share: '0',
          capped: false,
          explanation: '未设定目标值（或目标为 0），无法按比例计分，本项计 0 分',
        };
      }
      share = value.div(targetText);
      how = `完成值 ${value.toString()} ÷ 目标 ${new Decimal(targetText).toString()} × 权重 ${criterion.weight}`;
      break;
    }
    case 'rank': {
      share = new Decimal(rank === null ? 0 : (method.factors[rank - 1] ?? 0));
      how = `第 ${rank ?? '-'} 名，系数 ${share.toString()} × 权重 ${criterion.weight}`;
      break;
    }
    case 'thresholds': {
      const steps = [...method.steps].sort((a, b) => new Decimal(b.atLeast).comparedTo(a.atLeast));
      const step = steps.find((s) => value.gte(s.atLeast));
      share = new Decimal(step?.share ?? 0);
      how = step
        ? `达到“${new Decimal(step.atLeast).toString()} 以上”档，系数 ${share.toString()} × 权重 ${criterion.weight}`
        : `未达到最低档（${new Decimal(steps.at(-1)!.atLeast).toString()}），计 0 分`;
      break;
    }
  }
  let points = share.times(criterion.weight);
  let capped = false;
  if (criterion.cap !== null && points.gt(criterion.cap)) {
    points = new Decimal(criterion.cap);
    capped = true;
  }
  if (points.lt(0)) points = new Decimal(0);
  return {
    points: round(points),
    exact: points.toString(),
    share: share.toString(),
    capped,
    explanation: capped ? `${how}，超过封顶 ${criterion.cap} 分，按 ${criterion.cap} 分计` : how,
  };
}

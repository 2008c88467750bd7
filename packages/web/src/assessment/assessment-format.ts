import type { AssessmentFigure } from '@pgs/domain/assessment/figures';

/** How a figure reads on the page: a share as a percentage (D2), a count as it is, no data as 数据待接入. */
export function figureText(figure: Pick<AssessmentFigure, 'available' | 'value' | 'unit'>): string {
  if (!figure.available || figure.value === null) return '数据待接入';
  const value = Number(figure.value);
  if (figure.unit === '比例' || figure.unit === '增速') return `${(value * 100).toFixed(1)}%`;
  if (figure.unit === '是否完成') return value >= 1 ? '已完成' : '未完成';
  return `${Number.isInteger(value) ? value : value.toFixed(2)} ${figure.unit}`;
}

export const scoreText = (points: number) => points.toFixed(2);

export const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/** The years the assessment pages offer: this year and the four before it. */
export const assessmentYears = () => Array.from({ length: 5 }, (_, k) => thisYear() - k);

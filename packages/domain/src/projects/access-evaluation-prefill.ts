import Decimal from 'decimal.js';
import type { ClassifyCategory } from '../catalog/catalog-types.ts';
import { INTENSITY_BAR, TAX_PER_MU_BAR } from './access-check.ts';
import type { EvaluationSheet, SheetItem } from './access-evaluation-sheet.ts';

export type PrefillProject = {
  category: ClassifyCategory;
  fixedAssetInvestment: Decimal.Value;
  expectedAnnualTax: Decimal.Value;
  /** 亩; null = no land of its own (D5): the per-亩 items are then left to the reviewer. */
  landMu: Decimal.Value | null;
};

export type PrefilledItem = { score: number; basis: string };

/** Which item an entry of the sheet is: matched on its name (the bureau may rename codes, D7 keeps sheets as data). */
type Computable = 'industry_class' | 'investment_intensity' | 'tax_intensity';
function computableOf(item: SheetItem): Computable | null {
  if (item.code === 'industry_class' || item.label === '产业类别') return 'industry_class';
  if (item.code === 'investment_intensity' || item.label === '投资强度') return 'investment_intensity';
  if (item.code === 'tax_intensity' || item.label === '税收强度') return 'tax_intensity';
  return null;
}

/** Scores are kept in tenths (scoreSheet); a proportional score is rounded down so it never exceeds what the figures earn. */
const tenthsDown = (value: Decimal) => value.toDecimalPlaces(1, Decimal.ROUND_DOWN).toNumber();

/** "≥ bar 满分，不足按比例扣分": full marks at or above the bar, otherwise the same fraction of the maximum. */
function proportional(perMu: Decimal, bar: number, maxScore: number): number {
  if (perMu.gte(bar)) return maxScore;
  return tenthsDown(perMu.dividedBy(bar).times(maxScore));
}

/**
 * R2.2 with the default sheet's guidance: the items the system can compute from the project as reported —
 * 产业类别 (目录鼓励类 full, 允许类 i.e. not listed half, 限制/淘汰类 0), 投资强度 (≥ 350 万元/亩 full, else in
 * proportion) and 税收强度 (≥ 40 万元/亩 full, else in proportion). Each comes with the figures it was computed
 * from; the reviewer may change any of them. Items the figures cannot decide (a landless project's per-亩
 * items, the reviewer's own judgements) are not returned.
 */
export function prefillEvaluation(sheet: EvaluationSheet, project: PrefillProject): Record<string, PrefilledItem> {
  const filled: Record<string, PrefilledItem> = {};
  const land = project.landMu === null ? null : new Decimal(project.landMu);
  for (const item of sheet.items) {
    const which = computableOf(item);
    if (which === 'industry_class') {
      const score =
        project.category === 'encouraged'
          ? item.maxScore
          : project.category === 'unlisted'
            ? tenthsDown(new Decimal(item.maxScore).dividedBy(2))
            : 0;
      const label = {
        encouraged: '鼓励类',
        unlisted: '未列入目录（允许类）',
        restricted: '限制类',
        eliminated: '淘汰类',
      }[project.category];
      filled[item.code] = { score, basis: `行业在本平台目录中为${label}` };
    } else if (which && land !== null && land.gt(0)) {
      const isIntensity = which === 'investment_intensity';
      const perMu = new Decimal(isIntensity ? project.fixedAssetInvestment : project.expectedAnnualTax).dividedBy(land);
      const bar = isIntensity ? INTENSITY_BAR : TAX_PER_MU_BAR;
      const score = proportional(perMu, bar, item.maxScore);
      filled[item.code] = {
        score,
        basis: `${isIntensity ? '投资强度' : '亩均税收'} ${perMu.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)} 万元/亩，${perMu.gte(bar) ? '达到' : '未达到'} ${bar} 万元/亩`,
      };
    }
  }
  return filled;
}

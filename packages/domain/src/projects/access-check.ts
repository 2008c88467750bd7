import Decimal from 'decimal.js';
import { CATEGORY_LABELS, type ClassifyCategory } from '../catalog/catalog-types.ts';

/** R2.1 thresholds, 万元 per 亩; "高于" is strictly greater. */
export const INTENSITY_BAR = 350;
export const TAX_PER_MU_BAR = 40;

export type AccessInput = {
  category: ClassifyCategory;
  fixedAssetInvestment: Decimal.Value;
  expectedAnnualTax: Decimal.Value;
  /** 亩; null = no land of its own (D5). */
  landMu: Decimal.Value | null;
  /** D5: a landless project passes on its evaluation sheet instead; absent before the sheet is filled. */
  sheet?: { total: number; passMark: number } | null;
};

export type AccessVerdict = {
  passes: boolean;
  landless: boolean;
  /** Shown rounded to 2 places; the comparison itself never divides (D1). */
  investmentIntensity: string | null;
  taxPerMu: string | null;
  intensityAboveBar: boolean | null;
  taxAboveBar: boolean | null;
  /** Every reason, passing ones too, in Chinese, each citing its rule. */
  reasons: string[];
};

/**
 * 2 places, unless rounding would land on the bar itself: 350.0001 shown as "350.00" next to "高于 350" reads as a
 * contradiction, so such a figure keeps up to 6 places ("350.0001").
 */
const shown = (value: Decimal, bar: number) => {
  const rounded = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (rounded.eq(bar) && !value.eq(bar)) return value.toDecimalPlaces(6, Decimal.ROUND_DOWN).toString();
  return rounded.toFixed(2);
};

/**
 * R2.1 access standard: encouraged in the platform's catalog AND (intensity > 350 OR tax per 亩 > 40). Compared as
 * `fixedAssetInvestment > 350 × land` in exact decimals (D1), so 350.0001 万元/亩 passes and 350 does not.
 */
export function checkAccess(input: AccessInput): AccessVerdict {
  const reasons: string[] = [];
  const encouraged = input.category === 'encouraged';
  reasons.push(
    encouraged
      ? '行业属于本平台产业准入指导目录鼓励类'
      : `行业在本平台目录中为${CATEGORY_LABELS[input.category]}，不是鼓励类，不符合准入标准`,
  );
  if (input.landMu === null) {
    const sheet = input.sheet;
    const sheetPasses = !!sheet && sheet.total >= sheet.passMark;
    reasons.push('项目无独立用地（如租用厂房），不适用亩均投资强度和亩均税收标准，按评估评分表判断');
    reasons.push(
      !sheet
        ? '尚未填写评估评分表'
        : sheetPasses
          ? `评估评分 ${sheet.total} 分，达到合格线 ${sheet.passMark} 分`
          : `评估评分 ${sheet.total} 分，未达到合格线 ${sheet.passMark} 分`,
    );
    return {
      passes: encouraged && sheetPasses,
      landless: true,
      investmentIntensity: null,
      taxPerMu: null,
      intensityAboveBar: null,
      taxAboveBar: null,
      reasons,
    };
  }
  const land = new Decimal(input.landMu);
  const fixed = new Decimal(input.fixedAssetInvestment);
  const tax = new Decimal(input.expectedAnnualTax);
  const intensityAboveBar = fixed.gt(land.times(INTENSITY_BAR));
  const taxAboveBar = tax.gt(land.times(TAX_PER_MU_BAR));
  const intensity = fixed.dividedBy(land);
  const taxPerMu = tax.dividedBy(land);
  reasons.push(
    `投资强度 ${shown(intensity, INTENSITY_BAR)} 万元/亩（固定资产投资 ${fixed.toString()} 万元 ÷ 用地 ${land.toString()} 亩），` +
      `${intensityAboveBar ? '高于' : '未高于'} ${INTENSITY_BAR} 万元/亩`,
  );
  reasons.push(
    `亩均税收 ${shown(taxPerMu, TAX_PER_MU_BAR)} 万元/亩（预计年税收 ${tax.toString()} 万元 ÷ 用地 ${land.toString()} 亩），` +
      `${taxAboveBar ? '高于' : '未高于'} ${TAX_PER_MU_BAR} 万元/亩`,
  );
  if (!intensityAboveBar && !taxAboveBar) reasons.push(`投资强度和亩均税收均未高于标准，两项须至少一项高于标准`);
  return {
    passes: encouraged && (intensityAboveBar || taxAboveBar),
    landless: false,
    investmentIntensity: shown(intensity, INTENSITY_BAR),
    taxPerMu: shown(taxPerMu, TAX_PER_MU_BAR),
    intensityAboveBar,
    taxAboveBar,
    reasons,
  };
}

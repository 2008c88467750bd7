import Decimal from 'decimal.js';

/** R2.5: the first-negotiation place's share when the review sets none (cfg 50:50). */
export const DEFAULT_FIRST_PLACE_SHARE = '0.5';
/** Shares are kept to 4 decimal places (a share of 1/3 is entered as 0.3333 and its complement is 0.6667). */
const SHARE_PLACES = 4;

export type SharePair = { firstPlaceShare: number; hostShare: number };

/**
 * R2.5: the first place's share must lie strictly between 0 and 1 and the host gets exactly the rest, computed in
 * decimals so 1 − 0.7 is 0.3, not 0.30000000000000004 (D1). Returns the pair or a Chinese problem.
 */
export function splitCredit(
  firstPlaceShare: Decimal.Value = DEFAULT_FIRST_PLACE_SHARE,
): SharePair | { problem: string } {
  let share: Decimal;
  try {
    share = new Decimal(firstPlaceShare);
  } catch {
    return { problem: '首谈地分成比例必须是数字' };
  }
  if (!share.isFinite() || share.lte(0) || share.gte(1))
    return { problem: '首谈地分成比例必须大于 0 且小于 1（如 0.5 表示五五分成）' };
  if (share.decimalPlaces() > SHARE_PLACES) return { problem: `首谈地分成比例最多保留 ${SHARE_PLACES} 位小数` };
  return { firstPlaceShare: share.toNumber(), hostShare: new Decimal(1).minus(share).toNumber() };
}

export type CirculationFacts = {
  fromPlatformKey: string;
  toPlatformKey: string;
  projectIsOpen: boolean;
  isDuplicate: boolean;
  alreadyCirculated: boolean;
  /** The class the destination platform's catalog gives the project's industry (D11). */
  destinationCategory: string;
};

/** D11: an open project moves once, to another platform where it is encouraged. */
export function circulationProblem(facts: CirculationFacts): string | null {
  if (facts.fromPlatformKey === facts.toPlatformKey) return '流转目标必须是另一个平台';
  if (!facts.projectIsOpen) return '只有尚未落地、未终止的项目可以流转';
  if (facts.isDuplicate) return '重复报送的项目不能流转，请流转首报项目';
  if (facts.alreadyCirculated) return '该项目已流转过一次，不能再次流转';
  if (facts.destinationCategory !== 'encouraged')
    return '该项目的行业不在目标平台产业准入指导目录鼓励类中，不能流转到该平台';
  return null;
}

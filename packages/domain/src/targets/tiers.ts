import Decimal from 'decimal.js';

/** D24 / R2.7: a target's size tier, named as the API answers it. */
export const TARGET_TIERS = ['5亿', '20亿', '50亿'] as const;
export type TargetTier = (typeof TARGET_TIERS)[number];

export function isTargetTier(value: string): value is TargetTier {
  return TARGET_TIERS.some((tier) => tier === value);
}

/** D24: the lower bound of each tier in 万元, "以上" including the figure (5亿元 = 50 000 万元). */
export const TIER_FLOORS: ReadonlyArray<readonly [TargetTier, number]> = [
  ['50亿', 500_000],
  ['20亿', 200_000],
  ['5亿', 50_000],
];

export const TIER_LABELS: Record<TargetTier, string> = {
  '5亿': '5亿元以上',
  '20亿': '20亿元以上',
  '50亿': '50亿元以上',
};

/**
 * D24 (R2.7 "5亿元以上、20亿元以上、50亿元以上"): the highest tier whose floor the expected investment reaches, compared
 * exactly as decimals (D1); below 50 000 万元 no tier (null).
 */
export function targetTier(expectedInvestment: string): TargetTier | null {
  const amount = new Decimal(expectedInvestment);
  for (const [tier, floor] of TIER_FLOORS) if (amount.gte(floor)) return tier;
  return null;
}

/**
 * The order the tiers are read in (issue #13, "tier sort"): 50亿元以上 first, then 20亿, then 5亿, then no tier —
 * not the text order of the labels (20亿 < 50亿 < 5亿). `tierRank` is the position; `compareTiers` sorts by it.
 */
export const TIER_ORDER: readonly (TargetTier | null)[] = ['50亿', '20亿', '5亿', null];

export function tierRank(tier: string | null | undefined): number {
  const rank = TIER_ORDER.indexOf((tier ?? null) as TargetTier | null);
  return rank === -1 ? TIER_ORDER.length : rank;
}

export function compareTiers(a: string | null | undefined, b: string | null | undefined): number {
  return tierRank(a) - tierRank(b);
}

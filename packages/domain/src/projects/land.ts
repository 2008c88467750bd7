import Decimal from 'decimal.js';

/** R2.1: 1 亩 = 10000/15 m². Kept as a fraction so m² → 亩 stays exact (D1): 亩 = m² × 15 / 10000. */
export function squareMetresToMu(m2: Decimal.Value): Decimal {
  return new Decimal(m2).times(15).dividedBy(10000);
}

export type LandInput = { landArea?: Decimal.Value | null; landAreaM2?: Decimal.Value | null };

/**
 * D5: land in 亩, or in m² (converted), or neither for a project without land of its own. Returns the 亩 figure,
 * `null` for landless, or a Chinese problem when both are given or a figure is not positive.
 */
export function landInMu(input: LandInput): { mu: Decimal | null } | { problem: string } {
  const hasMu = input.landArea !== undefined && input.landArea !== null;
  const hasM2 = input.landAreaM2 !== undefined && input.landAreaM2 !== null;
  if (hasMu && hasM2) return { problem: '用地面积请只填一种单位：亩或平方米' };
  if (!hasMu && !hasM2) return { mu: null };
  const raw = new Decimal((hasMu ? input.landArea : input.landAreaM2)!);
  if (!raw.isFinite() || raw.lte(0)) return { problem: '用地面积必须大于 0；没有独立用地的项目（如租用厂房）请不填' };
  return { mu: hasMu ? raw : squareMetresToMu(raw) };
}

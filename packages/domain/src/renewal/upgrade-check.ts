import Decimal from 'decimal.js';

/**
 * R1.6 (§一(二)): "对现有限制类企业，在满足环保、安全、能耗等要求的前提下，允许在原有产能内进行技术改造，禁止低水平扩张."
 * "原有产能内" includes the original capacity itself (以内 includes the figure); the three conditions must ALL be
 * confirmed. Capacities are exact decimal strings in the same unit (D1).
 */
export type UpgradeInput = {
  originalCapacity: string;
  plannedCapacity: string;
  environmentOk: boolean;
  safetyOk: boolean;
  energyOk: boolean;
};

export type UpgradeVerdict = { allowed: boolean; reasons: string[] };

export function upgradeCheck(input: UpgradeInput): UpgradeVerdict {
  const reasons: string[] = [];
  const original = new Decimal(input.originalCapacity);
  const planned = new Decimal(input.plannedCapacity);
  if (!original.gt(0)) reasons.push('原有产能必须大于 0');
  if (!planned.gt(0)) reasons.push('改造后产能必须大于 0');
  if (planned.gt(original)) {
    reasons.push(
      `改造后产能 ${planned.toString()} 超过原有产能 ${original.toString()}：限制类企业只能在原有产能内技术改造，禁止扩张`,
    );
  }
  if (!input.environmentOk) reasons.push('环保要求尚未确认满足');
  if (!input.safetyOk) reasons.push('安全要求尚未确认满足');
  if (!input.energyOk) reasons.push('能耗要求尚未确认满足');
  return { allowed: reasons.length === 0, reasons };
}

import { isWithinIndustry } from '../industries/industry-code.ts';

/**
 * R1.4 (§三(二)1): the industries with severe overcapacity named by the policy — steel, cement, electrolytic
 * aluminium, flat glass and shipbuilding — are never `encouraged`. Codes from DOMAIN-FACTS.md §4.4; D12: ships
 * are 3731–3736, while 3737 offshore engineering equipment is port-side equipment and may be encouraged.
 */
export const OVERCAPACITY_INDUSTRIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: '31', name: '钢铁（黑色金属冶炼和压延加工业）' },
  { code: '3011', name: '水泥' },
  { code: '3216', name: '电解铝（铝冶炼）' },
  { code: '3041', name: '平板玻璃' },
  { code: '3731', name: '船舶（金属船舶制造）' },
  { code: '3732', name: '船舶（非金属船舶制造）' },
  { code: '3733', name: '船舶（娱乐船和运动船制造）' },
  { code: '3734', name: '船舶（船用配套设备制造）' },
  { code: '3735', name: '船舶（船舶改装）' },
  { code: '3736', name: '船舶（船舶拆除）' },
];

/** The overcapacity entry a code falls under, if any. */
export function overcapacityOf(code: string): { code: string; name: string } | undefined {
  return OVERCAPACITY_INDUSTRIES.find((entry) => isWithinIndustry(code, entry.code));
}

import Decimal from 'decimal.js';

/** A fraction setting ("1/3" or "0.25") as an exact rational pair, so 1/3 is compared without rounding (D1, D24). */
export function parseFraction(value: string): { numerator: Decimal; denominator: Decimal } {
  const [n, d] = value.includes('/') ? value.split('/') : [value, '1'];
  return { numerator: new Decimal(n!), denominator: new Decimal(d!) };
}

/** Whether `part` < share × `whole`, compared as part × d < n × whole (no division, D1). */
export function belowShare(part: Decimal.Value, whole: Decimal.Value, share: string): boolean {
  const { numerator, denominator } = parseFraction(share);
  return new Decimal(part).times(denominator).lt(new Decimal(whole).times(numerator));
}

/** 万元 to the fen: 1 万元 = 1 000 000 分, so six decimals, half up. */
export function toFen(amount: Decimal): string {
  return amount.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);
}

/** A fraction setting for people: "0.25" → "25%", "1/3" → "1/3". */
export function shareLabel(value: string): string {
  if (value.includes('/')) return value;
  return `${new Decimal(value).times(100).toString()}%`;
}

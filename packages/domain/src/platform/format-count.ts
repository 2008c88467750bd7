/**
 * Counts, in a file of their own so the first page after sign-in (the 工作台's count lines, issue #15) formats them
 * without loading decimal.js: a count is rounded to a whole number, which needs no arithmetic, only the decimal
 * digits moved by the exponent. The result is the same as `formatNumber(value, { decimals: 0 })` in format.ts (half up,
 * away from zero, D1; thousands separators; no "-0"), which the tests check over many inputs.
 */
export type Figure = number | string | null | undefined;

/** What a missing figure reads as, everywhere. */
export const MISSING = '—';

/** Thousands separators on a run of digits: "1234567" → "1,234,567". */
export function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// The decimal notation decimal.js reads: sign, digits with an optional point, optional exponent.
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;
// Beyond this an exponent is no count: reading it would only build a string of that many zeros.
const LARGEST_EXPONENT = 1000;

/** A figure rounded half up (away from zero) to a whole number, grouped; MISSING if it is not a finite figure. */
function roundedWhole(value: Figure): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return MISSING;
    if (Number.isSafeInteger(value)) return `${value < 0 ? '-' : ''}${groupThousands(String(Math.abs(value)))}`;
  }
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/,/g, '');
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return MISSING;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  if (whole === '' && fraction === '') return MISSING;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > LARGEST_EXPONENT) return MISSING;
  // The digits without their point, and where the point stands after the exponent has moved it.
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const integerDigits = point <= 0 ? '' : digits.slice(0, point).padEnd(point, '0');
  const firstDropped = point < 0 ? 0 : Number(digits[point] ?? '0');
  let magnitude = integerDigits.replace(/^0+/, '');
  if (firstDropped >= 5) magnitude = addOne(magnitude);
  if (magnitude === '') return '0';
  return `${sign === '-' ? '-' : ''}${groupThousands(magnitude)}`;
}

/** One more than a run of decimal digits ("" is zero), exactly, whatever its length. */
function addOne(digits: string): string {
  let carry = 1;
  let out = '';
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const digit = Number(digits[i]) + carry;
    carry = digit === 10 ? 1 : 0;
    out = String(digit % 10) + out;
  }
  return carry ? `1${out}` : out;
}

/** A count of things: "1,234 家". */
export function formatCount(value: Figure, unit = ''): string {
  const text = roundedWhole(value);
  return text === MISSING || !unit ? text : `${text} ${unit}`;
}

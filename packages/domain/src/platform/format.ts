import Decimal from 'decimal.js';
import { groupThousands, MISSING, type Figure } from './format-count.ts';

export { formatCount, MISSING, type Figure } from './format-count.ts';

/**
 * One number format for every page, export text and server-made sentence (issue 9 "One number format"):
 * money in 万元 with thousands separators and 2 decimals (D3), figures per 亩 with their unit, shares as
 * percentages (D2: fractions travel in the API, people read 30%). Decimal strings from the server are rounded
 * exactly (D1: half up on the decimal digits, never through a float); numbers go through decimal.js too, so
 * 1.005 rounds to 1.01 as a person would expect. A missing figure (null, undefined, '', not a number) reads '—'.
 */

/** Units as the users' own forms write them (DESIGN.md "Conventions"). */
export const UNITS = {
  money: '万元',
  moneyPerMu: '万元/亩',
  land: '亩',
  electricity: '千瓦时',
  electricityPerMu: '千瓦时/亩',
  energy: '吨标准煤',
  energyPerMu: '吨标准煤/亩',
  people: '人',
  moneyPerPerson: '万元/人',
  moneyPerEnergy: '万元/吨标准煤',
} as const;
export type Unit = (typeof UNITS)[keyof typeof UNITS];

/** Large enough that 20-digit figures keep every digit. */
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

function toDecimal(value: Figure): Decimal | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/,/g, '');
  if (text === '') return null;
  try {
    const decimal = new Exact(text);
    return decimal.isFinite() ? decimal : null;
  } catch {
    return null;
  }
}

/**
 * A figure with thousands separators, rounded half up to `decimals` places. `fixed` keeps trailing zeros
 * (money: "1,234.50"); otherwise they are dropped ("12.5"). "-0.00" never appears: a figure that rounds to zero
 * is written without its sign.
 */
export function formatNumber(value: Figure, options: { decimals?: number; fixed?: boolean } = {}): string {
  const decimals = options.decimals ?? 2;
  const rounded = roundedPlain(value, decimals) ?? roundedDecimal(value, decimals);
  if (!rounded) return MISSING;
  const fraction = options.fixed ? rounded.fraction : rounded.fraction.replace(/0+$/, '');
  return `${rounded.negative ? '-' : ''}${groupThousands(rounded.whole)}${fraction ? `.${fraction}` : ''}`;
}

/** A figure rounded half up to a number of places: its sign (never for a figure that rounds to 0) and digits. */
type Rounded = { negative: boolean; whole: string; fraction: string };

function roundedDecimal(value: Figure, decimals: number): Rounded | null {
  const decimal = toDecimal(value);
  if (!decimal) return null;
  const rounded = decimal.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const [whole = '0', fraction = ''] = rounded.abs().toFixed(decimals).split('.');
  return { negative: rounded.isNegative() && !rounded.isZero(), whole, fraction };
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
/** Digits a double holds exactly as an integer (2^53 has 16). */
const SAFE_DIGITS = 15;

/**
 * The common case without decimal.js (issue #15: a run formats some 100 000 figures per 亩, and decimal.js was about
 * half of the rectification list's time): a plain decimal text whose kept digits fit a safe integer is rounded on
 * its digits — the kept ones read as one integer, plus one when the first dropped digit is 5 or more — which is
 * exactly half up, as decimal.js rounds. Anything else (exponents, separators, spaces, more digits) is null.
 */
function roundedPlain(value: Figure, decimals: number): Rounded | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return null;
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (whole.length + decimals > SAFE_DIGITS) return null;
  let scaled = Number(whole + fraction.slice(0, decimals).padEnd(decimals, '0'));
  if (fraction.length > decimals && fraction.charCodeAt(decimals) >= FIVE) scaled += 1;
  const digits = String(scaled).padStart(decimals + 1, '0');
  const point = digits.length - decimals;
  return { negative: sign === '-' && scaled !== 0, whole: digits.slice(0, point), fraction: digits.slice(point) };
}
const FIVE = '5'.charCodeAt(0);

/** Money in 万元 (D3): "1,234,567.80 万元"; `withUnit: false` for a table column whose header carries the unit. */
export function formatMoney(value: Figure, options: { withUnit?: boolean } = {}): string {
  const text = formatNumber(value, { decimals: 2, fixed: true });
  if (text === MISSING || options.withUnit === false) return text;
  return `${text} ${UNITS.money}`;
}

/** A figure with its unit: "61,607.39 千瓦时/亩"; up to `decimals` places (default 2), trailing zeros dropped. */
export function formatWithUnit(
  value: Figure,
  unit: string,
  options: { decimals?: number; fixed?: boolean } = {},
): string {
  const text = formatNumber(value, options);
  return text === MISSING ? MISSING : `${text} ${unit}`;
}

/** A per-亩 figure: money per 亩 by default ("412.35 万元/亩"), or any other per-亩 unit. */
export function formatPerMu(value: Figure, unit: Unit = UNITS.moneyPerMu): string {
  return formatWithUnit(value, unit, { decimals: 2, fixed: true });
}

/** A share travelling as a fraction (D2) as a percentage: 0.3 → "30%", 0.0525 → "5.25%", at most `decimals` places. */
export function formatShare(fraction: Figure, options: { decimals?: number } = {}): string {
  const decimal = toDecimal(fraction);
  if (!decimal) return MISSING;
  return `${formatNumber(decimal.times(100).toFixed(), { decimals: options.decimals ?? 2 })}%`;
}

/** Percentage points between two shares (D push, R3.2): 0.05 → "5 个百分点". */
export function formatPoints(fraction: Figure, options: { decimals?: number } = {}): string {
  const decimal = toDecimal(fraction);
  if (!decimal) return MISSING;
  return `${formatNumber(decimal.times(100).toFixed(), { decimals: options.decimals ?? 2 })} 个百分点`;
}

/**
 * The label of a stored code that may be outside today's set (an older history row, a text column): the code itself
 * then, rather than an empty cell.
 */
export function labelOr(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

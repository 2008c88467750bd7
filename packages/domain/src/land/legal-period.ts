/**
 * D22 (民法典 第201–203条): a period of N years from a day does not count that day and ends at the end of the same
 * date N years later; when that date does not exist (29 February) it ends on the last day of that month.
 * Days are 'YYYY-MM-DD' strings; arithmetic is on UTC midnights so no time zone can shift a day.
 */

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * D22: the last day of a period of `years` years that starts on `day` (2024-02-29 + 1 year → 2025-02-28). The same
 * month and day N years later; only 29 February can be missing, and then the month's last day is the 28th. Kept to
 * string work (no Date): the land service computes it for every parcel of a ledger at once (bench/land.bench.ts).
 */
export function periodEnd(day: string, years: number): string {
  const year = String(Number(day.slice(0, 4)) + years).padStart(4, '0');
  const monthAndDay = day.slice(4);
  return monthAndDay === '-02-29' && !isLeapYear(Number(year)) ? `${year}-02-28` : `${year}${monthAndDay}`;
}

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

/** D22: the last day of a period of `years` years that starts on `day` (2024-02-29 + 1 year → 2025-02-28). */
export function periodEnd(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/** A quarter as the users write it: `2026Q1`. The library is kept per platform and quarter (R2.7 "每季度"). */
export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

export function isQuarter(value: string): boolean {
  return QUARTER_PATTERN.test(value);
}

function parts(quarter: string): [number, number] {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  return [Number(match[1]), Number(match[2])];
}

export function previousQuarter(quarter: string): string {
  const [year, q] = parts(quarter);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

export function nextQuarter(quarter: string): string {
  const [year, q] = parts(quarter);
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}

/** The quarter a day (`YYYY-MM-DD`, Asia/Shanghai) falls in. */
export function quarterOfDay(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/** `2026Q1` → `2026年第一季度`. */
export function quarterLabel(quarter: string): string {
  const [year, q] = parts(quarter);
  return `${year}年第${'一二三四'[q - 1]}季度`;
}

/** The `count` quarters ending with `last`, oldest first (the quarter switcher and the demo's two years). */
export function quartersUpTo(last: string, count: number): string[] {
  const out = [last];
  while (out.length < count) out.unshift(previousQuarter(out[0]!));
  return out;
}

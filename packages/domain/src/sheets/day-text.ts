import { isCalendarDay } from '../platform/dates.ts';

/**
 * Dates as offices type them into a text cell (issue #9): 2019-05-20, 2019-5-20, 2019/5/20, 2019.05.20,
 * 2019年5月20日 and 20190520, read as 'YYYY-MM-DD'. A text of one of these forms that names no real day
 * (2019/2/30, 20191301) is `invalid`; any other text is null, for the caller's own format message.
 */
export type DayText = { day: string } | { invalid: true } | null;

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function readDayText(text: string): DayText {
  const trimmed = text.normalize('NFKC').trim();
  const match = SEPARATED.exec(trimmed) ?? CHINESE.exec(trimmed) ?? COMPACT.exec(trimmed);
  if (!match) return null;
  const [year, month, day] = match.length === 5 ? [match[1]!, match[3]!, match[4]!] : [match[1]!, match[2]!, match[3]!];
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDay(iso) ? { day: iso } : { invalid: true };
}

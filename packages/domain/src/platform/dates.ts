/** DESIGN.md: time is stored UTC and shown Asia/Shanghai; deadlines and effective dates are Shanghai days. */
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar day of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDay(instant: Date): string {
  return SHANGHAI_DAY.format(instant);
}

// sv-SE writes 'YYYY-MM-DD HH:mm:ss', the form Chinese government forms and Excel both read without ambiguity.
const SHANGHAI_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An instant as Shanghai wall-clock time for people: '2026-11-28 12:41:26'. */
export function shanghaiDateTime(instant: Date | string): string {
  return SHANGHAI_TIME.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whether a 'YYYY-MM-DD' string names a real calendar day. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

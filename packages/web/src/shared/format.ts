/** Time is stored UTC and shown in Asia/Shanghai (DESIGN.md), whatever the browser's own zone. */
const SHANGHAI = 'Asia/Shanghai';

// sv-SE writes ISO-like "2026-03-01 09:05:00".
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE_TIME.format(date);
}

/** A date-only value ('YYYY-MM-DD') is already a Shanghai calendar day: shown as it is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

/** Today's date in Asia/Shanghai, 'YYYY-MM-DD'. */
export function todayInShanghai(now: Date = new Date()): string {
  return DATE.format(now);
}

export function isInFuture(value: string | null | undefined, now: Date = new Date()): boolean {
  return Boolean(value) && new Date(value!).getTime() > now.getTime();
}

/** A detail of unknown shape as text: strings and numbers as they are, anything else as JSON. */
export function detailText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

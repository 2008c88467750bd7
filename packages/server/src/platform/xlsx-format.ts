import type ExcelJS from 'exceljs';
import { shanghaiDateTime, shanghaiDay } from '@pgs/domain';

/**
 * How every .xlsx export presents its cells (issue #9: "exports a user can calculate with"), in one place:
 * - days and times are Excel dates with a date format, times as Beijing wall-clock time (Asia/Shanghai, DESIGN.md),
 *   never text and never UTC;
 * - figures stay exact numbers and are SHOWN rounded by a number format (money 2 decimals with thousands separators,
 *   counts as integers, shares as percentages), so sums in Excel use the real values;
 * - the header row is bold and wraps, and each column is as wide as its header and contents need (a CJK character
 *   counts double), so no header is cut off.
 */

export type CellKind = 'text' | 'day' | 'time' | 'money' | 'decimal' | 'integer' | 'percent' | 'score';
/** A column of an export: its header, the row key, what it holds, and optionally a width it needs at least. */
export type SheetColumn = { header: string; key: string; kind?: CellKind; width?: number };

/** Each kind's Excel format; `satisfies` keeps the literal types, so `NUMBER_FORMATS.day` is known to be a string. */
export const NUMBER_FORMATS = {
  text: undefined,
  day: 'yyyy-mm-dd',
  time: 'yyyy-mm-dd hh:mm:ss',
  money: '#,##0.00',
  decimal: '#,##0.00',
  integer: '#,##0',
  percent: '0.00%',
  score: '0.00',
} as const satisfies Record<CellKind, string | undefined>;

/** Width, in characters, a value of each kind takes when shown in its format (contents unknown yet). */
const KIND_WIDTHS: Record<CellKind, number> = {
  text: 8,
  day: 10,
  time: 19,
  money: 12,
  decimal: 10,
  integer: 8,
  percent: 8,
  score: 6,
};
const MIN_WIDTH = 8;
/** Beyond this a column of long text (reasons, bases) stops growing; its cells are cut at the edge as in any sheet. */
const MAX_WIDTH = 60;
/** A header wider than this wraps onto more lines rather than widening a narrow column of figures. */
const MAX_HEADER_LINE = 16;
/** The rows a streamed export looks at before writing, to size its columns by their contents. */
export const SAMPLE_ROWS = 200;

/**
 * The file name of a list's export: its title and the day it was made in Beijing (`招商漏斗-2026-12-07.xlsx`), so
 * downloads of the same list on different days do not overwrite each other.
 */
export const datedXlsxName = (title: string, now: Date): string => `${title}-${shanghaiDay(now)}.xlsx`;

/** A 'YYYY-MM-DD' day as the Excel date of that day (ExcelJS writes a Date by its UTC fields). */
export function excelDay(day: string | null | undefined): Date | null {
  if (!day) return null;
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as the Excel date-time of Beijing's wall clock at that instant (not UTC). */
export function excelTime(instant: Date | string | null | undefined): Date | null {
  if (instant === null || instant === undefined || instant === '') return null;
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  return new Date(`${shanghaiDateTime(date).replace(' ', 'T')}Z`);
}

/** A figure kept as the database's exact decimal text, as an Excel number (null stays an empty cell). */
export const excelNumber = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

/** Characters as Excel's column width counts them: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    // A character of a string always has a code point; 0 only satisfies the type.
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/** How wide a value shows in its column's format. */
function valueWidth(value: unknown, kind: CellKind): number {
  if (value === null || value === undefined || value === '') return 0;
  if (value instanceof Date) return KIND_WIDTHS[kind === 'time' ? 'time' : 'day'];
  if (typeof value === 'number') {
    if (kind === 'percent') return `${(value * 100).toFixed(2)}%`.length;
    const digits = kind === 'integer' ? 0 : kind === 'text' ? undefined : 2;
    const text = digits === undefined ? String(value) : value.toFixed(digits);
    const whole = text.replace(/^-/, '').split('.', 1).join('').length;
    // The thousands separators the format adds.
    return (
      text.length + (kind === 'money' || kind === 'decimal' || kind === 'integer' ? Math.floor((whole - 1) / 3) : 0)
    );
  }
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  return Math.max(...text.split('\n').map(displayWidth));
}

/** Widths from the header (wrapped at MAX_HEADER_LINE) and from the contents of `sample`, with each column's format. */
export function excelColumns(
  columns: readonly SheetColumn[],
  sample: readonly Record<string, unknown>[] = [],
): Partial<ExcelJS.Column>[] {
  return columns.map((column) => {
    const kind = column.kind ?? 'text';
    let content = KIND_WIDTHS[kind];
    for (const row of sample) content = Math.max(content, valueWidth(row[column.key], kind));
    const header = Math.min(displayWidth(column.header), MAX_HEADER_LINE);
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, column.width ?? 0, header, content) + 2);
    const numFmt = NUMBER_FORMATS[kind];
    return { header: column.header, key: column.key, width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
}

/** Lines a header takes in a column of `width` (wrapping at the width, less a character of padding). */
export const headerLines = (header: string, width: number) =>
  Math.max(1, Math.ceil(displayWidth(header) / Math.max(1, width - 2)));

/** The header row: bold, wrapped, centred, tall enough for its longest header. */
export function styleHeaderRow(sheet: ExcelJS.Worksheet, columns: readonly Partial<ExcelJS.Column>[]): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const lines = Math.max(
    ...columns.map((column) => headerLines(String(column.header ?? ''), column.width ?? MIN_WIDTH)),
  );
  row.height = 16 * lines + 4;
}

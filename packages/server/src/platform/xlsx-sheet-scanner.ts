import { excelErrorValue } from '@pgs/domain';
import { endsName, runsText, xmlText } from './xml-text.ts';

/**
 * The worksheet's rows (`<sheetData>`, ECMA-376 §18.3.1), scanned byte by byte over the inflated XML: no string is
 * made of the sheet, only of the values that are text. About 2.5 million cells for bench (b)'s 100 000 rows, so
 * the common cell `<c r="B2" s="1" t="s"><v>12</v></c>` is read in place without allocating; anything else a
 * writer may produce (formulas, inline strings, other attribute orders) takes the general path.
 */

/**
 * A cell that has no value to read (issue #9): an Excel error value (`error`, as Excel shows it: `#N/A`), or a
 * formula saved without its result (`error` null), as programs that cannot calculate write them (openpyxl, Apache
 * POI). Imports refuse both, naming the cell, rather than reading them as text or as a missing figure.
 */
export class UnreadableCell {
  constructor(readonly error: string | null) {}
}
export const UNCOMPUTED_FORMULA = new UnreadableCell(null);

export type SheetCell = string | number | boolean | Date | UnreadableCell | undefined;
/** `values[column]`, columns from 1 as in Excel (A = 1); a row with no cells is not yielded. */
export type SheetRow = { number: number; values: SheetCell[] };
/** What the workbook's other parts say of cells: shared strings, which styles are dates, the date system. */
export type SheetParts = { strings: string[]; dates: boolean[]; date1904: boolean };

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;

/** The cell types of `t` (§18.18.11), as numbers so the hot loop compares integers. */
const enum CellType {
  Number,
  Shared,
  FormulaText,
  Inline,
  Boolean,
  Error,
  Date,
}

const isDelimiter = (byte: number | undefined) =>
  byte === 32 || byte === GT || byte === SLASH || byte === 9 || byte === 10 || byte === 13;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Excel's day number as a Date at UTC midnight (+ time); 1900 system with its phantom 1900-02-29, or 1904. */
export function excelDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/**
 * The number in bytes[start, end), as Number() would read its text. A plain decimal of at most 15 digits is exact
 * as m / 10^k (both exactly representable, and IEEE division rounds correctly, as Number() does); anything else
 * (exponents, longer figures) is left to Number().
 */
function numberAt(bytes: Buffer, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= 48 && byte <= 57) {
      mantissa = mantissa * 10 + byte - 48;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (byte === 46 && decimals < 0) decimals = 0;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15 && decimals !== 0) {
    const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
    return negative ? -value : value;
  }
  return Number(bytes.toString('latin1', start, end));
}

/** A `<v>` text in bytes[start, end) as the cell's value, by its type and style. */
function valueAt(
  bytes: Buffer,
  start: number,
  end: number,
  type: CellType,
  style: number,
  parts: SheetParts,
): SheetCell {
  switch (type) {
    case CellType.Shared: {
      let index = 0;
      for (let k = start; k < end; k++) index = index * 10 + bytes[k]! - 48;
      return parts.strings[index];
    }
    case CellType.Boolean:
      return bytes[start] === 49 || bytes.toString('latin1', start, end) === 'true';
    case CellType.Date: {
      const text = bytes.toString('latin1', start, end);
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(date.getTime()) ? xmlText(bytes.toString('utf8', start, end)) : date;
    }
    case CellType.Error: {
      const text = xmlText(bytes.toString('utf8', start, end));
      return new UnreadableCell(excelErrorValue(text) ?? text.trim());
    }
    case CellType.Number: {
      if (start === end) return '';
      const number = numberAt(bytes, start, end);
      if (Number.isNaN(number)) return xmlText(bytes.toString('utf8', start, end));
      return parts.dates[style] ? excelDate(number, parts.date1904) : number;
    }
    default:
      return xmlText(bytes.toString('utf8', start, end));
  }
}

/** A cell whose content is not a lone `<v>`: read from its text (formula and value, inline string, empty). */
function generalCell(content: string, type: CellType, style: number, parts: SheetParts): SheetCell {
  if (type === CellType.Inline) {
    const is = content.indexOf('<is');
    return is < 0 ? undefined : runsText(content, is, content.length);
  }
  let v = content.indexOf('<v');
  while (v >= 0 && !endsName(content, v + 2)) v = content.indexOf('<v', v + 2);
  let f = content.indexOf('<f');
  while (f >= 0 && !endsName(content, f + 2)) f = content.indexOf('<f', f + 2);
  // A formula never calculated has no cached value (Apache POI), or an empty one (openpyxl's `<v></v>`); only a
  // formula of text type (t="str") can have calculated the empty text.
  const uncomputed = f >= 0 ? UNCOMPUTED_FORMULA : undefined;
  if (v < 0) return uncomputed;
  const start = content.indexOf('>', v) + 1;
  if (start === 0 || content.charCodeAt(start - 2) === SLASH)
    return type === CellType.FormulaText ? undefined : uncomputed;
  const bytes = Buffer.from(content.slice(start, content.indexOf('</v>', start)), 'utf8');
  if (bytes.length === 0 && type !== CellType.FormulaText) return uncomputed;
  return valueAt(bytes, 0, bytes.length, type, style, parts);
}

/**
 * Scans bytes[0, end) — which must end just after a `</row>` (or at the sheet's end) — and appends each row that has
 * cells. `lastRow` is the number of the row before (rows and cells without `r` follow the previous one).
 * Returns the last row number seen.
 */
export function scanSheetRows(
  bytes: Buffer,
  end: number,
  lastRow: number,
  parts: SheetParts,
  rows: SheetRow[],
): number {
  let values: SheetCell[] | null = null;
  let rowNumber = 0;
  let lastColumn = 0;
  let i = 0;
  while (i < end) {
    while (i < end && bytes[i] !== LT) i++;
    if (i >= end) break;
    const next = bytes[i + 1];
    if (next === 99 && values !== null && isDelimiter(bytes[i + 2])) {
      // <c …>: its attributes, char by char.
      let column = lastColumn + 1;
      let style = 0;
      let type = CellType.Number;
      let j = i + 2;
      while (j < end && bytes[j] !== GT) {
        const byte = bytes[j]!;
        if (isDelimiter(byte)) {
          j++;
          continue;
        }
        const nameStart = j;
        while (j < end && bytes[j] !== EQUALS) j++;
        const single = j - nameStart === 1 ? byte : 0;
        const quote = bytes[j + 1];
        const valueStart = j + 2;
        let valueEnd = valueStart;
        while (valueEnd < end && bytes[valueEnd] !== quote) valueEnd++;
        if (single === 114) {
          let letters = 0;
          for (let k = valueStart; k < valueEnd; k++) {
            const letter = bytes[k]!;
            if (letter < 65 || letter > 90) break;
            letters = letters * 26 + letter - 64;
          }
          if (letters > 0) column = letters;
        } else if (single === 115) {
          style = 0;
          for (let k = valueStart; k < valueEnd; k++) style = style * 10 + bytes[k]! - 48;
        } else if (single === 116) {
          const first = bytes[valueStart];
          type =
            first === 115
              ? valueEnd - valueStart === 1
                ? CellType.Shared
                : CellType.FormulaText
              : first === 105
                ? CellType.Inline
                : first === 98
                  ? CellType.Boolean
                  : first === 101
                    ? CellType.Error
                    : first === 100
                      ? CellType.Date
                      : CellType.Number;
        }
        j = valueEnd + 1;
      }
      lastColumn = column;
      if (bytes[j - 1] === SLASH) {
        i = j + 1;
        continue;
      }
      // The common content: <v>…</v></c>.
      if (bytes[j + 1] === LT && bytes[j + 2] === 118 && bytes[j + 3] === GT && type !== CellType.Inline) {
        const start = j + 4;
        let stop = start;
        while (stop < end && bytes[stop] !== LT) stop++;
        if (
          bytes[stop + 1] === SLASH &&
          bytes[stop + 2] === 118 &&
          bytes[stop + 3] === GT &&
          bytes[stop + 4] === LT &&
          bytes[stop + 5] === SLASH &&
          bytes[stop + 6] === 99 &&
          bytes[stop + 7] === GT
        ) {
          const value = valueAt(bytes, start, stop, type, style, parts);
          if (value !== undefined) values[column] = value;
          i = stop + 8;
          continue;
        }
      }
      const close = bytes.indexOf('</c>', j + 1, 'latin1');
      const stop = close < 0 || close > end ? end : close;
      const value = generalCell(bytes.toString('utf8', j + 1, stop), type, style, parts);
      if (value !== undefined) values[column] = value;
      i = stop + 4;
      continue;
    }
    if (next === 114 && bytes[i + 2] === 111 && bytes[i + 3] === 119 && isDelimiter(bytes[i + 4])) {
      // <row …>: its r, if any.
      let j = i + 4;
      let number = -1;
      while (j < end && bytes[j] !== GT) {
        if (bytes[j] === 114 && bytes[j + 1] === EQUALS && isDelimiter(bytes[j - 1])) {
          number = 0;
          for (let k = j + 3; bytes[k]! >= 48 && bytes[k]! <= 57; k++) number = number * 10 + bytes[k]! - 48;
        }
        j++;
      }
      rowNumber = number >= 0 ? number : lastRow + 1;
      lastRow = rowNumber;
      lastColumn = 0;
      values = bytes[j - 1] === SLASH ? null : [];
      i = j + 1;
      continue;
    }
    if (next === SLASH && bytes[i + 2] === 114 && bytes[i + 3] === 111 && bytes[i + 4] === 119 && bytes[i + 5] === GT) {
      if (values !== null && values.length > 0) rows.push({ number: rowNumber, values });
      values = null;
      i += 6;
      continue;
    }
    i++;
  }
  return lastRow;
}

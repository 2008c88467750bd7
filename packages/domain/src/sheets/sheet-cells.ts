/**
 * What people and other programs put in spreadsheet cells, read the same way by every import (issue #9): Excel's
 * error values, formulas saved without their result, invisible characters pasted from web pages and chat, and
 * figures typed with thousands separators. Pure text work; the imports decide which column each applies to.
 */

/** Excel's error values (ECMA-376 §18.17.3, with the dynamic-array and data-type ones of current Excel). */
export const EXCEL_ERROR_VALUES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
] as const;
const ERROR_VALUES = new Map<string, string>(EXCEL_ERROR_VALUES.map((value) => [value.toUpperCase(), value]));

/** The error value a cell's text spells (as Excel shows it), whether stored as an error or typed as text; else null. */
export function excelErrorValue(text: string): string | null {
  // Almost every cell: one comparison, no allocation.
  const first = text.charCodeAt(0);
  if (first !== 35 && first !== 0xff03 && first > 32 && first !== 0x3000) return null;
  return ERROR_VALUES.get(text.normalize('NFKC').trim().toUpperCase()) ?? null;
}

/** A formula cell written by a program that cannot calculate (openpyxl, Apache POI): a formula and no value. */
export const UNCOMPUTED_FORMULA_MESSAGE = '公式没有计算结果，请在 Excel 中打开并保存后再上传';
export const excelErrorMessage = (value: string) => `单元格是 Excel 错误值 ${value}，请改正后再上传`;
/** A code column (credit code) that Excel stored as a number: its digits are already rounded away. */
export const CODE_AS_NUMBER_MESSAGE = '代码被 Excel 存成了数字，请把该列设为文本后重新输入';

/**
 * Characters nobody sees but every check counts: zero-width space, joiner and non-joiner (U+200B–U+200D), word
 * joiner (U+2060) and invisible operators (U+2061–U+2064), the byte-order mark (U+FEFF), the soft hyphen (U+00AD),
 * direction marks (U+200E, U+200F, U+202A–U+202E) and control characters (C0 and C1). They are removed.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/** Spaces that look like one: no-break space (U+00A0), tab and line breaks inside a cell. They become a space. */
const SPACE_LIKE = /[\u00a0\t\n\r]/g;
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

/** A cell's text without invisible characters, no-break spaces and in-cell line breaks read as spaces. */
export function cleanCellText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(SPACE_LIKE, ' ').replace(INVISIBLE, '');
}

const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/**
 * A figure typed with thousands separators ("1,234.56", also with full-width digits and commas) as its plain text
 * ("1234.56"); null when the text is not such a figure (plain figures, wrong grouping such as "1,23", or words),
 * so the caller checks it as typed and the check names what is wrong.
 */
export function groupedNumberText(text: string): string | null {
  if (!text.includes(',') && !text.includes('，')) return null;
  const plain = text.normalize('NFKC').trim();
  const match = GROUPED.exec(plain);
  return match ? `${match[1]}${match[2]!.replaceAll(',', '')}${match[3] ?? ''}` : null;
}

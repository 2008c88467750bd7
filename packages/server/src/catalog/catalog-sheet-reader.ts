import { cleanCellText, excelErrorMessage, excelErrorValue, UNCOMPUTED_FORMULA_MESSAGE } from '@pgs/domain';
import {
  openWorkbook,
  UnreadableCell,
  WorkbookFormatError,
  ZipDamagedError,
  type SheetCell,
} from '../platform/xlsx-reader.ts';

/**
 * The rows of an uploaded catalog workbook (R1.x drafts), read with the same streaming reader and the same cell
 * rules as the enterprise import (issue #9): every column of the catalog is text, so a number is read as its text,
 * and a date, a logical value, an Excel error value or a formula without its result is refused in its cell rather
 * than stored as "Fri Jan 01 2027 …" or "[object Object]".
 */

export const CATALOG_SHEET = '准入目录';
const REQUIRED = ['类别', '行业代码', '列入依据'];
const HEADER_SEARCH_ROWS = 10;
const KNOWN = new Set(['序号', ...REQUIRED, '行业名称', '关键词', '备注']);

export type ImportProblem = { row: number; column: string; message: string };
/** The file itself cannot be read as a catalog (not an .xlsx, no such sheet, no header): one problem, nothing read. */
export class CatalogSheetProblem extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}
const fileProblem = (row: number, message: string) => new CatalogSheetProblem({ row, column: '', message });

/** A cell of a text column as its text, or why it cannot be read as one. */
export function catalogCellText(cell: SheetCell): string | { problem: string } {
  if (cell === undefined) return '';
  if (cell instanceof UnreadableCell)
    return { problem: cell.error === null ? UNCOMPUTED_FORMULA_MESSAGE : excelErrorMessage(cell.error) };
  if (typeof cell === 'string') {
    const text = cleanCellText(cell).trim();
    const error = excelErrorValue(text);
    return error === null ? text : { problem: excelErrorMessage(error) };
  }
  if (typeof cell === 'number') return String(cell);
  if (cell instanceof Date) return { problem: '单元格是日期，这一列应填文字：请把该列设为文本格式后重新输入' };
  return { problem: `单元格是逻辑值 ${cell ? 'TRUE' : 'FALSE'}，这一列应填文字` };
}

const headerText = (cell: SheetCell) => {
  const text = catalogCellText(cell);
  return typeof text === 'string' ? text : '';
};

export type CatalogSheetRow = { number: number; read: (header: string) => string | { problem: string } };

/** The data rows after the header (row 1), each able to read a column by its header. Throws CatalogSheetProblem. */
export async function* catalogSheetRows(buffer: Buffer): AsyncGenerator<CatalogSheetRow> {
  try {
    const workbook = openWorkbook(buffer);
    const names = workbook.sheetNames;
    const sheetName = names.includes(CATALOG_SHEET) ? CATALOG_SHEET : names.length === 1 ? names[0] : undefined;
    if (sheetName === undefined) {
      throw fileProblem(
        0,
        `工作簿中没有名为“${CATALOG_SHEET}”的工作表（现有工作表：${names.map((name) => `“${name}”`).join('、')}），` +
          `请把目录所在的工作表改名为“${CATALOG_SHEET}”后重新上传`,
      );
    }
    let columns: Map<string, number> | null = null;
    let untitled = false;
    for await (const rows of workbook.rows(sheetName)) {
      for (const row of rows) {
        if (columns === null) {
          const headers = new Map<string, number>();
          row.values.forEach((cell, column) => {
            const text = headerText(cell);
            if (KNOWN.has(text) && !headers.has(text)) headers.set(text, column);
          });
          // A title row above the header names none of the columns: look a little further to say where the header is.
          if (headers.size === 0 && row.number < HEADER_SEARCH_ROWS) {
            untitled = true;
            continue;
          }
          if (headers.size > 0 && row.number !== 1)
            throw fileProblem(
              1,
              `表头必须在第 1 行：第 ${row.number} 行是表头，请删除它上方的 ${row.number - 1} 行（标题或空行）后重新上传`,
            );
          const missing = REQUIRED.filter((header) => !headers.has(header));
          if (missing.length > 0) throw fileProblem(1, `表头缺少列：${missing.join('、')}（请使用导出的模板）`);
          columns = headers;
          continue;
        }
        const values = row.values;
        const known = columns;
        yield {
          number: row.number,
          read: (header) => {
            const index = known.get(header);
            return index === undefined ? '' : catalogCellText(values[index]);
          },
        };
      }
    }
    if (columns === null)
      throw fileProblem(
        1,
        untitled
          ? `表头缺少列：${REQUIRED.join('、')}（请使用导出的模板）`
          : `“${sheetName}”表是空的，请使用导出的模板填写`,
      );
  } catch (error) {
    if (error instanceof WorkbookFormatError || error instanceof ZipDamagedError) throw fileProblem(0, error.message);
    throw error;
  }
}

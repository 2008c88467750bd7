import { excelErrorMessage, excelErrorValue, UNCOMPUTED_FORMULA_MESSAGE, type RecordRowError } from '@pgs/domain';
import { UnreadableCell, type SheetCell } from '../platform/xlsx-reader.ts';

/** File and header problems (no row was read), or a problem found later in the file: the import writes nothing. */
export class SheetProblems extends Error {
  constructor(readonly problems: RecordRowError[]) {
    super(problems[0]?.message ?? '');
  }
}

/** The sheet's refusal of a cell whatever its column: an error value or a formula without its result. */
export function unreadable(cell: SheetCell): string | null {
  if (cell instanceof UnreadableCell)
    return cell.error === null ? UNCOMPUTED_FORMULA_MESSAGE : excelErrorMessage(cell.error);
  if (typeof cell !== 'string') return null;
  const error = excelErrorValue(cell);
  return error === null ? null : excelErrorMessage(error);
}

export const sheetList = (names: readonly string[]) => names.map((name) => `“${name}”`).join('、');

export const titleRows = (headerRow: number) =>
  new SheetProblems([
    {
      row: 1,
      column: '',
      message: `表头必须在第 1 行：第 ${headerRow} 行是表头，请删除它上方的 ${headerRow - 1} 行（标题或空行）后重新上传`,
    },
  ]);

export const fileProblem = (message: string) => new SheetProblems([{ row: 0, column: '', message }]);

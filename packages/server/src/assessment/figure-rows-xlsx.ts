import { FIGURE_ROW_KIND_LABELS, type FigureRow } from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import type { SheetColumn } from '../platform/xlsx-format.ts';

const COLUMNS: SheetColumn[] = [
  { header: '类别', key: 'kind' },
  { header: '编号', key: 'ref' },
  { header: '名称', key: 'name' },
  { header: '计入', key: 'figure' },
  { header: '说明', key: 'note' },
];

/** The rows behind one figure as the drawer shows them, plus each row's number in its module (project id, code …). */
export function streamFigureRowsWorkbook(rows: AsyncIterable<FigureRow> | readonly FigureRow[]) {
  return streamWorkbook('考核明细', COLUMNS, rows, (row) => ({
    kind: FIGURE_ROW_KIND_LABELS[row.kind],
    ref: row.ref,
    name: row.name,
    figure: row.figure,
    note: row.note,
  }));
}

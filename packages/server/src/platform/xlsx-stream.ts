import { PassThrough } from 'node:stream';
import { loadExcelJS } from './lazy-libraries.ts';
import { excelColumns, SAMPLE_ROWS, styleHeaderRow, type SheetColumn } from './xlsx-format.ts';

/** One sheet of a streamed workbook: its name, columns, rows and how a row becomes cells. */
export type StreamedSheet<T> = {
  name: string;
  columns: readonly SheetColumn[];
  rows: AsyncIterable<T> | Iterable<T>;
  toRow: (row: T) => Record<string, unknown>;
};

/**
 * Streams rows into a one-sheet workbook as they arrive (from a database cursor, or an array already read), so a long
 * list never sits whole in memory; the header row
 * is bold, wrapped and frozen, as people expect of a list they will filter in Excel. The first SAMPLE_ROWS rows are
 * held back to size the columns by their contents (xlsx-format.ts), then everything streams.
 */
export function streamWorkbook<T>(
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<T> | Iterable<T>,
  toRow: (row: T) => Record<string, unknown>,
): PassThrough {
  return streamSheets([{ name: sheetName, columns, rows, toRow }]);
}

/** The same for a workbook of several sheets, written one after the other (a report and its companion tables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
export function streamSheets(sheets: ReadonlyArray<StreamedSheet<any>>): PassThrough {
  const stream = new PassThrough();
  void (async () => {
    try {
      const excel = await loadExcelJS();
      const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
      for (const { name, columns, rows, toRow } of sheets) {
        const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
        const sample: Record<string, unknown>[] = [];
        // In an object: `start()` sets it, which flow analysis does not see from the loop.
        const sheetState = { started: false };
        const start = () => {
          const sized = excelColumns(columns, sample);
          sheet.columns = sized;
          styleHeaderRow(sheet, sized);
          for (const row of sample) sheet.addRow(row).commit();
          sheetState.started = true;
        };
        for await (const row of rows) {
          if (sheetState.started) sheet.addRow(toRow(row)).commit();
          else if (sample.push(toRow(row)) >= SAMPLE_ROWS) start();
        }
        if (!sheetState.started) start();
        sheet.commit();
      }
      await workbook.commit();
    } catch (error) {
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return stream;
}

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Streams rows into a one-sheet workbook as they arrive, so a long list never sits whole in memory; the header row
 * is bold and frozen, as people expect of a list they will filter in Excel.
 */
export function streamWorkbook<T>(sheetName: string, columns: Partial<ExcelJS.Column>[], rows: AsyncIterable<T>, toRow: (row: T) => Record<string, unknown>): PassThrough {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const row of rows) sheet.addRow(toRow(row)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return stream;
}

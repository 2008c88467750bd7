import {
  platformName,
  recordChecker,
  type EnterpriseRecord,
  type ImportProgress,
  type PlatformKey,
  type RecordRowError,
} from '@pgs/domain';
import { AppError } from '../platform/errors.ts';
import { type SheetRecord } from './enterprise-sheet-reader.ts';
import { columnLabel } from './enterprise-workbook-columns.ts';

/**
 * Importing one year of the base database (R3.1, issue #4), from JSON (`POST /enterprise-records`) or from the
 * Excel template: every record checked by the domain (recordChecker), all written in one transaction or none,
 * upserted by (credit code, year). A workbook streams through: each batch of rows is checked and, while no row has
 * failed, copied into the database as the next batch is read. Any error rolls the whole import back.
 */

/** Beyond this many bad cells the report lists no more (and says how many there were): nobody reads 10 001. */
export const MAX_LISTED_ERRORS = 10_000;

const NUL_FIELDS = ['name', 'backwardBasis', 'zombieBasis'] as const;

/** A refusal of whole rows names at most this many (a 10 000-row answer helps nobody): the first ones and the count. */
export const MAX_LISTED_ROWS = 20;

const rowList = (rows: readonly number[]) =>
  `第 ${rows.slice(0, MAX_LISTED_ROWS).join('、')} 行${rows.length > MAX_LISTED_ROWS ? `等 ${rows.length} 行` : ''}`;

const listedRows = (rows: readonly number[], column: string, message: string) =>
  rows.slice(0, MAX_LISTED_ROWS).map((row) => ({ row, column, message }));

/** What checking the rows found so far: every bad cell, and the rows outside a platform user's own platform (D10). */
export type Findings = { rows: number; errors: RecordRowError[]; errorCount: number; outsideRows: number[] };

/**
 * The records of each batch, checked; while nothing has failed they are yielded for writing, after a failure they
 * are only checked (to report every bad cell). `columnNames` turns a field into what the caller calls the column.
 */
export async function* checkedBatches(
  batches: AsyncIterable<readonly SheetRecord[]>,
  checker: ReturnType<typeof recordChecker>,
  own: PlatformKey | undefined,
  findings: Findings,
  columnNames: (field: string) => string,
  progress?: ImportWatch,
): AsyncGenerator<EnterpriseRecord[]> {
  const fail = (error: RecordRowError) => {
    findings.errorCount++;
    if (findings.errors.length < MAX_LISTED_ERRORS) findings.errors.push(error);
  };
  for await (const batch of batches) {
    const records: EnterpriseRecord[] = [];
    for (const { row, raw, problems } of batch) {
      findings.rows++;
      const checked = checker.check(raw, row);
      if (checked.errors) {
        for (const error of checked.errors)
          fail({
            row,
            column: columnNames(error.column),
            message: problems?.[error.column as keyof typeof problems] ?? error.message,
          });
        continue;
      }
      const { record } = checked;
      // PostgreSQL cannot store a NUL in text, and COPY would fail without naming the row.
      for (const field of NUL_FIELDS)
        if (record[field]?.includes('\u0000'))
          fail({ row, column: columnNames(field), message: '含有无法保存的空字符（U+0000），请删除后重新导入' });
      if (own !== undefined && record.platformKey !== own) findings.outsideRows.push(row);
      records.push(record);
    }
    progress?.checked(findings.rows);
    if (findings.errorCount === 0 && findings.outsideRows.length === 0 && records.length > 0) yield records;
  }
}

/** 422 with every bad cell in `details` and a Chinese summary naming the first one. */
export function invalidRecords(findings: Pick<Findings, 'errors' | 'errorCount'>): AppError {
  const first = findings.errors[0]!;
  // The sentence names the column in Chinese; `details` keeps what the caller sent (API field names, or the sheet's
  // headers).
  const where = first.row > 0 ? `第 ${first.row} 行${first.column ? `“${columnLabel(first.column)}”` : ''}：` : '';
  const rest = findings.errorCount > 1 ? `；其余 ${findings.errorCount - 1} 处见明细` : '';
  const unlisted = findings.errorCount > findings.errors.length ? `（明细列出前 ${findings.errors.length} 处）` : '';
  return new AppError(
    422,
    'INVALID_RECORDS',
    `数据有 ${findings.errorCount} 处错误，未写入任何数据。${where}${first.message}${rest}${unlisted}`,
    findings.errors,
  );
}

/** D10: a platform user files only its own platform's records; the refusal names the rows. */
function outsidePlatform(own: PlatformKey, rows: readonly number[], columnNames: (field: string) => string): AppError {
  return new AppError(
    403,
    'FORBIDDEN',
    `平台用户只能导入本平台（${platformName(own)}）的企业数据：${rowList(rows)}的“所在平台”不是本平台，未写入任何数据`,
    listedRows(rows, columnNames('platformKey'), '所在平台不是本平台'),
  );
}

/**
 * D10: nor may it overwrite a record another platform (or the eitc, for elsewhere in the city) filed for the year.
 * Records are keyed city-wide by (credit code, year), so the write cannot succeed "as for an unknown code" without
 * double-counting the enterprise (R3.2). The refusal is therefore neutral (docs/engineering-notes.md, "A credit code
 * filed elsewhere"): it says the eitc must confirm the row, never that or where the record exists, nor any figure.
 */
export function heldElsewhere(year: number, rows: readonly number[], columnNames: (field: string) => string): AppError {
  return new AppError(
    403,
    'FORBIDDEN',
    `${rowList(rows)}的企业 ${year} 年度数据须由市经信委核实后登记，平台用户不能直接写入，请联系市经信委；未写入任何数据`,
    listedRows(rows, columnNames('creditCode'), '本年度数据须由市经信委核实后登记'),
  );
}

/** The first refusal the findings call for: bad cells (422) before rows outside the user's platform (403). */
export function refusal(
  findings: Findings,
  own: PlatformKey | undefined,
  columnNames: (field: string) => string,
): AppError | null {
  if (findings.errorCount > 0) return invalidRecords(findings);
  if (own !== undefined && findings.outsideRows.length > 0)
    return outsidePlatform(own, findings.outsideRows, columnNames);
  return null;
}

/**
 * The import's progress for the page (import-progress.ts): how much of the sheet has been read, then writing, then
 * done or failed. The JSON route has no watcher; its body is in before the work starts.
 */
export type ImportWatch = {
  onInflated: (bytes: number, total: number) => void;
  checked(rows: number): void;
  writing(rows: number): void;
  done(rows: number): void;
  failed(message: string): void;
};

export function importWatch(report: (progress: ImportProgress) => void): ImportWatch {
  let done = 0;
  let total = 0;
  return {
    onInflated: (bytes, size) => {
      done = bytes;
      total = size;
    },
    checked: (rows) => {
      report({ phase: 'checking', done, total, rows });
    },
    writing: (rows) => {
      report({ phase: 'writing', done, total, rows });
    },
    done: (rows) => {
      report({ phase: 'done', done: total, total, rows });
    },
    failed: (message) => {
      report({ phase: 'failed', done, total, rows: 0, message });
    },
  };
}

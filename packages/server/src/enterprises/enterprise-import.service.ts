import {
  platformName,
  recordChecker,
  type EnterpriseImportReport,
  type EnterpriseImportResult,
  type EnterpriseRecord,
  type ImportProgress,
  type PlatformKey,
  type RecordRowError,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { ProgressBoard } from '../platform/progress-board.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { codesHeldElsewhere, countExisting } from './enterprise-records.repository.ts';
import { beginYearImport } from './enterprise-records-writer.ts';
import { readEnterpriseSheet, SheetProblems, type SheetNotes, type SheetRecord } from './enterprise-sheet-reader.ts';
import { buildTemplateWorkbook } from './enterprise-template.ts';
import { columnLabel } from './enterprise-workbook-columns.ts';
import { ownPlatform } from './enterprise-scope.ts';

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
type Findings = { rows: number; errors: RecordRowError[]; errorCount: number; outsideRows: number[] };

/**
 * The records of each batch, checked; while nothing has failed they are yielded for writing, after a failure they
 * are only checked (to report every bad cell). `columnNames` turns a field into what the caller calls the column.
 */
async function* checkedBatches(
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

/**
 * The import's progress for the page (import-progress.ts): how much of the sheet has been read, then writing, then
 * done or failed. The JSON route has no watcher; its body is in before the work starts.
 */
type ImportWatch = {
  onInflated: (bytes: number, total: number) => void;
  checked(rows: number): void;
  writing(rows: number): void;
  done(rows: number): void;
  failed(message: string): void;
};

function importWatch(report: (progress: ImportProgress) => void): ImportWatch {
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

/** 422 with every bad cell in `details` and a Chinese summary naming the first one. */
function invalidRecords(findings: Pick<Findings, 'errors' | 'errorCount'>): AppError {
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
function heldElsewhere(year: number, rows: readonly number[], columnNames: (field: string) => string): AppError {
  return new AppError(
    403,
    'FORBIDDEN',
    `${rowList(rows)}的企业 ${year} 年度数据须由市经信委核实后登记，平台用户不能直接写入，请联系市经信委；未写入任何数据`,
    listedRows(rows, columnNames('creditCode'), '本年度数据须由市经信委核实后登记'),
  );
}

/** The first refusal the findings call for: bad cells (422) before rows outside the user's platform (403). */
function refusal(
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
 * One transaction: the year's import lock, the rows streamed in as they are checked, the scope checks, the upsert
 * and ONE audit event for the whole import (not one per row). `updated` counts records that existed, changed or not.
 */
async function writeYear(
  db: Db,
  actor: Actor,
  year: number,
  batches: AsyncIterable<readonly SheetRecord[]>,
  source: 'api' | 'xlsx',
  columnNames: (field: string) => string,
  now: Date,
  progress?: ImportWatch,
): Promise<{ result: EnterpriseImportResult; rows: number }> {
  const own = ownPlatform(actor);
  const checker = recordChecker(year);
  const findings: Findings = { rows: 0, errors: [], errorCount: 0, outsideRows: [] };
  return db.transaction(async (tx) => {
    const yearImport = await beginYearImport(tx, year, now, actor.username);
    try {
      for await (const records of checkedBatches(batches, checker, own, findings, columnNames, progress))
        await yearImport.write(records);
    } finally {
      // The COPY ends cleanly whatever happened, so the rollback that follows an error finds the connection ready.
      await yearImport.finish();
    }
    const refused = refusal(findings, own, columnNames);
    if (refused) throw refused;
    progress?.writing(findings.rows);
    if (own !== undefined) {
      const held = await yearImport.heldElsewhere(own);
      if (held.length > 0)
        throw heldElsewhere(
          year,
          held.map((code) => checker.rowOf(code)!).sort((a, b) => a - b),
          columnNames,
        );
    }
    const existing = await yearImport.existing();
    await yearImport.apply();
    const result = { year, inserted: findings.rows - existing, updated: existing };
    await recordAudit(
      tx,
      actor,
      {
        action: 'enterprises.import',
        entityType: 'enterprise_records',
        entityId: year,
        after: { ...result, creditCodes: findings.rows, source },
      },
      now,
    );
    return { result, rows: findings.rows };
  });
}

/** The JSON body's records as one batch, rows counted from 1. */
async function* jsonBatch(records: readonly unknown[]): AsyncGenerator<SheetRecord[]> {
  yield records.map((raw, index) => ({ row: index + 1, raw: raw as Record<string, unknown>, problems: null }));
}

/** `POST /enterprise-records` (issue #4): all records valid and in scope, or 422/403 and nothing written. */
export async function importEnterpriseRecords(
  db: Db,
  actor: Actor,
  body: { year: number; records: readonly unknown[] },
  now: Date,
): Promise<EnterpriseImportResult> {
  requirePermission(actor, 'enterprises.import');
  ownPlatform(actor);
  return (await writeYear(db, actor, body.year, jsonBatch(body.records), 'api', (field) => field, now)).result;
}

export async function enterpriseTemplate(actor: Actor) {
  requirePermission(actor, 'enterprises.import');
  return { buffer: await buildTemplateWorkbook(), fileName: '企业年度数据导入模板.xlsx' };
}

/** A dry run: every row checked, nothing written; what a real import would insert and update. */
async function dryRunWorkbook(
  db: Db,
  actor: Actor,
  year: number,
  file: Buffer,
  progress: ImportWatch,
  notes: SheetNotes,
): Promise<EnterpriseImportReport> {
  const own = ownPlatform(actor);
  const checker = recordChecker(year);
  const findings: Findings = { rows: 0, errors: [], errorCount: 0, outsideRows: [] };
  const codes: string[] = [];
  for await (const records of checkedBatches(
    readEnterpriseSheet(file, progress.onInflated, notes),
    checker,
    own,
    findings,
    columnLabel,
    progress,
  ))
    for (const record of records) codes.push(record.creditCode);
  const report = { year, dryRun: true, rows: findings.rows, warnings: warningsOf(notes) };
  if (findings.errorCount > 0) return { ...report, valid: false, errors: findings.errors };
  const refused = refusal(findings, own, columnLabel);
  if (refused) throw refused;
  if (own !== undefined) {
    const held = new Set(await codesHeldElsewhere(db, year, codes, own));
    if (held.size > 0)
      throw heldElsewhere(
        year,
        codes.filter((code) => held.has(code)).map((code) => checker.rowOf(code)!),
        columnLabel,
      );
  }
  const existing = await countExisting(db, year, codes);
  return { ...report, valid: true, errors: [], inserted: codes.length - existing, updated: existing };
}

/** What the report says beside the errors: each column of the file that the import ignored. */
function warningsOf(notes: SheetNotes): RecordRowError[] {
  return notes.ignoredColumns.map((column) => ({
    row: 1,
    column,
    message: `已忽略列“${column}”：模板中没有这一列，其内容不会导入`,
  }));
}

/**
 * The workbook import: every bad cell reported with its spreadsheet row and Chinese column. A dry run writes nothing
 * and says what a real one would insert and update; a real one with errors is a 422 with the same list.
 * `readFile` runs only once the actor may import, so a refused upload is never parsed. `onProgress` hears how far
 * the server has got (the page polls it under the key it sent).
 */
export async function importEnterpriseWorkbook(
  db: Db,
  actor: Actor,
  options: { year: number; dryRun: boolean },
  readFile: () => Promise<Buffer>,
  now: Date,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<EnterpriseImportReport> {
  requirePermission(actor, 'enterprises.import');
  ownPlatform(actor);
  const file = await readFile();
  const { year, dryRun } = options;
  const progress = importWatch(onProgress);
  const notes: SheetNotes = { ignoredColumns: [] };
  try {
    const report = dryRun
      ? await dryRunWorkbook(db, actor, year, file, progress, notes)
      : await writtenReport(db, actor, year, file, now, progress, notes);
    if (report.valid) progress.done(report.rows);
    else progress.failed(`文件中有 ${report.errors.length} 处错误，未写入任何数据`);
    return report;
  } catch (error) {
    progress.failed(
      error instanceof AppError || error instanceof SheetProblems
        ? error.message
        : '导入未完成：服务器内部错误，请稍后重试',
    );
    if (!(error instanceof SheetProblems)) throw error;
    if (dryRun) return { year, dryRun, rows: 0, valid: false, errors: error.problems, warnings: warningsOf(notes) };
    throw invalidRecords({ errors: error.problems, errorCount: error.problems.length });
  }
}

async function writtenReport(
  db: Db,
  actor: Actor,
  year: number,
  file: Buffer,
  now: Date,
  progress: ImportWatch,
  notes: SheetNotes,
): Promise<EnterpriseImportReport> {
  const { result, rows } = await writeYear(
    db,
    actor,
    year,
    readEnterpriseSheet(file, progress.onInflated, notes),
    'xlsx',
    columnLabel,
    now,
    progress,
  );
  return {
    year,
    dryRun: false,
    rows,
    valid: true,
    errors: [],
    warnings: warningsOf(notes),
    inserted: result.inserted,
    updated: result.updated,
  };
}

/** `GET /enterprise-records/import/progress/:key`: the latest report of an import the same user sent with that key. */
export async function importProgressOf(board: ProgressBoard, actor: Actor, key: string): Promise<ImportProgress> {
  requirePermission(actor, 'enterprises.import');
  // Before the first report the answer is "waiting" (200), not 404: the page polls from the moment it sends the file.
  return (
    (await board.readShared('import', key, actor.username)) ?? {
      phase: 'waiting',
      done: 0,
      total: 0,
      rows: 0,
    }
  );
}

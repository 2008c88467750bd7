import {
  recordChecker,
  type EnterpriseImportReport,
  type EnterpriseImportResult,
  type ImportProgress,
  type RecordRowError,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { ProgressBoard } from '../platform/progress-board.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { codesHeldElsewhere, countExisting } from './enterprise-records.repository.ts';
import { beginYearImport } from './enterprise-records-writer.ts';
import { readEnterpriseSheet, type SheetNotes, type SheetRecord } from './enterprise-sheet-reader.ts';
import { SheetProblems } from './enterprise-sheet-refusals.ts';
import { buildTemplateWorkbook } from './enterprise-template.ts';
import { columnLabel } from './enterprise-workbook-columns.ts';
import { ownPlatform } from './enterprise-scope.ts';
import {
  type Findings,
  type ImportWatch,
  importWatch,
  checkedBatches,
  refusal,
  heldElsewhere,
  invalidRecords,
} from './enterprise-import-checks.ts';

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

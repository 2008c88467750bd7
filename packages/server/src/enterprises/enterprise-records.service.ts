import {
  enterpriseRecordsImportSchema,
  ENTERPRISE_SUB_DATABASE_LABELS,
  NO_PLATFORM,
  platformName,
  recordRowErrors,
  RECTIFICATION_BARS,
  shanghaiDay,
  type EnterpriseFilter,
  type EnterpriseImportReport,
  type EnterpriseImportResult,
  type EnterpriseListQuery,
  type EnterpriseRecord,
  type EnterpriseRecordView,
  type PlatformKey,
  type RecordRowError,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  codesHeldElsewhere,
  countExisting,
  evaluationBatch,
  latestYear,
  listAfter,
  listCondition,
  listPage,
  lockImportYear,
  recordsOfEnterprise,
  upsertRecords,
  yearCounts,
  type EnterpriseViewRow,
} from './enterprise-records.repository.ts';
import { buildTemplateWorkbook, columnLabel, parseEnterpriseWorkbook } from './enterprise-records-xlsx.ts';

/**
 * The base database (R3.1, issue #4): yearly enterprise records, imported all or nothing and upserted by
 * (credit code, year); the sub-database lists; an enterprise over the years. Every rule about a record is the
 * domain's (enterprise-record.contract.ts); this file adds I/O, permissions and a platform user's scope (D10).
 */

type RowOf = (index: number) => number;

/** '12.500000' → '12.5': the canonical decimal text the domain produces, so a record reads back as it was written. */
function canonical(value: string | null): string | null {
  if (value === null || !value.includes('.')) return value;
  let end = value.length;
  while (value.charCodeAt(end - 1) === 48) end--;
  if (value.charCodeAt(end - 1) === 46) end--;
  return value.slice(0, end);
}

/** A platform user's own platform, or undefined for the roles that see every platform. */
function ownPlatform(actor: Actor): PlatformKey | undefined {
  if (actor.role !== 'platform') return undefined;
  if (!actor.platformKey) throw forbidden('该平台用户没有所属平台，请联系系统管理员');
  return actor.platformKey;
}

const rowList = (rows: readonly number[]) => `第 ${rows.slice(0, 10).join('、')} 行${rows.length > 10 ? `等 ${rows.length} 行` : ''}`;

/** Text PostgreSQL cannot store: a NUL would fail the whole INSERT without saying which row held it. */
const NUL_FIELDS = ['name', 'backwardBasis', 'zombieBasis'] as const;

/**
 * The domain's import schema validates the whole year in one pass (records, repeated credit codes, registration after
 * the year); only when it fails is the domain's row report built, with rows numbered as the user counts them: a
 * spreadsheet's records are placed at their own row numbers in a sparse list, which `recordRowErrors` skips over.
 */
function checkRecords(year: number, records: readonly unknown[], rowNumbers?: readonly number[]): { records: EnterpriseRecord[] } | { errors: RecordRowError[] } {
  const rowOf: RowOf = rowNumbers ? (index) => rowNumbers[index]! : (index) => index + 1;
  const parsed = enterpriseRecordsImportSchema.safeParse({ year, records });
  if (parsed.success) {
    const errors: RecordRowError[] = [];
    parsed.data.records.forEach((record, index) => {
      for (const field of NUL_FIELDS) if (record[field]?.includes('\u0000')) errors.push({ row: rowOf(index), column: field, message: '含有无法保存的空字符（U+0000），请删除后重新导入' });
    });
    return errors.length > 0 ? { errors } : { records: parsed.data.records };
  }
  let placed: readonly unknown[] = records;
  if (rowNumbers) {
    const sparse: unknown[] = [];
    records.forEach((record, index) => {
      sparse[rowOf(index) - 1] = record;
    });
    placed = sparse;
  }
  const errors = recordRowErrors(placed, { year });
  if (errors.length > 0) return { errors };
  // Both come from the same domain rules, so this is only a safety net: the schema's own issues, by row.
  return {
    errors: parsed.error.issues.map((issue) => ({
      row: typeof issue.path[1] === 'number' ? rowOf(issue.path[1]) : 0,
      column: String(issue.path[2] ?? issue.path[0] ?? ''),
      message: issue.message,
    })),
  };
}

/** 422 with every bad cell in `details` and a Chinese summary naming the first one. */
function invalidRecords(errors: readonly RecordRowError[]): AppError {
  const first = errors[0]!;
  // The sentence names the column in Chinese; `details` keeps what the caller sent (API field names, or the sheet's headers).
  const where = first.row > 0 ? `第 ${first.row} 行${first.column ? `“${columnLabel(first.column)}”` : ''}：` : '';
  const rest = errors.length > 1 ? `；其余 ${errors.length - 1} 处见明细` : '';
  return new AppError(422, 'INVALID_RECORDS', `数据有 ${errors.length} 处错误，未写入任何数据。${where}${first.message}${rest}`, errors);
}

/** D10: a platform user files only its own platform's records; the refusal names the rows. */
function assertOwnPlatform(actor: Actor, records: readonly EnterpriseRecord[], rowOf: RowOf) {
  const own = ownPlatform(actor);
  if (own === undefined) return;
  const rows = records.flatMap((record, index) => (record.platformKey === own ? [] : [rowOf(index)]));
  if (rows.length === 0) return;
  throw new AppError(
    403,
    'FORBIDDEN',
    `平台用户只能导入本平台（${platformName(own)}）的企业数据：${rowList(rows)}的“所在平台”不是本平台，未写入任何数据`,
    rows.map((row) => ({ row, column: 'platformKey', message: '所在平台不是本平台' })),
  );
}

/** D10: nor may it overwrite a record another platform (or the eitc, for elsewhere in the city) filed for the year. */
async function assertNotHeldElsewhere(conn: Db | Tx, actor: Actor, year: number, records: readonly EnterpriseRecord[], rowOf: RowOf) {
  const own = ownPlatform(actor);
  if (own === undefined) return;
  const held = new Set(await codesHeldElsewhere(conn, year, records.map((record) => record.creditCode), own));
  if (held.size === 0) return;
  const rows = records.flatMap((record, index) => (held.has(record.creditCode) ? [rowOf(index)] : []));
  throw new AppError(
    403,
    'FORBIDDEN',
    `${rowList(rows)}的企业 ${year} 年度的数据已登记在其他平台或平台外，平台用户不能修改，请联系市经信委；未写入任何数据`,
    rows.map((row) => ({ row, column: 'creditCode', message: '该企业本年度的数据不属于本平台' })),
  );
}

/**
 * One transaction: the year's import lock, the scope check, the batched upsert and ONE audit event for the whole
 * import (not one per row). `updated` counts the records that already existed, changed or not.
 */
async function writeRecords(db: Db, actor: Actor, year: number, records: readonly EnterpriseRecord[], rowOf: RowOf, source: 'api' | 'xlsx', now: Date): Promise<EnterpriseImportResult> {
  return db.transaction(async (tx) => {
    await lockImportYear(tx, year);
    await assertNotHeldElsewhere(tx, actor, year, records, rowOf);
    const existing = await countExisting(tx, year, records.map((record) => record.creditCode));
    await upsertRecords(tx, year, records, now, actor.username);
    const outcome = { year, inserted: records.length - existing, updated: existing };
    await recordAudit(tx, actor, { action: 'enterprises.import', entityType: 'enterprise_records', entityId: year, after: { ...outcome, creditCodes: records.length, source } }, now);
    return outcome;
  });
}

/** `POST /enterprise-records` (issue #4): all records valid and in scope, or 422/403 and nothing written. */
export async function importEnterpriseRecords(db: Db, actor: Actor, body: { year: number; records: readonly unknown[] }, now: Date): Promise<EnterpriseImportResult> {
  requirePermission(actor, 'enterprises.import');
  const checked = checkRecords(body.year, body.records);
  if ('errors' in checked) throw invalidRecords(checked.errors);
  assertOwnPlatform(actor, checked.records, (index) => index + 1);
  return writeRecords(db, actor, body.year, checked.records, (index) => index + 1, 'api', now);
}

export async function enterpriseTemplate(actor: Actor) {
  requirePermission(actor, 'enterprises.import');
  return { buffer: await buildTemplateWorkbook(), fileName: '企业年度数据导入模板.xlsx' };
}

/**
 * The workbook import: every bad cell reported with its spreadsheet row and Chinese column. A dry run writes nothing
 * and says what a real one would insert and update; a real one with errors is a 422 with the same list.
 * `readFile` runs only once the actor may import, so a refused upload is never parsed.
 */
export async function importEnterpriseWorkbook(db: Db, actor: Actor, options: { year: number; dryRun: boolean }, readFile: () => Promise<Buffer>, now: Date): Promise<EnterpriseImportReport> {
  requirePermission(actor, 'enterprises.import');
  ownPlatform(actor);
  const sheet = await parseEnterpriseWorkbook(await readFile());
  const { year, dryRun } = options;
  const rows = sheet.records.length;
  const report = (errors: RecordRowError[], counts?: { inserted: number; updated: number }): EnterpriseImportReport => ({ year, dryRun, rows, valid: errors.length === 0, errors, ...counts });

  let errors: RecordRowError[] = sheet.problems;
  let records: EnterpriseRecord[] = [];
  if (errors.length === 0) {
    const checked = checkRecords(year, sheet.records, sheet.rowNumbers);
    if ('errors' in checked) {
      errors = checked.errors.map((error) => ({ row: error.row, column: columnLabel(error.column), message: sheet.choiceProblems.get(`${error.row}:${error.column}`) ?? error.message }));
    } else records = checked.records;
    // The cells as read are no longer needed once validated: let them go before the long write (100 000 rows ≈ 50 MB).
    sheet.records = [];
  }
  if (errors.length > 0) {
    if (dryRun) return report(errors);
    throw invalidRecords(errors);
  }
  const rowOf: RowOf = (index) => sheet.rowNumbers[index]!;
  assertOwnPlatform(actor, records, rowOf);
  if (dryRun) {
    await assertNotHeldElsewhere(db, actor, year, records, rowOf);
    const existing = await countExisting(db, year, records.map((record) => record.creditCode));
    return report([], { inserted: records.length - existing, updated: existing });
  }
  return report([], await writeRecords(db, actor, year, records, rowOf, 'xlsx', now));
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The figures of a stored row as the domain writes them: canonical decimal text, null for missing (D14). */
function recordFigures(row: Pick<EnterpriseViewRow, 'landOwned' | 'landLeased' | 'tax' | 'valueAdded' | 'revenue' | 'rdExpense' | 'employees' | 'energyTce' | 'emissionsTons' | 'electricityKwh' | 'waterTons'>) {
  return {
    landOwned: canonical(row.landOwned),
    landLeased: canonical(row.landLeased),
    tax: canonical(row.tax),
    valueAdded: canonical(row.valueAdded),
    revenue: canonical(row.revenue),
    rdExpense: canonical(row.rdExpense),
    employees: canonical(row.employees),
    energyTce: canonical(row.energyTce),
    emissionsTons: canonical(row.emissionsTons),
    electricityKwh: canonical(row.electricityKwh),
    waterTons: canonical(row.waterTons),
  };
}

function toView(row: EnterpriseViewRow): EnterpriseRecordView {
  return {
    ...row,
    platformKey: row.platformKey as PlatformKey | null,
    kind: row.kind as EnterpriseRecordView['kind'],
    scale: row.scale as EnterpriseRecordView['scale'],
    ...recordFigures(row),
    landTotal: canonical(row.landTotal),
    importedAt: row.importedAt.toISOString(),
  };
}

/** R3.1 lists: a platform user is held to its own platform whatever it asks for (D10); `none` = elsewhere in the city. */
function listScope(actor: Actor, filter: EnterpriseFilter): PlatformKey | null | undefined {
  const own = ownPlatform(actor);
  if (own !== undefined) return own;
  if (filter.platformKey === NO_PLATFORM) return null;
  return filter.platformKey;
}

async function yearOf(db: Db, actor: Actor, filter: EnterpriseFilter): Promise<number | null> {
  return filter.year ?? latestYear(db, ownPlatform(actor));
}

/** `GET /enterprises`: one year's records (the latest when none is asked for), filtered, a page at a time. */
export async function listEnterprises(db: Db, actor: Actor, query: EnterpriseListQuery) {
  requirePermission(actor, 'enterprises.read');
  const { page, pageSize } = query;
  const year = await yearOf(db, actor, query);
  if (year === null) return { items: [], total: 0, page, pageSize, year };
  const condition = listCondition({ year, platformKey: listScope(actor, query) }, query, RECTIFICATION_BARS);
  const { rows, total } = await listPage(db, condition, pageSize, (page - 1) * pageSize);
  return { items: rows.map(toView), total, page, pageSize, year };
}

/** `GET /enterprises/export.xlsx`: the list's rows, every one, read 1 000 at a time by credit code. */
export async function enterpriseExport(db: Db, actor: Actor, filter: EnterpriseFilter, now: Date) {
  requirePermission(actor, 'enterprises.read');
  const year = await yearOf(db, actor, filter);
  const condition = year === null ? null : listCondition({ year, platformKey: listScope(actor, filter) }, filter, RECTIFICATION_BARS);
  async function* rows(): AsyncGenerator<EnterpriseRecordView> {
    if (condition === null) return;
    let after: string | null = null;
    for (;;) {
      const batch: EnterpriseViewRow[] = await listAfter(db, condition, after, 1000);
      for (const row of batch) yield toView(row);
      if (batch.length < 1000) return;
      after = batch.at(-1)!.creditCode;
    }
  }
  const what = filter.subDatabase ? ENTERPRISE_SUB_DATABASE_LABELS[filter.subDatabase] : '企业数据库';
  return { rows: rows(), fileName: `${what}-${year ?? '无数据'}年度-${shanghaiDay(now)}.xlsx` };
}

/** `GET /enterprises/:creditCode`: every year, ascending; a platform user sees only its own platform's years (D10). */
export async function getEnterprise(db: Db, actor: Actor, creditCode: string) {
  requirePermission(actor, 'enterprises.read');
  const rows = await recordsOfEnterprise(db, creditCode, ownPlatform(actor));
  // The same answer whether the enterprise is unknown or another platform's: its existence is not revealed (D10).
  if (rows.length === 0) throw notFound(`没有统一社会信用代码为 ${creditCode} 的企业数据`);
  return { creditCode, name: rows.at(-1)!.name, records: rows.map(toView) };
}

/** `GET /enterprise-records/years`: the years that have records, latest first, for the year pickers. */
export async function enterpriseYears(db: Db, actor: Actor) {
  requirePermission(actor, 'enterprises.read');
  return yearCounts(db, ownPlatform(actor));
}

const EVALUATION_BATCH = 10_000;

/**
 * For the evaluation (R3.2–R3.4): EVERY record of the year in the domain's EnterpriseRecord shape (canonical decimal
 * strings, null for a missing figure), in credit-code order. NO permission or platform-scope check: the caller (the
 * evaluation service) checks its own permission first and decides what a platform user may see of the results.
 * Reads 10 000 rows per query, only the columns the domain uses.
 */
export async function recordsOfYear(db: Db, year: number): Promise<EnterpriseRecord[]> {
  const records: EnterpriseRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const batch: Awaited<ReturnType<typeof evaluationBatch>> = await evaluationBatch(db, year, after, EVALUATION_BATCH);
    for (const row of batch) {
      records.push({
        creditCode: row.creditCode,
        name: row.name,
        platformKey: row.platformKey as PlatformKey | null,
        kind: row.kind as EnterpriseRecord['kind'],
        scale: row.scale as EnterpriseRecord['scale'],
        ...recordFigures(row),
        producing: row.producing,
        registeredOn: row.registeredOn,
        industryCode: row.industryCode,
        backward: row.backward,
        backwardBasis: row.backwardBasis,
        zombie: row.zombie,
        zombieBasis: row.zombieBasis,
        utility: row.utility,
      });
    }
    if (batch.length < EVALUATION_BATCH) return records;
    after = batch.at(-1)!.creditCode;
  }
}

import {
  ENTERPRISE_SUB_DATABASE_LABELS,
  NO_PLATFORM,
  RECTIFICATION_BARS,
  type EnterpriseFilter,
  type EnterpriseListQuery,
  type EnterpriseRecord,
  type EnterpriseRecordView,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { notFound } from '../platform/errors.ts';
import {
  evaluationBatch,
  evaluationRowsOfCodes,
  latestYear,
  listAfter,
  listCondition,
  countOfYear,
  listPage,
  platformBatch,
  recordsOfEnterprise,
  revenuesOf,
  yearCounts,
  type EnterpriseViewRow,
} from './enterprise-records.repository.ts';
import { ownPlatform } from './enterprise-scope.ts';

/**
 * The base database (R3.1, issue #4): yearly enterprise records, imported all or nothing and upserted by
 * (credit code, year) by enterprise-import.service.ts; here the sub-database lists, an enterprise over the years and
 * the records the evaluation reads. Every rule about a record is the domain's; this file adds I/O, permissions and
 * a platform user's scope (D10).
 */

/** A stored row as the API shows it; its figures are already canonical decimal text (the repository's SQL). */
function toView(row: EnterpriseViewRow): EnterpriseRecordView {
  return { ...row, importedAt: row.importedAt.toISOString() };
}

/**
 * R3.1 lists: a platform user is held to its own platform whatever it asks for (D10); `none` = elsewhere in the city.
 */
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
  const condition =
    year === null ? null : listCondition({ year, platformKey: listScope(actor, filter) }, filter, RECTIFICATION_BARS);
  async function* rows(): AsyncGenerator<EnterpriseRecordView> {
    if (condition === null) return;
    let after: string | null = null;
    for (;;) {
      const batch: EnterpriseViewRow[] = await listAfter(db, condition, after, 1000);
      for (const row of batch) yield toView(row);
      const last = batch.at(-1);
      if (batch.length < 1000 || !last) return;
      after = last.creditCode;
    }
  }
  const what = filter.subDatabase ? ENTERPRISE_SUB_DATABASE_LABELS[filter.subDatabase] : '企业数据库';
  return { rows: rows(), fileName: datedXlsxName(`${what}-${year ?? '无数据'}年度`, now) };
}

/** `GET /enterprises/:creditCode`: every year, ascending; a platform user sees only its own platform's years (D10). */
export async function getEnterprise(db: Db, actor: Actor, creditCode: string) {
  requirePermission(actor, 'enterprises.read');
  const rows = await recordsOfEnterprise(db, creditCode, ownPlatform(actor));
  // The same answer whether the enterprise is unknown or another platform's: its existence is not revealed (D10).
  const latest = rows.at(-1);
  if (!latest) throw notFound(`没有统一社会信用代码为 ${creditCode} 的企业数据`);
  return { creditCode, name: latest.name, records: rows.map(toView) };
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
 * Reads 10 000 rows per query, only the columns the domain uses; `onBatch` hears how many have been read so far.
 */
export async function recordsOfYear(
  db: Db,
  year: number,
  onBatch?: (read: number) => void,
): Promise<EnterpriseRecord[]> {
  return readInBatches((after) => evaluationBatch(db, year, after, EVALUATION_BATCH), onBatch);
}

/**
 * The same records as recordsOfYear for the enterprises of one platform, or of the three platforms when
 * `platformKey` is null (enterprises outside the platforms left out), filtered in SQL. NO permission or scope
 * check, as for recordsOfYear: the caller (the renewal finders, the industry profile) checks its own first.
 */
export async function platformRecordsOfYear(
  db: Db,
  year: number,
  platformKey: PlatformKey | null,
): Promise<PlatformRecord[]> {
  const records = await readInBatches((after) => platformBatch(db, year, platformKey, after, EVALUATION_BATCH));
  // The SQL already leaves out the records outside the platforms; the filter tells the type so.
  return records.filter((record): record is PlatformRecord => record.platformKey !== null);
}

/** A record of an enterprise inside one of the platforms. */
export type PlatformRecord = EnterpriseRecord & { platformKey: PlatformKey };

async function readInBatches(
  batchAfter: (creditCode: string | null) => Promise<EvaluationRow[]>,
  onBatch?: (read: number) => void,
): Promise<EnterpriseRecord[]> {
  const records: EnterpriseRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await batchAfter(after);
    // A row is the domain's record as it is: the same fields, the figures already canonical (the repository's SQL),
    // one object of one shape (prepared-rows.ts). Copying 100 000 of them into records cost a second object each.
    for (const row of batch) records.push(row);
    if (batch.length > 0) onBatch?.(records.length);
    const last = batch.at(-1);
    if (batch.length < EVALUATION_BATCH || !last) return records;
    after = last.creditCode;
  }
}

type EvaluationRow = Awaited<ReturnType<typeof evaluationBatch>>[number];

/**
 * Issue #15: the records of the named enterprises only (a page of measures shows 50, not the year's 100 000), in the
 * same shape as recordsOfYear and with the same lack of checks: the evaluation service checks its own first.
 */
export async function recordsOfCodes(
  db: Db,
  year: number,
  codes: readonly string[],
): Promise<Map<string, EnterpriseRecord>> {
  const rows = await evaluationRowsOfCodes(db, year, codes);
  return new Map(rows.map((row): [string, EnterpriseRecord] => [row.creditCode, row]));
}

/** How many records the year has (the evaluation's progress); no permission check, as for recordsOfYear. */
export async function recordCountOfYear(db: Db, year: number): Promise<number> {
  return countOfYear(db, year);
}

/**
 * For the rectification list (R3.4 growth): every enterprise's revenue of the year, as canonical decimal text. NO
 * permission check, as for recordsOfYear: the evaluation service checks its own first.
 */
export async function revenuesOfYear(
  db: Db,
  year: number,
): Promise<Array<Pick<EnterpriseRecord, 'creditCode' | 'revenue'>>> {
  return revenuesOf(db, year);
}

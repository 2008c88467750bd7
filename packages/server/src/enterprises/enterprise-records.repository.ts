import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  max,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { EnterpriseKind, EnterpriseScale, PlatformKey } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { allOf, anyOf, type Conditions } from '../platform/rows.ts';
import { perDatabase } from '../platform/change-signals.ts';
import { preparedRows } from '../platform/prepared-rows.ts';
import { enterpriseRecords as t } from './enterprises.table.ts';

/**
 * SQL only (STYLE.md): the base database's reads (the writes are enterprise-records-writer.ts). Rules and scope are
 * the service's.
 */

type Conn = Db | Tx;

/**
 * A PostgreSQL array literal passed as ONE text parameter: 100 000 codes cost 1 parameter instead of 100 000 (the
 * 65 535-parameter limit of the protocol), and both drivers pass a string through unchanged.
 */
function arrayLiteral(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value !== 'string') out += String(value);
    else out += `"${value.replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

const ofCodes = (codes: readonly string[]) => sql`${t.creditCode} = ANY(${arrayLiteral(codes)}::text[])`;

/** How many of these credit codes already have a record of the year (they will be updated, the rest inserted). */
export async function countExisting(db: Conn, year: number, codes: readonly string[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.year, year), ofCodes(codes)));
  return row?.n ?? 0;
}

/** The credit codes among these whose record of the year belongs to another platform than `platformKey`, or to none. */
export async function codesHeldElsewhere(
  db: Conn,
  year: number,
  codes: readonly string[],
  platformKey: PlatformKey,
): Promise<string[]> {
  const rows = await db
    .select({ creditCode: t.creditCode })
    .from(t)
    .where(and(eq(t.year, year), ofCodes(codes), sql`${t.platformKey} IS DISTINCT FROM ${platformKey}`));
  return rows.map((row) => row.creditCode);
}

const landSum = sql`coalesce(${t.landOwned}, 0) + coalesce(${t.landLeased}, 0)`;

/**
 * A stored figure as the domain writes it: canonical decimal text ('12.500000' → '12.5'), null for missing (D14).
 * PostgreSQL trims the scale, so the 100 000 records an evaluation reads need no second string per figure
 * (issue #15).
 */
const canonical = (figure: SQLWrapper) => sql<string | null>`trim_scale(${figure})::text`;

/** A record's own columns: what the evaluation reads and every view shows. */
const RECORD_COLUMNS = {
  creditCode: t.creditCode,
  name: t.name,
  platformKey: t.platformKey,
  kind: t.kind,
  scale: t.scale,
  landOwned: canonical(t.landOwned),
  landLeased: canonical(t.landLeased),
  tax: canonical(t.tax),
  valueAdded: canonical(t.valueAdded),
  revenue: canonical(t.revenue),
  rdExpense: canonical(t.rdExpense),
  employees: canonical(t.employees),
  energyTce: canonical(t.energyTce),
  emissionsTons: canonical(t.emissionsTons),
  electricityKwh: canonical(t.electricityKwh),
  waterTons: canonical(t.waterTons),
  producing: t.producing,
  registeredOn: t.registeredOn,
  industryCode: t.industryCode,
  backward: t.backward,
  backwardBasis: t.backwardBasis,
  zombie: t.zombie,
  zombieBasis: t.zombieBasis,
  utility: t.utility,
};

/** The columns a view needs: the stored ones and the two derived ones, computed exactly by PostgreSQL. */
const VIEW_COLUMNS = {
  ...RECORD_COLUMNS,
  year: t.year,
  importedAt: t.importedAt,
  importedBy: t.importedBy,
  landTotal: canonical(sql`CASE WHEN ${t.landOwned} IS NULL AND ${t.landLeased} IS NULL THEN NULL ELSE ${landSum} END`),
  taxPerMu: sql<string | null>`round(${t.tax} / nullif(${landSum}, 0), 4)::text`,
};
const viewQuery = (db: Conn) => db.select(VIEW_COLUMNS).from(t);
export type EnterpriseViewRow = Awaited<ReturnType<typeof viewQuery>>[number];

/** Where a list reads: the year, and the platform (a key, or null for elsewhere in the city; undefined for all). */
export type ListScope = { year: number; platformKey?: PlatformKey | null };
export type ListFilter = {
  kind?: EnterpriseKind;
  scale?: EnterpriseScale;
  subDatabase?: 'backward' | 'zombie' | 'low_efficiency';
  q?: string;
};

/**
 * The list's WHERE. 低效产出 (R3.1 with the R3.4 bars) compares at the figure without dividing (D1):
 * tax ≤ bar × (owned + leased), the bar by whether the record lies inside a platform; industrial only, and only
 * where tax and a positive land area are known (a missing figure cannot put an enterprise on a list).
 */
export function listCondition(scope: ListScope, filter: ListFilter, bars: { city: string; platform: string }): SQL {
  const where: Conditions = [eq(t.year, scope.year)];
  if (scope.platformKey === null) where.push(isNull(t.platformKey));
  else if (scope.platformKey !== undefined) where.push(eq(t.platformKey, scope.platformKey));
  if (filter.kind) where.push(eq(t.kind, filter.kind));
  if (filter.scale) where.push(eq(t.scale, filter.scale));
  if (filter.subDatabase === 'backward') where.push(eq(t.backward, true));
  if (filter.subDatabase === 'zombie') where.push(eq(t.zombie, true));
  if (filter.subDatabase === 'low_efficiency') {
    const bar = sql`CASE WHEN ${t.platformKey} IS NULL THEN ${bars.city}::numeric ELSE ${bars.platform}::numeric END`;
    where.push(
      sql`${t.kind} = 'industrial' AND ${t.tax} IS NOT NULL AND ${landSum} > 0 AND ${t.tax} <= (${bar}) * (${landSum})`,
    );
  }
  if (filter.q) {
    const escaped = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(anyOf([ilike(t.name, `%${escaped}%`), ilike(t.creditCode, `${escaped}%`)]));
  }
  return allOf(where);
}

export async function listPage(
  db: Db,
  condition: SQL,
  limit: number,
  offset: number,
): Promise<{ rows: EnterpriseViewRow[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    viewQuery(db).where(condition).orderBy(asc(t.creditCode)).limit(limit).offset(offset),
    db.select({ n: count() }).from(t).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Keyset paging by credit code (unique within a year): the export reads every row without OFFSET's rescans. */
export async function listAfter(
  db: Db,
  condition: SQL,
  afterCode: string | null,
  limit: number,
): Promise<EnterpriseViewRow[]> {
  const where = afterCode === null ? condition : and(condition, gt(t.creditCode, afterCode));
  return viewQuery(db).where(where).orderBy(asc(t.creditCode)).limit(limit);
}

/** The latest year with records (of one platform, when given). */
export async function latestYear(db: Db, platformKey?: PlatformKey): Promise<number | null> {
  const [row] = await db
    .select({ year: max(t.year) })
    .from(t)
    .where(platformKey ? eq(t.platformKey, platformKey) : undefined);
  return row?.year ?? null;
}

export async function recordsOfEnterprise(
  db: Db,
  creditCode: string,
  platformKey?: PlatformKey,
): Promise<EnterpriseViewRow[]> {
  const where = platformKey
    ? and(eq(t.creditCode, creditCode), eq(t.platformKey, platformKey))
    : eq(t.creditCode, creditCode);
  return viewQuery(db).where(where).orderBy(asc(t.year));
}

export async function yearCounts(db: Db, platformKey?: PlatformKey): Promise<Array<{ year: number; count: number }>> {
  const rows = await db
    .select({ year: t.year, count: count() })
    .from(t)
    .where(platformKey ? eq(t.platformKey, platformKey) : undefined)
    .groupBy(t.year)
    .orderBy(desc(t.year));
  return rows.map((row) => ({ year: row.year, count: row.count }));
}

/** Only what the evaluation reads, for one year, in credit-code order after `afterCode`. */
export async function evaluationBatch(db: Db, year: number, afterCode: string | null, limit: number) {
  const batches = preparedBatches(db);
  return afterCode === null ? batches.first({ year, limit }) : batches.next({ year, after: afterCode, limit });
}

/**
 * The year's batches as prepared statements decoded by a loop made for their columns (preparedRows): Drizzle's own
 * row mapping was ≈ 4.5 % of an evaluation of 100 000 records; the read phase went from 886 to 693 ms (issue #15).
 */
const preparedBatches = perDatabase((db: Db) => {
  const batch = (where: SQL | undefined, name: string) =>
    preparedRows(
      db,
      db.select(RECORD_COLUMNS).from(t).where(where).orderBy(asc(t.creditCode)).limit(sql.placeholder('limit')),
      name,
    );
  const ofYear = eq(t.year, sql.placeholder('year'));
  return {
    first: batch(ofYear, 'pgs_records_of_year_first'),
    next: batch(and(ofYear, gt(t.creditCode, sql.placeholder('after'))), 'pgs_records_of_year_next'),
  };
});

/**
 * The same columns as evaluationBatch for the enterprises of one platform (or of the three platforms when null),
 * filtered in SQL: the renewal finders and the industry profile read one platform, not the whole city's year.
 */
export async function platformBatch(
  db: Db,
  year: number,
  platformKey: PlatformKey | null,
  afterCode: string | null,
  limit: number,
) {
  const where = [eq(t.year, year), platformKey === null ? isNotNull(t.platformKey) : eq(t.platformKey, platformKey)];
  if (afterCode !== null) where.push(gt(t.creditCode, afterCode));
  return db
    .select(RECORD_COLUMNS)
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.creditCode))
    .limit(limit);
}

/** The same columns as evaluationBatch for the named enterprises of one year (a page of measures, issue #15). */
export async function evaluationRowsOfCodes(db: Db, year: number, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select(RECORD_COLUMNS)
    .from(t)
    .where(and(eq(t.year, year), inArray(t.creditCode, [...codes])));
}

/** Every enterprise's revenue of one year (R3.4 growth on the previous year). */
export async function revenuesOf(db: Db, year: number): Promise<Array<{ creditCode: string; revenue: string | null }>> {
  return db
    .select({ creditCode: t.creditCode, revenue: canonical(t.revenue) })
    .from(t)
    .where(eq(t.year, year));
}

export async function countOfYear(db: Db, year: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(t).where(eq(t.year, year));
  return row?.n ?? 0;
}

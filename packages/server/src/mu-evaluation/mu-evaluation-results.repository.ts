import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { EnterpriseResult, EvaluationClass, EvaluationSetKey } from '@pgs/domain';
import type { EvaluationRunStatus, PlatformFilter } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { copyCsv, copyTarget, csvText } from '../platform/copy-rows.ts';
import { allOf, anyOf, firstRow, type Conditions } from '../platform/rows.ts';
import { evaluationResults, evaluationRuns, type StoredIndicator } from './mu-evaluation.table.ts';

/** SQL only (STYLE.md, immich): the runs and results of the yearly evaluation (R3.2). */

export type RunRow = typeof evaluationRuns.$inferSelect;
export type NewRun = typeof evaluationRuns.$inferInsert;
export type ResultRow = typeof evaluationResults.$inferSelect;

/** Rows per COPY write: the CSV of 5 000 results is ~1 MB, so PostgreSQL parses one batch while the next is made. */
const RESULT_BATCH = 5_000;
/** The COPY's columns, in the order of each CSV line of insertResults. */
const RESULT_TARGET = copyTarget(evaluationResults, [
  'runId',
  'creditCode',
  'name',
  'platformKey',
  'set',
  'class',
  'baseClass',
  'score',
  'rank',
  'percentile',
  'setSize',
  'indicators',
  'classRule',
  'excludedReason',
]);

export async function insertRun(tx: Tx, values: NewRun): Promise<number> {
  const rows = await tx.insert(evaluationRuns).values(values).returning({ id: evaluationRuns.id });
  return firstRow(rows, 'insert evaluation run').id;
}

const figure = (value: number | null) => (value === null ? '' : String(value));

/**
 * Writes every result of a run inside the caller's transaction (all of them or, on any failure, none), with COPY:
 * PostgreSQL parses and indexes one batch while this process turns the next into CSV.
 */
export async function insertResults(
  tx: Tx,
  runId: number,
  results: readonly EnterpriseResult[],
  onWritten?: (written: number) => void,
): Promise<void> {
  const copy = copyCsv(tx, RESULT_TARGET);
  try {
    for (let start = 0; start < results.length; start += RESULT_BATCH) {
      let csv = '';
      for (const r of results.slice(start, start + RESULT_BATCH)) {
        const indicators = JSON.stringify(r.indicators.map((item): StoredIndicator => [item.value, item.score]));
        csv +=
          `${runId},${csvText(r.creditCode)},${csvText(r.name)},${csvText(r.platformKey)},` +
          `${r.set},${r.class},${r.baseClass},${figure(r.score)},${figure(r.rank)},${figure(r.percentile)},` +
          `${r.setSize},${csvText(indicators)},${csvText(r.classRule)},${csvText(r.excludedReason ?? null)}\n`;
      }
      await copy.write(csv);
      onWritten?.(Math.min(results.length, start + RESULT_BATCH));
    }
  } finally {
    await copy.end();
  }
}

export async function findRun(db: Db | Tx, id: number): Promise<RunRow | undefined> {
  const [row] = await db.select().from(evaluationRuns).where(eq(evaluationRuns.id, id));
  return row;
}

/**
 * Each run's place among the runs of its year, oldest first (1 = the year's first run), drafts and superseded ones
 * included.
 */
export async function runNumbersInYear(db: Db | Tx, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: evaluationRuns.id,
      // Spelled out: drizzle writes a one-table select's columns unqualified, which inside the subquery would mean
      // `earlier`.
      n: sql<number>`(SELECT count(*) FROM evaluation_runs AS earlier
        WHERE earlier.year = evaluation_runs.year AND earlier.id <= evaluation_runs.id)`.mapWith(Number),
    })
    .from(evaluationRuns)
    .where(inArray(evaluationRuns.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.n]));
}

export async function listRuns(
  db: Db,
  filter: { year?: number; statuses?: readonly EvaluationRunStatus[] },
  page: number,
  pageSize: number,
) {
  const where: SQL[] = [];
  if (filter.year !== undefined) where.push(eq(evaluationRuns.year, filter.year));
  if (filter.statuses) where.push(inArray(evaluationRuns.status, [...filter.statuses]));
  const condition = where.length > 0 ? and(...where) : undefined;
  const [rows, counted] = await Promise.all([
    db
      .select()
      .from(evaluationRuns)
      .where(condition)
      .orderBy(desc(evaluationRuns.year), desc(evaluationRuns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(evaluationRuns).where(condition),
  ]);
  return { rows, total: firstRow(counted, 'count').value };
}

export type ResultFilter = {
  platformKey?: PlatformFilter;
  classes?: readonly EvaluationClass[];
  set?: EvaluationSetKey;
  q?: string;
};

function resultCondition(runId: number, filter: ResultFilter): SQL {
  const where: Conditions = [eq(evaluationResults.runId, runId)];
  if (filter.platformKey === 'none') where.push(isNull(evaluationResults.platformKey));
  else if (filter.platformKey) where.push(eq(evaluationResults.platformKey, filter.platformKey));
  if (filter.classes) where.push(inArray(evaluationResults.class, [...filter.classes]));
  if (filter.set) where.push(eq(evaluationResults.set, filter.set));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(anyOf([ilike(evaluationResults.name, pattern), ilike(evaluationResults.creditCode, pattern)]));
  }
  return allOf(where);
}

/**
 * Set order is the text order of the set keys (industrial_above < industrial_below < service, as EVALUATION_SETS);
 * within a set, by rank, class T (no rank) last; the credit code breaks ties so pages never overlap.
 */
const RANK_KEY = sql<number>`coalesce(${evaluationResults.rank}, 2147483647)`;
const RESULT_ORDER = [asc(evaluationResults.set), asc(RANK_KEY), asc(evaluationResults.creditCode)];

export async function resultsPage(db: Db, runId: number, filter: ResultFilter, page: number, pageSize: number) {
  const condition = resultCondition(runId, filter);
  const [rows, counted] = await Promise.all([
    db
      .select()
      .from(evaluationResults)
      .where(condition)
      .orderBy(...RESULT_ORDER)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(evaluationResults).where(condition),
  ]);
  return { rows, total: firstRow(counted, 'count').value };
}

/**
 * Every result the filter selects, in page order, read in keyset batches: an export of 100 000 results never sits
 * whole in memory, and no batch re-sorts what earlier batches already returned (OFFSET would).
 */
export async function* resultRows(
  db: Db,
  runId: number,
  filter: ResultFilter,
  batchSize = 2_000,
): AsyncGenerator<ResultRow> {
  const condition = resultCondition(runId, filter);
  let after: { set: string; rank: number; creditCode: string } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? sql`(${evaluationResults.set}, ${RANK_KEY}, ${evaluationResults.creditCode})
          > (${after.set}, ${after.rank}::integer, ${after.creditCode})`
      : undefined;
    const rows: ResultRow[] = await db
      .select()
      .from(evaluationResults)
      .where(and(condition, keyset))
      .orderBy(...RESULT_ORDER)
      .limit(batchSize);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    after = { set: last.set, rank: last.rank ?? 2_147_483_647, creditCode: last.creditCode };
  }
}

/**
 * Locks every run of a year for the rest of the transaction: two publishes of the same year then follow one another,
 * so the second sees the first's 'published' and supersedes it — never two published runs of one year (D17).
 */
export async function lockRunsOfYear(tx: Tx, year: number): Promise<void> {
  await tx
    .select({ id: evaluationRuns.id })
    .from(evaluationRuns)
    .where(eq(evaluationRuns.year, year))
    .orderBy(evaluationRuns.id)
    .for('update');
}

/** draft → published, conditional on the status: false when the run was no longer a draft. */
export async function markPublished(tx: Tx, id: number, by: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(evaluationRuns)
    .set({ status: 'published', publishedAt: at, publishedBy: by })
    .where(and(eq(evaluationRuns.id, id), eq(evaluationRuns.status, 'draft')))
    .returning({ id: evaluationRuns.id });
  return rows.length === 1;
}

/** The year's earlier published run (if any) becomes 'superseded'; returns the ids changed. */
export async function supersedeOthers(tx: Tx, year: number, keepId: number): Promise<number[]> {
  const rows = await tx
    .update(evaluationRuns)
    .set({ status: 'superseded' })
    .where(and(eq(evaluationRuns.year, year), eq(evaluationRuns.status, 'published'), ne(evaluationRuns.id, keepId)))
    .returning({ id: evaluationRuns.id });
  return rows.map((row) => row.id);
}

/**
 * The lines of a run's public notice (R3.2 公示): name and class of the rated enterprises (class T is not rated),
 * ordered by class then name — not by rank, which the notice does not show; `q` matches the name only, so the public
 * page cannot be asked whether a credit code is in the list.
 */
export async function noticeLinesPage(db: Db, runId: number, q: string | undefined, page: number, pageSize: number) {
  const where: Conditions = [eq(evaluationResults.runId, runId), ne(evaluationResults.class, 'T')];
  if (q) where.push(ilike(evaluationResults.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const condition = allOf(where);
  const [rows, counted] = await Promise.all([
    db
      .select({ name: evaluationResults.name, result: evaluationResults.class })
      .from(evaluationResults)
      .where(condition)
      .orderBy(asc(evaluationResults.class), asc(evaluationResults.name), asc(evaluationResults.creditCode))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(evaluationResults).where(condition),
  ]);
  return { items: rows, total: firstRow(counted, 'count').value };
}

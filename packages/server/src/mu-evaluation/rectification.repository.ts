import { and, asc, count, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { PlatformFilter, RectificationTrack } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { copyCsv, copyTarget, csvText } from '../platform/copy-rows.ts';
import { allOf, firstRow, type Conditions } from '../platform/rows.ts';
import { evaluationRectification as t } from './mu-evaluation.table.ts';

/** SQL only (STYLE.md): a run's R3.4 rectification list, written with the run and read a page at a time. */

export type RectificationRow = typeof t.$inferSelect;
export type NewRectificationRow = Omit<RectificationRow, 'runId'>;
export type RectificationScope = { platformKey?: PlatformFilter; track?: RectificationTrack };

/** The COPY's columns, in the order of each CSV line below. */
const TARGET = copyTarget(t, [
  'runId',
  'creditCode',
  'name',
  'platformKey',
  'class',
  'taxPerMu',
  'bar',
  'track',
  'reason',
]);

/** Every item of the run's list, with COPY, inside the run's transaction. */
export async function insertRectification(tx: Tx, runId: number, items: readonly NewRectificationRow[]): Promise<void> {
  const copy = copyCsv(tx, TARGET);
  try {
    let csv = '';
    for (const item of items) {
      csv +=
        `${runId},${csvText(item.creditCode)},${csvText(item.name)},${csvText(item.platformKey)},${item.class},` +
        `${csvText(item.taxPerMu)},${csvText(item.bar)},${item.track},${csvText(item.reason)}\n`;
      if (csv.length > 1 << 20) {
        await copy.write(csv);
        csv = '';
      }
    }
    if (csv !== '') await copy.write(csv);
  } finally {
    await copy.end();
  }
}

function condition(runId: number, scope: RectificationScope): SQL {
  const where: Conditions = [eq(t.runId, runId)];
  if (scope.platformKey === 'none') where.push(isNull(t.platformKey));
  else if (scope.platformKey !== undefined) where.push(eq(t.platformKey, scope.platformKey));
  if (scope.track !== undefined) where.push(eq(t.track, scope.track));
  return allOf(where);
}

export async function rectificationPage(
  db: Db,
  runId: number,
  scope: RectificationScope,
  page: number,
  pageSize: number,
) {
  const where = condition(runId, scope);
  const [rows, counted] = await Promise.all([
    db
      .select()
      .from(t)
      .where(where)
      .orderBy(asc(t.creditCode))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(t).where(where),
  ]);
  return { rows, total: firstRow(counted, 'count').value };
}

/** The whole list in credit-code order, read in keyset batches for the export. */
export async function* rectificationRows(
  db: Db,
  runId: number,
  scope: RectificationScope,
  batchSize = 2_000,
): AsyncGenerator<RectificationRow> {
  const where = condition(runId, scope);
  let after: string | null = null;
  for (;;) {
    const rows: RectificationRow[] = await db
      .select()
      .from(t)
      .where(after === null ? where : and(where, gt(t.creditCode, after)))
      .orderBy(asc(t.creditCode))
      .limit(batchSize);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    after = last.creditCode;
  }
}

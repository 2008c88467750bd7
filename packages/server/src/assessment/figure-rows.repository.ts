import { and, asc, count, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { FigureRow, FigureRowKind } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { assessmentFigureRows } from './assessment.table.ts';

/** SQL of the rows behind a saved assessment's figures (assessment_figure_rows); what counts is decided by callers. */

export type RowsOf = { assessmentId: number; platformKey: string; sourceKey: string };

/** A row as the page and the export show it. */
const ROW_COLUMNS = {
  kind: assessmentFigureRows.kind,
  ref: assessmentFigureRows.ref,
  name: assessmentFigureRows.name,
  figure: assessmentFigureRows.figure,
  note: assessmentFigureRows.note,
};

// A multi-row insert carries 9 parameters a row; PostgreSQL takes at most 65 535 in one statement.
const CHUNK = 2000;

/** The rows a source counted in Node, in its order. */
export async function insertFigureRows(db: Db | Tx, of: RowsOf, rows: readonly FigureRow[]) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insert(assessmentFigureRows)
      .values(rows.slice(start, start + CHUNK).map((row, i) => ({ ...of, seq: start + i + 1, ...row })));
  }
}

/**
 * One statement over `select` — a query with the columns (ord, kind, ref, name, figure, note), `ord` the order to
 * list them in — that counts its rows and those whose figure is '1' and, when `of` is given, writes them as the
 * figure's rows: the rows kept and the counts are of the same snapshot.
 */
export async function countAndKeepRows(db: Db | Tx, select: SQL, of: RowsOf | null) {
  const keep = of
    ? sql`, kept AS (
        INSERT INTO ${assessmentFigureRows} (assessment_id, platform_key, source_key, seq, kind, ref, name, figure, note)
        SELECT ${of.assessmentId}::int, ${of.platformKey}::text, ${of.sourceKey}::text,
          row_number() OVER (ORDER BY v.ord), v.kind, v.ref, v.name, v.figure, v.note
        FROM v RETURNING 1)`
    : sql``;
  const result = await db.execute(sql`
    WITH v AS (${select})${keep}
    SELECT count(*)::int AS due, (count(*) FILTER (WHERE v.figure = '1'))::int AS done FROM v`);
  const [row] = (result as { rows: { due: number; done: number }[] }).rows;
  return { due: row?.due ?? 0, done: row?.done ?? 0 };
}

/** A page of one figure's rows, in order, and how many there are. */
export async function figureRowsPage(db: Db, of: RowsOf, page: number, pageSize: number) {
  const where = and(
    eq(assessmentFigureRows.assessmentId, of.assessmentId),
    eq(assessmentFigureRows.platformKey, of.platformKey),
    eq(assessmentFigureRows.sourceKey, of.sourceKey),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(ROW_COLUMNS)
      .from(assessmentFigureRows)
      .where(where)
      .orderBy(asc(assessmentFigureRows.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(assessmentFigureRows).where(where),
  ]);
  return { rows: rows.map((row) => ({ ...row, kind: row.kind as FigureRowKind })), total: total!.value };
}

const EXPORT_BATCH = 2000;

/** Every row of one figure in order, read a batch at a time by `seq` (an export of 100 000 never sits in memory). */
export async function* allFigureRows(db: Db, of: RowsOf): AsyncGenerator<FigureRow> {
  let after = 0;
  for (;;) {
    const batch = await db
      .select({ seq: assessmentFigureRows.seq, ...ROW_COLUMNS })
      .from(assessmentFigureRows)
      .where(
        and(
          eq(assessmentFigureRows.assessmentId, of.assessmentId),
          eq(assessmentFigureRows.platformKey, of.platformKey),
          eq(assessmentFigureRows.sourceKey, of.sourceKey),
          gt(assessmentFigureRows.seq, after),
        ),
      )
      .orderBy(asc(assessmentFigureRows.seq))
      .limit(EXPORT_BATCH);
    for (const { seq: _seq, ...row } of batch) yield { ...row, kind: row.kind as FigureRowKind };
    const last = batch.at(-1);
    if (!last || batch.length < EXPORT_BATCH) return;
    after = last.seq;
  }
}

import { and, count, desc, eq, lte, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { firstRow } from '../platform/rows.ts';
import { noticeObjections, notices } from './notices.table.ts';

/** SQL only (STYLE.md): notices of published results and their objections (R3.2 公示). */

export type NoticeRow = typeof notices.$inferSelect;
export type ObjectionRow = typeof noticeObjections.$inferSelect;

export async function insertNotice(tx: Tx, values: typeof notices.$inferInsert) {
  return tx.insert(notices).values(values).onConflictDoNothing().returning({ id: notices.id });
}

export async function findNotice(db: Db | Tx, id: number): Promise<NoticeRow | undefined> {
  const [row] = await db.select().from(notices).where(eq(notices.id, id));
  return row;
}

/** The notice, locked: objections are numbered one after another within it. */
export async function lockNotice(tx: Tx, id: number): Promise<NoticeRow | undefined> {
  const [row] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
  return row;
}

export async function noticesPage(db: Db, page: number, pageSize: number, startedBy?: string) {
  const where = startedBy ? lte(notices.startDay, startedBy) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notices)
      .where(where)
      .orderBy(desc(notices.startDay), desc(notices.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(notices).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** Objections and unanswered objections per notice. */
export async function objectionCounts(db: Db | Tx, ids: readonly number[]) {
  const counts = new Map<number, { objections: number; unanswered: number }>();
  if (ids.length === 0) return counts;
  const rows = await db
    .select({
      noticeId: noticeObjections.noticeId,
      objections: count(),
      unanswered: sql<string>`count(*) filter (where ${noticeObjections.answer} is null)`,
    })
    .from(noticeObjections)
    .where(
      sql`${noticeObjections.noticeId} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .groupBy(noticeObjections.noticeId);
  for (const row of rows) counts.set(row.noticeId, { objections: row.objections, unanswered: Number(row.unanswered) });
  return counts;
}

export async function objectionsOf(db: Db, noticeId: number): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(noticeObjections)
    .where(eq(noticeObjections.noticeId, noticeId))
    .orderBy(noticeObjections.numberInNotice);
}

export async function nextObjectionNumber(tx: Tx, noticeId: number): Promise<number> {
  const [row] = await tx
    .select({ last: max(noticeObjections.numberInNotice) })
    .from(noticeObjections)
    .where(eq(noticeObjections.noticeId, noticeId));
  return (row?.last ?? 0) + 1;
}

export async function insertObjection(tx: Tx, values: typeof noticeObjections.$inferInsert) {
  const rows = await tx.insert(noticeObjections).values(values).returning({ id: noticeObjections.id });
  return firstRow(rows, 'insert notice objection').id;
}

export async function findObjection(db: Db | Tx, noticeId: number, id: number) {
  const [row] = await db
    .select()
    .from(noticeObjections)
    .where(and(eq(noticeObjections.id, id), eq(noticeObjections.noticeId, noticeId)));
  return row;
}

/** Answers an objection, conditional on the version the user saw. */
export async function answerObjectionRow(
  tx: Tx,
  id: number,
  version: number,
  values: { answer: string; answeredAt: Date; answeredBy: string },
) {
  return tx
    .update(noticeObjections)
    .set({ ...values, version: sql`${noticeObjections.version} + 1` })
    .where(and(eq(noticeObjections.id, id), eq(noticeObjections.version, version)))
    .returning({ id: noticeObjections.id });
}

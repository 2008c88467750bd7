import { and, count, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { accountChanges } from './users.table.ts';

export type AccountChangeRow = typeof accountChanges.$inferSelect;
export type NewAccountChange = typeof accountChanges.$inferInsert;

export async function insertAccountChange(tx: Tx | Db, change: NewAccountChange) {
  await tx.insert(accountChanges).values(change);
}

export async function listAccountChanges(
  db: Db,
  filter: { reviewed: 'true' | 'false' | 'all'; page: number; pageSize: number },
) {
  const where: SQL | undefined =
    filter.reviewed === 'all'
      ? undefined
      : filter.reviewed === 'true'
        ? isNotNull(accountChanges.reviewedAt)
        : isNull(accountChanges.reviewedAt);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(accountChanges).where(where);
  const rows = await db
    .select()
    .from(accountChanges)
    .where(where)
    .orderBy(desc(accountChanges.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows, total };
}

/** Marks one change reviewed unless it already is: the row, or undefined when someone was first (→ 409). */
export async function markReviewed(tx: Tx, id: number, reviewer: string, now: Date) {
  const [row] = await tx
    .update(accountChanges)
    .set({ reviewedAt: now, reviewedBy: reviewer })
    .where(and(eq(accountChanges.id, id), isNull(accountChanges.reviewedAt)))
    .returning();
  return row;
}

export async function findAccountChange(db: Db | Tx, id: number) {
  const [row] = await db.select().from(accountChanges).where(eq(accountChanges.id, id));
  return row;
}

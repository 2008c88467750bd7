import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PlatformKey } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { keyTaskProgress, keyTasks } from './key-tasks.table.ts';

/** SQL only (STYLE.md): the key-task list of a year and its progress reports (R4.4). */

export type KeyTaskRow = typeof keyTasks.$inferSelect;
export type NewKeyTask = typeof keyTasks.$inferInsert;
export type ProgressRow = typeof keyTaskProgress.$inferSelect;

export async function insertTasks(tx: Tx, values: NewKeyTask[]): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await tx.insert(keyTasks).values(values).returning({ id: keyTasks.id });
  return rows.map((row) => row.id);
}

export async function findTask(db: Db | Tx, id: number): Promise<KeyTaskRow | undefined> {
  const [row] = await db.select().from(keyTasks).where(eq(keyTasks.id, id));
  return row;
}

/** A year's tasks in list order; a platform sees only the tasks that concern it. */
export async function tasksOfYear(db: Db | Tx, year: number, platformKey: string | null): Promise<KeyTaskRow[]> {
  const where = platformKey
    ? and(eq(keyTasks.year, year), sql`${platformKey} = ANY(${keyTasks.platformKeys})`)
    : eq(keyTasks.year, year);
  return db.select().from(keyTasks).where(where).orderBy(asc(keyTasks.deadline), asc(keyTasks.id));
}

export async function progressOf(db: Db | Tx, taskIds: readonly number[]): Promise<ProgressRow[]> {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(keyTaskProgress)
    .where(inArray(keyTaskProgress.taskId, [...taskIds]))
    .orderBy(asc(keyTaskProgress.month), asc(keyTaskProgress.id));
}

/** Conditional on the version the user saw: no row back means someone changed (or deleted) it since. */
export async function updateTask(tx: Tx, id: number, version: number, values: Partial<NewKeyTask>) {
  return tx
    .update(keyTasks)
    .set({ ...values, version: sql`${keyTasks.version} + 1` })
    .where(and(eq(keyTasks.id, id), eq(keyTasks.version, version)))
    .returning({ id: keyTasks.id });
}

export async function deleteTask(tx: Tx, id: number, version: number) {
  return tx
    .delete(keyTasks)
    .where(and(eq(keyTasks.id, id), eq(keyTasks.version, version)))
    .returning({ id: keyTasks.id });
}

export async function findProgress(db: Db | Tx, taskId: number, part: PlatformKey | '', month: string) {
  const [row] = await db
    .select()
    .from(keyTaskProgress)
    .where(and(eq(keyTaskProgress.taskId, taskId), eq(keyTaskProgress.part, part), eq(keyTaskProgress.month, month)));
  return row;
}

/** The month's first report of a part: the unique index lets one of two simultaneous first reports in. */
export async function insertProgress(tx: Tx, values: typeof keyTaskProgress.$inferInsert) {
  return tx.insert(keyTaskProgress).values(values).onConflictDoNothing().returning({ id: keyTaskProgress.id });
}

export async function updateProgress(
  tx: Tx,
  id: number,
  version: number,
  values: Partial<typeof keyTaskProgress.$inferInsert>,
) {
  return tx
    .update(keyTaskProgress)
    .set({ ...values, version: sql`${keyTaskProgress.version} + 1` })
    .where(and(eq(keyTaskProgress.id, id), eq(keyTaskProgress.version, version)))
    .returning({ id: keyTaskProgress.id });
}

import { asc, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { users } from './users.table.ts';
import { signalChange } from '../platform/change-signals.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db | Tx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db | Tx, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** The row locked for the rest of the transaction: password changes of one user happen one after the other. */
export async function findUserByIdForUpdate(tx: Tx, id: number): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function countUsers(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users);
  return row?.total ?? 0;
}

export async function listUsers(db: Db, page: number, pageSize: number) {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users);
  const rows = await db
    .select()
    .from(users)
    .orderBy(asc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total };
}

export async function updatePassword(
  tx: Tx,
  id: number,
  change: { passwordHash: string; passwordHistory: string[]; mustChangePassword: boolean; version: number },
) {
  await tx.update(users).set(change).where(eq(users.id, id));
  signalChange('sessions'); // sessions are cached with their user (issue #15)
}

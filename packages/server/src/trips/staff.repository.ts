import type { PlatformKey } from '@pgs/domain';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { firstRow } from '../platform/rows.ts';
import { staff, timeDeclarations } from './trips.table.ts';

/** SQL of the trips module only (rosters, declarations, trips, attachments, the reporting setting). */

export type StaffRow = typeof staff.$inferSelect;

// ── roster ─────────────────────────────────────────────────────────────────────────────────────────────────────────
const onRosterIn = (month: string) =>
  and(lte(staff.fromMonth, month), sql`(${staff.untilMonth} is null or ${staff.untilMonth} >= ${month})`);

export async function staffOfPlatform(db: Db | Tx, platformKey: PlatformKey, month?: string): Promise<StaffRow[]> {
  const where = month ? and(eq(staff.platformKey, platformKey), onRosterIn(month)) : eq(staff.platformKey, platformKey);
  return db.select().from(staff).where(where).orderBy(desc(staff.mainLeader), asc(staff.id));
}

/** The rosters of several platforms in one read, each in `staffOfPlatform`'s order. */
export async function staffOfPlatforms(db: Db | Tx, platformKeys: readonly PlatformKey[]): Promise<StaffRow[]> {
  if (platformKeys.length === 0) return [];
  return db
    .select()
    .from(staff)
    .where(inArray(staff.platformKey, [...platformKeys]))
    .orderBy(desc(staff.mainLeader), asc(staff.id));
}

export async function staffById(db: Db | Tx, id: number): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  return row;
}

export async function staffByIds(db: Db | Tx, ids: number[]): Promise<StaffRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(staff).where(inArray(staff.id, ids));
}

export async function insertStaff(tx: Tx, values: typeof staff.$inferInsert): Promise<StaffRow> {
  return firstRow(await tx.insert(staff).values(values).returning(), 'insert staff');
}

export async function updateStaffAt(
  tx: Tx,
  id: number,
  version: number,
  values: Partial<typeof staff.$inferInsert>,
): Promise<StaffRow | undefined> {
  const [row] = await tx
    .update(staff)
    .set({ ...values, version: sql`${staff.version} + 1` })
    .where(and(eq(staff.id, id), eq(staff.version, version)))
    .returning();
  return row;
}

// ── time declarations ───────────────────────────────────────────────────────────────────────────────────────────
export async function declarationsOf(db: Db | Tx, staffIds: number[], months: string[]) {
  if (staffIds.length === 0 || months.length === 0) return [];
  return db
    .select()
    .from(timeDeclarations)
    .where(and(inArray(timeDeclarations.staffId, staffIds), inArray(timeDeclarations.month, months)));
}

export async function declarationOf(db: Db | Tx, staffId: number, month: string) {
  const [row] = await db
    .select()
    .from(timeDeclarations)
    .where(and(eq(timeDeclarations.staffId, staffId), eq(timeDeclarations.month, month)));
  return row;
}

/** First declaration: insert, or nothing when someone declared first (the caller answers 409). */
export async function insertDeclaration(tx: Tx, values: typeof timeDeclarations.$inferInsert) {
  return tx.insert(timeDeclarations).values(values).onConflictDoNothing().returning();
}

export async function updateDeclarationAt(
  tx: Tx,
  key: { staffId: number; month: string; version: number },
  values: { investmentDays: string; updatedAt: Date; updatedBy: string },
) {
  return tx
    .update(timeDeclarations)
    .set({ ...values, version: sql`${timeDeclarations.version} + 1` })
    .where(
      and(
        eq(timeDeclarations.staffId, key.staffId),
        eq(timeDeclarations.month, key.month),
        eq(timeDeclarations.version, key.version),
      ),
    )
    .returning();
}

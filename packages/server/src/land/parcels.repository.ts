import { asc, eq, gt, inArray } from 'drizzle-orm';
import { parcelDeadlines as deriveDeadlines, type ClockFacts, type LandSettings } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { parcelDeadlines, parcelDelays, parcels } from './land.table.ts';

export type ParcelRow = typeof parcels.$inferSelect;
export type DelayRow = typeof parcelDelays.$inferSelect;

export async function findParcel(db: Db | Tx, id: number): Promise<ParcelRow | undefined> {
  const [row] = await db.select().from(parcels).where(eq(parcels.id, id));
  return row;
}

/** The delays of the given parcels, by parcel id (one query for a page). */
export async function delaysOf(db: Db | Tx, ids: number[]): Promise<Map<number, DelayRow[]>> {
  const out = new Map<number, DelayRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(parcelDelays)
    .where(inArray(parcelDelays.parcelId, ids))
    .orderBy(asc(parcelDelays.id));
  for (const row of rows) out.set(row.parcelId, [...(out.get(row.parcelId) ?? []), row]);
  return out;
}

/** The row's dated facts in the domain's shape (vacated or recovered ends the supplied life). */
export function factsOf(row: ParcelRow, delays: DelayRow[]): ClockFacts {
  const ended = [row.vacatedOn, row.recoveredOn].filter((d): d is string => d !== null).sort()[0] ?? null;
  return {
    area: row.areaMu,
    suppliedOn: row.contractDate,
    agreedStartOn: row.agreedStartOn,
    agreedCompletionOn: row.agreedCompletionOn,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    endedOn: ended,
    landPrice: row.landPrice,
    totalInvestment: row.totalInvestment,
    developedArea: row.developedArea,
    investedAmount: row.investedAmount,
    suspendedSince: row.suspendedSince,
    delays: delays.map((d) => ({ fromOn: d.fromOn, toOn: d.toOn })),
  };
}

/** Derives the parcel's threshold days again (after any change of it or of the settings), in the caller's transaction. */
export async function refreshDeadlines(tx: Tx, row: ParcelRow, delays: DelayRow[], settings: LandSettings) {
  await tx.delete(parcelDeadlines).where(eq(parcelDeadlines.parcelId, row.id));
  const due = deriveDeadlines(row.state, factsOf(row, delays), row.deadline, settings);
  if (due.length === 0) return;
  await tx.insert(parcelDeadlines).values(
    due.map((d) => ({
      parcelId: row.id,
      kind: d.kind,
      dueOn: d.dueOn,
      platformKey: row.platformKey,
      responsiblePerson: row.responsiblePerson,
    })),
  );
}

/** Every parcel's threshold days again, 1 000 at a time (a settings change moves them all). */
export async function refreshAllDeadlines(tx: Tx, settings: LandSettings) {
  let after = 0;
  for (;;) {
    const batch = await tx.select().from(parcels).where(gt(parcels.id, after)).orderBy(asc(parcels.id)).limit(1000);
    if (batch.length === 0) return;
    const delays = await delaysOf(
      tx,
      batch.map((r) => r.id),
    );
    for (const row of batch) await refreshDeadlines(tx, row, delays.get(row.id) ?? [], settings);
    after = batch.at(-1)!.id;
  }
}

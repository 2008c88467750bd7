import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { isPlatformKey } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { targetQuarters, targets, targetTrips } from './targets.table.ts';

/** SQL of the trip links of the target library (the trips module reaches them through target-trips.service.ts). */

/** The link rows of one trip, by target id. */
export async function tripLinks(db: Db | Tx, tripId: number) {
  return db.select().from(targetTrips).where(eq(targetTrips.tripId, tripId)).orderBy(asc(targetTrips.targetId));
}

export async function replaceTripLinks(
  tx: Tx,
  tripId: number,
  rows: Array<typeof targetTrips.$inferInsert>,
): Promise<void> {
  await tx.delete(targetTrips).where(eq(targetTrips.tripId, tripId));
  if (rows.length > 0) await tx.insert(targetTrips).values(rows);
}

/** The targets linked to some trips, with the name and quarter a trip's page shows. */
export async function targetsOfTripIds(db: Db | Tx, tripIds: number[]) {
  if (tripIds.length === 0) return [];
  return db
    .select({ tripId: targetTrips.tripId, id: targets.id, name: targets.name, quarter: targets.quarter })
    .from(targetTrips)
    .innerJoin(targets, eq(targets.id, targetTrips.targetId))
    .where(inArray(targetTrips.tripId, tripIds))
    .orderBy(asc(targetTrips.tripId), asc(targets.id));
}

/** The trips that met any quarter's row of one enterprise (its lineage), newest first. */
export async function tripsOfLineage(db: Db | Tx, lineageId: number) {
  return db
    .select({
      tripId: targetTrips.tripId,
      targetId: targetTrips.targetId,
      startOn: targetTrips.startOn,
      endOn: targetTrips.endOn,
      province: targetTrips.province,
      city: targetTrips.city,
    })
    .from(targetTrips)
    .innerJoin(targets, eq(targets.id, targetTrips.targetId))
    .where(eq(targets.lineageId, lineageId))
    .orderBy(desc(targetTrips.startOn), desc(targetTrips.tripId));
}

export async function isQuarterClosed(db: Db | Tx, platformKey: string, quarter: string): Promise<boolean> {
  // A key that names no platform has no quarter either (the trips module hands its key in as text).
  if (!isPlatformKey(platformKey)) return false;
  const [row] = await db
    .select({ closedAt: targetQuarters.closedAt })
    .from(targetQuarters)
    .where(and(eq(targetQuarters.platformKey, platformKey), eq(targetQuarters.quarter, quarter)));
  return Boolean(row?.closedAt);
}

import { eq } from 'drizzle-orm';
import { quarterOfDay, shanghaiDay, type CreateTargetInput, type PlatformKey } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { targetEvents, targets } from './targets.table.ts';
import { findTargetRow, lockQuarter } from './targets.repository.ts';
import {
  isQuarterClosed,
  replaceTripLinks,
  targetsOfTripIds,
  tripLinks,
  tripsOfLineage,
} from './target-trips.repository.ts';
import { createTargetRow } from './target-writes.service.ts';

/**
 * Outbound trips (R2.8) ↔ the target library (R2.7), for the trips module: it checks the targets a trip names, links
 * them (the target page then lists its trips) and turns an enterprise met on a trip into a target. The trips module
 * never touches these tables; this module never reads the trips tables (the trip's days and place are handed in).
 */

/** What the targets module keeps of a trip: its id, platform, days and destination. */
export type TripForTargets = {
  id: number;
  platformKey: PlatformKey;
  startOn: string;
  endOn: string;
  province: string;
  city: string;
};

/**
 * Every target a trip names must exist and be the trip's platform's (D10: another platform's target is as unknown
 * as a missing one): 422 `UNKNOWN_TARGET` naming where it was named, before anything is written.
 */
export async function assertTripTargets(
  db: Db | Tx,
  platformKey: string,
  refs: ReadonlyArray<{ targetId: number; label: string }>,
): Promise<void> {
  for (const { targetId, label } of refs) {
    const row = await findTargetRow(db, targetId);
    if (!row || row.platformKey !== platformKey)
      throw unprocessable('UNKNOWN_TARGET', `${label}：目标企业编号 ${targetId} 不存在或不是本平台目标企业库中的企业`, [
        { field: 'targetIds', targetId },
      ]);
  }
}

/**
 * Sets the targets of a trip to `targetIds` (in the caller's transaction): the links are replaced, each target newly
 * linked or unlinked gets a history event, and a target still at 线索 moves to 接触 (it has been met; the contact
 * day is the trip's start) when its quarter is open. One audit row when anything changed.
 */
export async function linkTripTargets(
  tx: Tx,
  actor: Actor,
  trip: TripForTargets,
  targetIds: readonly number[],
  now: Date,
): Promise<void> {
  const wanted = [...new Set(targetIds)].sort((a, b) => a - b);
  const links = await tripLinks(tx, trip.id);
  const before = links.map((link) => link.targetId);
  const added = wanted.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !wanted.includes(id));
  // An edit that moved the trip's days or place rewrites the kept links too (the target page shows them).
  const samePlace = links.every(
    (link) =>
      link.startOn === trip.startOn &&
      link.endOn === trip.endOn &&
      link.province === trip.province &&
      link.city === trip.city,
  );
  if (added.length === 0 && removed.length === 0 && samePlace) return;
  await replaceTripLinks(
    tx,
    trip.id,
    wanted.map((targetId) => ({
      targetId,
      tripId: trip.id,
      startOn: trip.startOn,
      endOn: trip.endOn,
      province: trip.province,
      city: trip.city,
      linkedAt: now,
    })),
  );
  for (const targetId of [...added, ...removed]) {
    const row = await findTargetRow(tx, targetId);
    if (!row) continue;
    const linking = added.includes(targetId);
    const meets = linking && row.status === 'lead' && !(await isQuarterClosed(tx, row.platformKey, row.quarter));
    if (meets) {
      await lockQuarter(tx, row.platformKey, row.quarter);
      await tx
        .update(targets)
        .set({
          status: 'contact',
          contactedOn: row.contactedOn ?? trip.startOn,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(targets.id, targetId));
    }
    await tx.insert(targetEvents).values({
      targetId,
      lineageId: row.lineageId,
      quarter: row.quarter,
      kind: linking ? 'trip' : 'trip_unlinked',
      fromStatus: row.status,
      toStatus: meets ? 'contact' : row.status,
      reason: null,
      details: { tripId: trip.id, startOn: trip.startOn, endOn: trip.endOn, city: trip.city },
      at: now,
      actorName: actor.username,
    });
  }
  await recordAudit(
    tx,
    actor,
    {
      action: 'targets.link_trips',
      entityType: 'trip',
      entityId: trip.id,
      before: { targetIds: before },
      after: { targetIds: wanted, startOn: trip.startOn, endOn: trip.endOn, city: trip.city },
    },
    now,
  );
}

/** The targets linked to some trips (their views show name and quarter). */
export async function targetsOfTrips(db: Db | Tx, tripIds: number[]) {
  return targetsOfTripIds(db, tripIds);
}

/** The trips that met one enterprise over its quarters (the target page). */
export async function tripsOfTarget(db: Db | Tx, lineageId: number) {
  return tripsOfLineage(db, lineageId);
}

/**
 * An enterprise met on a trip becomes a target (status 接触) in the quarter of the trip's start day — or in today's
 * quarter when that one is closed (a closed library takes nothing new). Same checks as `POST /targets`; the caller's
 * transaction holds it with the trip's own change.
 */
export async function createTargetFromTrip(
  tx: Tx,
  actor: Actor,
  trip: TripForTargets,
  input: Omit<CreateTargetInput, 'platformKey' | 'quarter' | 'status' | 'statusReason'>,
  now: Date,
): Promise<number> {
  const tripQuarter = quarterOfDay(trip.startOn);
  const quarter = (await isQuarterClosed(tx, trip.platformKey, tripQuarter))
    ? quarterOfDay(shanghaiDay(now))
    : tripQuarter;
  return createTargetRow(
    tx,
    actor,
    { ...input, platformKey: trip.platformKey, quarter, status: 'contact', statusReason: undefined },
    now,
  );
}

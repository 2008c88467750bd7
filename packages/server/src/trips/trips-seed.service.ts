import { isLateReport, reportDueOn, shanghaiDay, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { forbidden } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertTrip } from './trips.repository.ts';
import { insertStaff } from './staff.repository.ts';
import { timeDeclarations } from './trips.table.ts';
import { staffView } from './staff.service.ts';
import { currentTripSettings } from './trip-settings.service.ts';

/**
 * Bulk loading for the demo data set (and a future Excel import of past trips): a platform's roster, or a batch of
 * past trips and declarations, in ONE transaction with one audit row, instead of one transaction per row — the
 * demo's ~550 writes took 40 s on PGlite on a busy machine, which slowed every start in demo mode. Only the system
 * may call it (start-up seeding); lateness is the domain's, by each trip's own report day.
 */

function systemOnly(actor: Actor) {
  if (actor.role !== 'system') throw forbidden('只有系统启动时可以批量载入');
}

export type SeedPerson = {
  name: string;
  position: string;
  mainLeader: boolean;
  takesPartInInvestment: boolean;
  fromMonth: string;
};

export type SeedTrip = {
  travellerIds: number[];
  startOn: string;
  endOn: string;
  province: string;
  city: string;
  met: string[];
  outcome: string;
  projectIds: number[];
  reportedAt: Date;
};

export async function seedRoster(db: Db, actor: Actor, platformKey: PlatformKey, people: SeedPerson[], now: Date) {
  systemOnly(actor);
  return db.transaction(async (tx) => {
    const rows = [];
    for (const person of people)
      rows.push(
        staffView(await insertStaff(tx, { platformKey, ...person, updatedAt: now, updatedBy: actor.username })),
      );
    await recordAudit(
      tx,
      actor,
      // No single record: the platform goes in `after` (the trail shows ids, and a platform key is not one).
      { action: 'trips.seed', entityType: 'staff', entityId: null, after: { platformKey, people: rows.length } },
      now,
    );
    return rows;
  });
}

export async function seedTrips(
  db: Db,
  actor: Actor,
  batch: {
    platformKey: PlatformKey;
    trips: SeedTrip[];
    declarations: Array<{ staffId: number; month: string; investmentDays: string; at: Date }>;
  },
  now: Date,
) {
  systemOnly(actor);
  const { reportWithinDays } = await currentTripSettings(db);
  await db.transaction(async (tx) => {
    for (const trip of batch.trips) {
      const reportedOn = shanghaiDay(trip.reportedAt);
      await insertTrip(
        tx,
        {
          platformKey: batch.platformKey,
          startOn: trip.startOn,
          endOn: trip.endOn,
          province: trip.province,
          city: trip.city,
          outcome: trip.outcome,
          reportedAt: trip.reportedAt,
          reportedOn,
          dueOn: reportDueOn(trip.endOn, reportWithinDays),
          late: isLateReport(trip.endOn, reportedOn, reportWithinDays),
          reportedBy: actor.username,
        },
        {
          travellerIds: trip.travellerIds,
          contacts: trip.met.map((name) => ({ name, creditCode: null, targetId: null })),
          projectIds: trip.projectIds,
        },
      );
    }
    if (batch.declarations.length > 0)
      await tx.insert(timeDeclarations).values(
        batch.declarations.map((d) => ({
          staffId: d.staffId,
          month: d.month,
          investmentDays: d.investmentDays,
          updatedAt: d.at,
          updatedBy: actor.username,
        })),
      );
    await recordAudit(
      tx,
      actor,
      {
        action: 'trips.seed',
        entityType: 'trip',
        entityId: null,
        after: { platformKey: batch.platformKey, trips: batch.trips.length, declarations: batch.declarations.length },
      },
      now,
    );
  });
  return batch.trips.length;
}

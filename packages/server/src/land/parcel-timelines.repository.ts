import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import { parcelEvents, parcels } from './land.table.ts';

/** SQL only (STYLE.md): the dated moves of a platform's parcels effective on or before a day, in recorded order. */
export async function movesUpTo(db: Db, platformKey: string, upTo: string) {
  return db
    .select({
      parcelId: parcels.id,
      code: parcels.code,
      areaMu: parcels.areaMu,
      kind: parcelEvents.kind,
      toState: parcelEvents.toState,
      on: parcelEvents.effectiveDate,
    })
    .from(parcelEvents)
    .innerJoin(parcels, eq(parcels.id, parcelEvents.parcelId))
    .where(and(eq(parcels.platformKey, platformKey), lte(parcelEvents.effectiveDate, upTo)))
    .orderBy(asc(parcels.code), asc(parcelEvents.id));
}

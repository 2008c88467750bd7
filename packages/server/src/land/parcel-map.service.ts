import { and, asc, eq, lte } from 'drizzle-orm';
import { addDays, parcelClockStatus, shanghaiDay, type ClockStatus, type ParcelState } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { parcelDeadlines, parcels } from './land.table.ts';
import { delaysOf, factsOf } from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';

/** One parcel as a point on a map: what a tooltip says about it, nothing else of the ledger. */
export type ParcelMapPoint = {
  id: number;
  code: string;
  platformKey: string;
  lng: number;
  lat: number;
  /** 亩, exact decimal string (D1). */
  area: string;
  state: ParcelState;
  /** The idle-land clock as of today, computed from the dated facts (never a stored flag). */
  idle: ClockStatus;
  /** A threshold of the clock already passed ("past") or passing within the due-list window ("upcoming"). */
  due: 'past' | 'upcoming' | null;
};

export type ParcelMapAnswer = {
  asOf: string;
  withinDays: number;
  points: ParcelMapPoint[];
  /** Parcels of the ledger without a point, per platform: the map says how many it cannot draw. */
  unlocated: Array<{ platformKey: string; count: number }>;
};

/**
 * The parcels for a map (issue #13's Wenzhou map): every parcel the actor may see (a platform user its own platform
 * only, D10; the city roles all), each with its point, area, state, idle status as of today and due flag. Parcels
 * without a point are counted per platform rather than dropped silently.
 */
export async function parcelMapPoints(db: Db, actor: Actor, now: Date): Promise<ParcelMapAnswer> {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  const asOf = shanghaiDay(now);
  const settings = await currentLandSettings(db);
  const until = addDays(asOf, settings.dueWithinDays);
  const [rows, due] = await Promise.all([
    db
      .select()
      .from(parcels)
      .where(scope ? eq(parcels.platformKey, scope) : undefined)
      .orderBy(asc(parcels.code)),
    db
      .select({ parcelId: parcelDeadlines.parcelId, dueOn: parcelDeadlines.dueOn })
      .from(parcelDeadlines)
      .where(and(lte(parcelDeadlines.dueOn, until), scope ? eq(parcelDeadlines.platformKey, scope) : undefined)),
  ]);
  const dueOf = new Map<number, 'past' | 'upcoming'>();
  for (const row of due) {
    const kind = row.dueOn <= asOf ? 'past' : 'upcoming';
    if (dueOf.get(row.parcelId) !== 'past') dueOf.set(row.parcelId, kind);
  }
  const located = rows.filter((row) => row.lng !== null && row.lat !== null);
  const delays = await delaysOf(
    db,
    located.map((row) => row.id),
  );
  const values = settingsValues(settings);
  const unlocated = new Map<string, number>();
  for (const row of rows)
    if (row.lng === null || row.lat === null) unlocated.set(row.platformKey, (unlocated.get(row.platformKey) ?? 0) + 1);
  return {
    asOf,
    withinDays: settings.dueWithinDays,
    points: located.map((row) => ({
      id: row.id,
      code: row.code,
      platformKey: row.platformKey,
      lng: Number(row.lng),
      lat: Number(row.lat),
      area: row.areaMu,
      state: row.state,
      idle: parcelClockStatus(factsOf(row, delays.get(row.id) ?? []), asOf, values),
      due: dueOf.get(row.id) ?? null,
    })),
    unlocated: [...unlocated].map(([platformKey, count]) => ({ platformKey, count })),
  };
}

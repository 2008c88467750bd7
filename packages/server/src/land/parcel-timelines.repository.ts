import { and, asc, eq, lte, sql, type SQL } from 'drizzle-orm';
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

/**
 * The same moves as `movesUpTo`, as an SQL subquery with the columns (parcel_id, code, kind, to_state, on, seq) —
 * `seq` the recorded order — for a statement that counts them where they are instead of loading them.
 */
export function movesUpToQuery(platformKey: string, upTo: string): SQL {
  return sql`SELECT ${parcelEvents.parcelId} AS parcel_id, ${parcels.code} AS code, ${parcelEvents.kind} AS kind,
      ${parcelEvents.toState} AS to_state, ${parcelEvents.effectiveDate} AS "on", ${parcelEvents.id} AS seq
    FROM ${parcelEvents} JOIN ${parcels} ON ${parcels.id} = ${parcelEvents.parcelId}
    WHERE ${parcels.platformKey} = ${platformKey} AND ${parcelEvents.effectiveDate} <= ${upTo}::date`;
}

/**
 * SQL only: parcels per platform and state with their area as they stood at the end of `day` — the state after the
 * last move effective on or before the day, in recorded order (as the domain's `parcelStateOn`). Only parcels with a
 * move dated after the day are replayed; the others are in their current state. A parcel approved after the day is
 * not counted. The area is today's (an edited area keeps no history).
 */
export async function statesOn(db: Db, platformKey: string | null, day: string) {
  const result = await db.execute(sql`
    WITH later AS (
      SELECT DISTINCT ${parcelEvents.parcelId} AS id FROM ${parcelEvents} WHERE ${parcelEvents.effectiveDate} > ${day}
    ),
    replayed AS (
      SELECT DISTINCT ON (${parcelEvents.parcelId}) ${parcelEvents.parcelId} AS id, ${parcelEvents.toState} AS state
      FROM ${parcelEvents}
      WHERE ${parcelEvents.parcelId} IN (SELECT id FROM later) AND ${parcelEvents.effectiveDate} <= ${day}
        AND ${parcelEvents.toState} IS NOT NULL
      ORDER BY ${parcelEvents.parcelId}, ${parcelEvents.id} DESC
    )
    SELECT ${parcels.platformKey} AS "platformKey", coalesce(r.state, ${parcels.state}) AS state, count(*)::int AS count,
           coalesce(sum(${parcels.areaMu}), 0)::text AS area
    FROM ${parcels} LEFT JOIN replayed r ON r.id = ${parcels.id}
    WHERE ${parcels.approvedOn} <= ${day} AND (r.id IS NOT NULL OR ${parcels.id} NOT IN (SELECT id FROM later))
      ${platformKey ? sql`AND ${parcels.platformKey} = ${platformKey}` : sql``}
    GROUP BY 1, 2`);
  return (result as { rows: { platformKey: string; state: string; count: number; area: string }[] }).rows;
}

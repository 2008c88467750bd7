import { sql, type SQL } from 'drizzle-orm';
import type { ParcelHistory } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { movesUpTo, movesUpToQuery } from './parcel-timelines.repository.ts';

export type ParcelTimeline = ParcelHistory & { areaMu: string };

/**
 * For the yearly assessment (R4.2 土地清理与利用): every parcel of a platform with its dated moves (approval, supply,
 * start, vacate, reuse, recovery …) effective on or before `upTo`, so the state on any earlier day can be replayed
 * (`parcelStateOn`). Read from the timeline rather than the row: a recovered parcel supplied again keeps its earlier
 * life only there. A platform user reads only its own platform (another answers nothing, D10).
 */
export async function parcelTimelines(
  db: Db,
  actor: Actor,
  platformKey: string,
  upTo: string,
): Promise<ParcelTimeline[]> {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  if (scope !== null && scope !== platformKey) return [];
  const byParcel = new Map<number, ParcelTimeline>();
  for (const row of await movesUpTo(db, platformKey, upTo)) {
    let timeline = byParcel.get(row.parcelId);
    if (!timeline) {
      timeline = { id: row.parcelId, code: row.code, areaMu: row.areaMu, moves: [] };
      byParcel.set(row.parcelId, timeline);
    }
    (timeline.moves as ParcelHistory['moves'][number][]).push({ kind: row.kind, toState: row.toState, on: row.on });
  }
  return [...byParcel.values()];
}

/**
 * The same timelines as `parcelTimelines`, as an SQL subquery of moves — (parcel_id, code, kind, to_state, on, seq),
 * `seq` the recorded order — that the yearly assessment counts in one statement (issue #15: 100 000 parcels are not
 * loaded into Node). The land module keeps its tables to itself: the assessment never names them. A platform user
 * reads only its own platform (another gets no moves, D10).
 */
export function parcelMovesQuery(actor: Actor, platformKey: string, upTo: string): SQL {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  const query = movesUpToQuery(platformKey, upTo);
  return scope !== null && scope !== platformKey ? sql`SELECT * FROM (${query}) AS m WHERE false` : query;
}

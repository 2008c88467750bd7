import { and, asc, count, eq, gt, lte, type SQL } from 'drizzle-orm';
import { addDays, dueDaysLeft, shanghaiDay, type DueKind, type ParcelState, type dueFilterSchema } from '@pgs/domain';
import type { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { parcelDeadlines, parcels } from './land.table.ts';
import { currentLandSettings } from './land-settings.service.ts';

type DueFilter = z.infer<typeof dueFilterSchema>;

/**
 * 到期提醒: thresholds passed on or before `asOf` ("past") or passing within the next N days ("upcoming"), from the
 * threshold days the domain derived from each parcel's facts; a platform user sees only its own platform (D10).
 */
async function dueCondition(db: Db, actor: Actor, filter: DueFilter, now: Date) {
  const asOf = filter.asOf ?? shanghaiDay(now);
  const withinDays = filter.withinDays ?? (await currentLandSettings(db)).dueWithinDays;
  const until = addDays(asOf, withinDays);
  const where: SQL[] = [];
  const scope = platformScope(actor);
  if (scope) where.push(eq(parcelDeadlines.platformKey, scope));
  else if (filter.platformKey) where.push(eq(parcelDeadlines.platformKey, filter.platformKey));
  if (filter.mine) where.push(eq(parcelDeadlines.responsiblePerson, actor.displayName));
  if (filter.which === 'past') where.push(lte(parcelDeadlines.dueOn, asOf));
  else if (filter.which === 'upcoming')
    where.push(and(gt(parcelDeadlines.dueOn, asOf), lte(parcelDeadlines.dueOn, until))!);
  else where.push(lte(parcelDeadlines.dueOn, until));
  return { condition: and(...where), asOf, withinDays };
}

const dueColumns = {
  parcelId: parcelDeadlines.parcelId,
  kind: parcelDeadlines.kind,
  dueOn: parcelDeadlines.dueOn,
  platformKey: parcelDeadlines.platformKey,
  responsiblePerson: parcelDeadlines.responsiblePerson,
  code: parcels.code,
  state: parcels.state,
};

/** Earliest first; a parcel's two thresholds on one day keep a fixed order. */
const dueOrder = [asc(parcelDeadlines.dueOn), asc(parcelDeadlines.parcelId), asc(parcelDeadlines.kind)];

type DueRow = {
  parcelId: number;
  kind: string;
  dueOn: string;
  platformKey: string;
  responsiblePerson: string;
  code: string;
  state: string;
};

const toItem = (asOf: string) => (row: DueRow) => ({
  ...row,
  kind: row.kind as DueKind,
  state: row.state as ParcelState,
  daysLeft: dueDaysLeft(asOf, row.dueOn),
});

/** `GET /parcels/due`: a page of the due list, earliest first. */
export async function listDue(db: Db, actor: Actor, query: DueFilter & { page: number; pageSize: number }, now: Date) {
  requirePermission(actor, 'parcels.read');
  const { condition, asOf, withinDays } = await dueCondition(db, actor, query, now);
  // The page is cut on the threshold days' index alone and only its rows meet their parcels: joining before the
  // LIMIT looked up a parcel for every row skipped by the OFFSET (page 20: 1 000 look-ups for 50 rows).
  const page = db
    .select({
      parcelId: parcelDeadlines.parcelId,
      kind: parcelDeadlines.kind,
      dueOn: parcelDeadlines.dueOn,
      platformKey: parcelDeadlines.platformKey,
      responsiblePerson: parcelDeadlines.responsiblePerson,
    })
    .from(parcelDeadlines)
    .where(condition)
    .orderBy(...dueOrder)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .as('page');
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...page._.selectedFields, code: parcels.code, state: parcels.state })
      .from(page)
      .innerJoin(parcels, eq(parcels.id, page.parcelId))
      .orderBy(asc(page.dueOn), asc(page.parcelId), asc(page.kind)),
    db.select({ value: count() }).from(parcelDeadlines).where(condition),
  ]);
  return {
    items: rows.map(toItem(asOf)),
    total: total!.value,
    page: query.page,
    pageSize: query.pageSize,
    asOf,
    withinDays,
  };
}

/** Every due item of the filter (the Excel export). */
export async function dueRows(db: Db, actor: Actor, filter: DueFilter, now: Date) {
  requirePermission(actor, 'parcels.read');
  const { condition, asOf } = await dueCondition(db, actor, filter, now);
  const rows = await db
    .select(dueColumns)
    .from(parcelDeadlines)
    .innerJoin(parcels, eq(parcels.id, parcelDeadlines.parcelId))
    .where(condition)
    .orderBy(...dueOrder);
  return rows.map(toItem(asOf));
}

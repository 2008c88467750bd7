import { and, asc, count, eq, gt, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { addDays, dueDaysLeft, shanghaiDay, type DueKind, type ParcelState, type dueFilterSchema } from '@pgs/domain';
import type { z } from 'zod';
import { pageLimit } from '../platform/page-limit.ts';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { perDatabase } from '../platform/change-signals.ts';
import { parcelDeadlines, parcels } from './land.table.ts';
import { currentLandSettings } from './land-settings.service.ts';

type DueFilter = z.infer<typeof dueFilterSchema>;

/** Which conditions a due filter has: one prepared statement per shape (issue #12: the list's per-request cost). */
type DueShape = { platform: boolean; mine: boolean; which: 'past' | 'upcoming' | 'all' };
type DueValues = { platformKey: string | null; person: string; asOf: string; until: string };

/**
 * 到期提醒: thresholds passed on or before `asOf` ("past") or passing within the next N days ("upcoming"), from the
 * threshold days the domain derived from each parcel's facts; a platform user sees only its own platform (D10).
 */
async function dueFilterOf(db: Db, actor: Actor, filter: DueFilter, now: Date) {
  const asOf = filter.asOf ?? shanghaiDay(now);
  const withinDays = filter.withinDays ?? (await currentLandSettings(db)).dueWithinDays;
  const platformKey = platformScope(actor) ?? filter.platformKey ?? null;
  const shape: DueShape = { platform: platformKey !== null, mine: filter.mine === true, which: filter.which };
  const values: DueValues = { platformKey, person: actor.displayName, asOf, until: addDays(asOf, withinDays) };
  return { shape, values, asOf, withinDays };
}

/** The condition of a shape, its values given by `value` (the values themselves, or placeholders to prepare). */
function dueCondition(shape: DueShape, value: (name: keyof DueValues) => string | Placeholder) {
  const where: SQL[] = [];
  if (shape.platform) where.push(eq(parcelDeadlines.platformKey, value('platformKey')));
  if (shape.mine) where.push(eq(parcelDeadlines.responsiblePerson, value('person')));
  if (shape.which === 'past') where.push(lte(parcelDeadlines.dueOn, value('asOf')));
  else if (shape.which === 'upcoming')
    where.push(and(gt(parcelDeadlines.dueOn, value('asOf')), lte(parcelDeadlines.dueOn, value('until')))!);
  else where.push(lte(parcelDeadlines.dueOn, value('until')));
  return and(...where);
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
  parcelId: row.parcelId,
  kind: row.kind as DueKind,
  dueOn: row.dueOn,
  platformKey: row.platformKey,
  responsiblePerson: row.responsiblePerson,
  code: row.code,
  state: row.state as ParcelState,
  daysLeft: dueDaysLeft(asOf, row.dueOn),
});

/**
 * The page and the count of one shape, prepared once per database handle: the statement is built by Drizzle once
 * and, on PostgreSQL, parsed and planned once per connection (named statements), not on every request. The count
 * travels with the page's rows (one round trip); only a page past the end, which has no row, asks for it alone.
 */
function preparedDue(db: Db, shape: DueShape, limit: ReturnType<typeof pageLimit>) {
  const condition = dueCondition(shape, (name) => sql.placeholder(name));
  const counted = db.select({ value: count() }).from(parcelDeadlines).where(condition);
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
    .limit(limit.limit)
    .offset(sql.placeholder('offset'))
    .as('page');
  const name = `pgs_due_${shape.platform ? 'p' : ''}${shape.mine ? 'm' : ''}_${shape.which}_${limit.key}`;
  return {
    page: db
      .select({
        ...page._.selectedFields,
        code: parcels.code,
        state: parcels.state,
        total: sql<number>`(${counted})`.mapWith(Number),
      })
      .from(page)
      .innerJoin(parcels, eq(parcels.id, page.parcelId))
      .orderBy(asc(page.dueOn), asc(page.parcelId), asc(page.kind))
      .prepare(`${name}_page`),
    count: counted.prepare(`${name}_count`),
  };
}

const preparedByShape = perDatabase(() => new Map<string, ReturnType<typeof preparedDue>>());

/** `GET /parcels/due`: a page of the due list, earliest first. */
export async function listDue(db: Db, actor: Actor, query: DueFilter & { page: number; pageSize: number }, now: Date) {
  requirePermission(actor, 'parcels.read');
  const { shape, values, asOf, withinDays } = await dueFilterOf(db, actor, query, now);
  const limit = pageLimit(query.pageSize);
  const key = `${shape.platform}|${shape.mine}|${shape.which}|${limit.key}`;
  const statements = preparedByShape(db);
  let prepared = statements.get(key);
  if (!prepared) statements.set(key, (prepared = preparedDue(db, shape, limit)));
  const rows = await prepared.page.execute({
    ...values,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const total = rows[0]?.total ?? (await prepared.count.execute(values))[0]!.value;
  return {
    items: rows.map(toItem(asOf)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    asOf,
    withinDays,
  };
}

/** Every due item of the filter (the Excel export). */
export async function dueRows(db: Db, actor: Actor, filter: DueFilter, now: Date) {
  requirePermission(actor, 'parcels.read');
  const { shape, values, asOf } = await dueFilterOf(db, actor, filter, now);
  const rows = await db
    .select(dueColumns)
    .from(parcelDeadlines)
    .innerJoin(parcels, eq(parcels.id, parcelDeadlines.parcelId))
    .where(dueCondition(shape, (name) => values[name] ?? ''))
    .orderBy(...dueOrder);
  return rows.map(toItem(asOf));
}

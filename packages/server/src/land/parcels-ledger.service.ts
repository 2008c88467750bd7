import { and, asc, count, eq, exists, ilike, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import {
  LAND_SUB_DATABASE_STATES,
  type ClockStatus,
  type ClockView,
  type ParcelDetail,
  type ParcelState,
  type ParcelView,
  type parcelFilterSchema,
  type parcelListQuerySchema,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { statesOn } from './parcel-timelines.repository.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { parcelDeadlines, parcels } from './land.table.ts';
import { delaysOf, findParcel } from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';
import { idleStatusRows } from './idle-status.repository.ts';
import { assertVisible, parcelDetail, today, clockOf, toParcelView } from './parcel-view.ts';

/** `GET /parcels/:id`: the parcel, its clock as of `asOf` (default today), its delays and its timeline. */
export async function getParcel(db: Db, actor: Actor, id: number, now: Date, asOf?: string): Promise<ParcelDetail> {
  requirePermission(actor, 'parcels.read');
  const row = await findParcel(db, id);
  assertVisible(actor, row);
  const [delays, settings] = await Promise.all([delaysOf(db, [id]), currentLandSettings(db)]);
  return parcelDetail(db, row, delays.get(id) ?? [], settingsValues(settings), asOf ?? today(now));
}

/** `GET /parcels/:id/clock?asOf=`: the idle-land clock as of any day (D22, D23), never a stored flag. */
export async function getParcelClock(db: Db, actor: Actor, id: number, now: Date, asOf?: string): Promise<ClockView> {
  requirePermission(actor, 'parcels.read');
  const row = await findParcel(db, id);
  assertVisible(actor, row);
  const [delays, settings] = await Promise.all([delaysOf(db, [id]), currentLandSettings(db)]);
  return clockOf(row, delays.get(id) ?? [], asOf ?? today(now), settingsValues(settings));
}

export type ParcelFilter = z.infer<typeof parcelFilterSchema>;

/** The ledger's filters as SQL; a platform user is held to its own platform whatever it asks for (D10). */
export function ledgerCondition(actor: Actor, filter: ParcelFilter, asOf: string): SQL | undefined {
  const where: SQL[] = [];
  const scope = platformScope(actor);
  if (scope) where.push(eq(parcels.platformKey, scope));
  else if (filter.platformKey) where.push(eq(parcels.platformKey, filter.platformKey));
  if (filter.subDatabase) where.push(inArray(parcels.state, [...LAND_SUB_DATABASE_STATES[filter.subDatabase]]));
  if (filter.state) where.push(eq(parcels.state, filter.state));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(parcels.code, pattern), ilike(parcels.address, pattern), ilike(parcels.holderName, pattern))!);
  }
  if (filter.clockStatus) {
    // Through the threshold days derived from the parcels' facts as they stand; each row's clock is then computed.
    const passed = (kind: string) =>
      exists(
        sql`(SELECT 1 FROM ${parcelDeadlines} WHERE ${parcelDeadlines.parcelId} = ${parcels.id} AND ${parcelDeadlines.kind} = ${kind} AND ${parcelDeadlines.dueOn} <= ${asOf})`,
      );
    if (filter.clockStatus === 'recovery') where.push(passed('recovery'));
    else if (filter.clockStatus === 'idle') where.push(and(passed('idle'), not(passed('recovery')))!);
    else where.push(not(passed('idle')));
  }
  return where.length ? and(...where) : undefined;
}

/** `GET /parcels`: the ledger and the R3.1 land sub-databases, each row with its clock as of `asOf`. */
export async function listParcels(db: Db, actor: Actor, query: z.infer<typeof parcelListQuerySchema>, now: Date) {
  requirePermission(actor, 'parcels.read');
  const asOf = query.asOf ?? today(now);
  const condition = ledgerCondition(actor, query, asOf);
  const [rows, [total], settings] = await Promise.all([
    db
      .select()
      .from(parcels)
      .where(condition)
      .orderBy(asc(parcels.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(parcels).where(condition),
    currentLandSettings(db),
  ]);
  const delays = await delaysOf(
    db,
    rows.map((r) => r.id),
  );
  const values = settingsValues(settings);
  return {
    items: rows.map((row) => toParcelView(row, delays.get(row.id) ?? [], asOf, values)),
    total: total!.value,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every ledger row the filter selects, by code, 1 000 at a time (exports). */
export async function* parcelRows(db: Db, actor: Actor, filter: ParcelFilter, now: Date) {
  requirePermission(actor, 'parcels.read');
  const asOf = filter.asOf ?? today(now);
  const condition = ledgerCondition(actor, filter, asOf);
  const values = settingsValues(await currentLandSettings(db));
  for (let offset = 0; ; offset += 1000) {
    const batch = await db
      .select()
      .from(parcels)
      .where(condition)
      .orderBy(asc(parcels.code))
      .limit(1000)
      .offset(offset);
    const delays = await delaysOf(
      db,
      batch.map((r) => r.id),
    );
    for (const row of batch) yield toParcelView(row, delays.get(row.id) ?? [], asOf, values);
    if (batch.length < 1000) return;
  }
}

/**
 * The idle status of every parcel the actor sees, as of a day (the bench compares it with the same question asked as
 * one SQL statement). The database decides it in one statement, evaluating the domain's clock terms
 * (idle-status.repository.ts, tested row by row against parcelClockStatus), and sends the whole ledger as ONE text
 * ("id" for a normal parcel, "id" + 'i' or 'r' for a flagged one): the driver parsing 100 000 rows cost more than the
 * statement itself (s11-landbench, s13-landsql).
 */
export async function idleStatuses(db: Db, actor: Actor, asOf: string) {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  const values = settingsValues(await currentLandSettings(db));
  const rows = idleStatusRows(asOf, values, scope ? eq(parcels.platformKey, scope) : undefined);
  const result = await db.execute(sql`
    SELECT string_agg(CASE s.status WHEN 'n' THEN s.id::text ELSE s.id::text || s.status END, ',') AS "statuses"
    FROM (${rows}) AS s`);
  const [row] = (result as { rows: Array<{ statuses: string | null }> }).rows;
  const tokens = row?.statuses?.split(',') ?? [];
  const out = new Array<{ id: number; status: ClockStatus }>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const last = token.charCodeAt(token.length - 1);
    // '0'–'9' end a normal parcel's id; 'i' and 'r' mark the flagged ones.
    if (last <= 57) out[i] = { id: Number(token), status: 'normal' };
    else out[i] = { id: Number(token.slice(0, -1)), status: last === 114 ? 'recovery' : 'idle' };
  }
  return out;
}

/** For other modules (the renewal cases): the parcels of a platform in the given states, by code, unscoped reads excluded. */
export async function parcelsByPlatformAndState(
  db: Db,
  actor: Actor,
  platformKey: string,
  states: readonly ParcelState[],
  now: Date,
): Promise<ParcelView[]> {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  if (scope && scope !== platformKey) return [];
  const rows = await db
    .select()
    .from(parcels)
    .where(and(eq(parcels.platformKey, platformKey), inArray(parcels.state, [...states])))
    .orderBy(asc(parcels.code));
  const delays = await delaysOf(
    db,
    rows.map((r) => r.id),
  );
  const values = settingsValues(await currentLandSettings(db));
  return rows.map((row) => toParcelView(row, delays.get(row.id) ?? [], today(now), values));
}

/**
 * For the cockpit (issue #14): per platform, parcels and area (亩, exact text) in each state today — or at the end of
 * `statesOnDay`, replayed from the parcels' dated moves (parcel-timelines.repository.ts) — and how many were supplied
 * (contract signed), started, reused and recovered from `from` through `through`. Which states make which
 * sub-database is the domain's (LAND_SUB_DATABASE_STATES). A platform user gets its own platform only.
 */
export async function parcelCleanupFigures(db: Db, actor: Actor, from: string, through: string, statesOnDay?: string) {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  const mine = scope ? eq(parcels.platformKey, scope) : undefined;
  const within = (column: typeof parcels.contractDate) =>
    sql<number>`count(*) filter (where ${column} between ${from} and ${through})::int`;
  const [states, handled] = await Promise.all([
    statesOnDay !== undefined
      ? statesOn(db, scope, statesOnDay)
      : db
          .select({
            platformKey: parcels.platformKey,
            state: parcels.state,
            count: count(),
            area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)::text`,
          })
          .from(parcels)
          .where(mine)
          .groupBy(parcels.platformKey, parcels.state),
    db
      .select({
        platformKey: parcels.platformKey,
        supplied: within(parcels.contractDate),
        started: within(parcels.startedOn),
        reused: within(parcels.reusedOn),
        recovered: within(parcels.recoveredOn),
      })
      .from(parcels)
      .where(mine)
      .groupBy(parcels.platformKey),
  ]);
  return { states: states.map((row) => ({ ...row, state: row.state as ParcelState })), handled };
}

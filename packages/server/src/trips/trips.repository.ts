import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { lastDayOfMonth, type PlatformKey } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { firstRow } from '../platform/rows.ts';
import {
  staff,
  tripAttachments,
  tripContacts,
  tripProjects,
  trips,
  tripSettings,
  tripTravellers,
} from './trips.table.ts';
export type TripRow = typeof trips.$inferSelect;

// ── trips ──────────────────────────────────────────────────────────────────────────────────────────────────────
export type TripFilter = {
  platformKey?: PlatformKey | undefined;
  month?: string | undefined;
  late?: boolean | undefined;
};

function tripCondition(filter: TripFilter): SQL | undefined {
  // A withdrawn trip (撤回) counts nowhere: not listed, not exported.
  const conditions: SQL[] = [sql`${trips.withdrawnAt} is null`];
  if (filter.platformKey) conditions.push(eq(trips.platformKey, filter.platformKey));
  if (filter.month) {
    conditions.push(gte(trips.startOn, `${filter.month}-01`));
    conditions.push(lte(trips.startOn, lastDayOfMonth(filter.month)));
  }
  if (filter.late !== undefined) conditions.push(eq(trips.late, filter.late));
  return and(...conditions);
}

export async function tripPage(db: Db, filter: TripFilter, limit: number, offset: number) {
  const where = tripCondition(filter);
  const [rows, [total]] = await Promise.all([
    db.select().from(trips).where(where).orderBy(desc(trips.startOn), desc(trips.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(trips).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function tripById(db: Db | Tx, id: number): Promise<TripRow | undefined> {
  const [row] = await db.select().from(trips).where(eq(trips.id, id));
  return row;
}

/** Trips of a platform started between two days (inclusive), with their travellers (the compliance's rows). */
/**
 * The trips (not withdrawn) of some platforms started from `from` through `to`, each with its platform and travellers.
 */
export async function tripsOfPlatformsStartedBetween(
  db: Db,
  platformKeys: readonly PlatformKey[],
  from: string,
  to: string,
) {
  if (platformKeys.length === 0) return [];
  const rows = await db
    .select({ id: trips.id, platformKey: trips.platformKey, startOn: trips.startOn, staffId: tripTravellers.staffId })
    .from(trips)
    .innerJoin(tripTravellers, eq(tripTravellers.tripId, trips.id))
    .where(
      and(
        inArray(trips.platformKey, [...platformKeys]),
        gte(trips.startOn, from),
        lte(trips.startOn, to),
        sql`${trips.withdrawnAt} is null`,
      ),
    );
  const byTrip = new Map<number, { id: number; platformKey: PlatformKey; startOn: string; travellerIds: number[] }>();
  for (const row of rows) {
    const trip = byTrip.get(row.id) ?? {
      id: row.id,
      platformKey: row.platformKey,
      startOn: row.startOn,
      travellerIds: [],
    };
    trip.travellerIds.push(row.staffId);
    byTrip.set(row.id, trip);
  }
  return [...byTrip.values()];
}

/** Travellers, contacts, projects and attachments (without content) of some trips, for their views. */
export async function tripDetails(db: Db | Tx, tripIds: number[]) {
  if (tripIds.length === 0) return { travellers: [], contacts: [], projects: [], attachments: [] };
  const [travellers, contacts, projects, attachments] = await Promise.all([
    db
      .select({
        tripId: tripTravellers.tripId,
        id: staff.id,
        name: staff.name,
        mainLeader: staff.mainLeader,
      })
      .from(tripTravellers)
      .innerJoin(staff, eq(staff.id, tripTravellers.staffId))
      .where(inArray(tripTravellers.tripId, tripIds))
      .orderBy(desc(staff.mainLeader), asc(staff.id)),
    db.select().from(tripContacts).where(inArray(tripContacts.tripId, tripIds)).orderBy(asc(tripContacts.seq)),
    db.select().from(tripProjects).where(inArray(tripProjects.tripId, tripIds)).orderBy(asc(tripProjects.projectId)),
    db
      .select({
        tripId: tripAttachments.tripId,
        id: tripAttachments.id,
        fileName: tripAttachments.fileName,
        kind: tripAttachments.kind,
        sizeBytes: tripAttachments.sizeBytes,
        uploadedAt: tripAttachments.uploadedAt,
      })
      .from(tripAttachments)
      .where(inArray(tripAttachments.tripId, tripIds))
      .orderBy(asc(tripAttachments.id)),
  ]);
  return { travellers, contacts, projects, attachments };
}

export type TripLinks = {
  travellerIds: number[];
  contacts: Array<{ name: string; creditCode: string | null; targetId: number | null }>;
  projectIds: number[];
};

export async function insertTrip(tx: Tx, values: typeof trips.$inferInsert, links: TripLinks): Promise<number> {
  const tripId = firstRow(await tx.insert(trips).values(values).returning({ id: trips.id }), 'insert trip').id;
  await insertLinks(tx, tripId, links);
  return tripId;
}

async function insertLinks(tx: Tx, tripId: number, links: TripLinks) {
  await tx.insert(tripTravellers).values(links.travellerIds.map((staffId) => ({ tripId, staffId })));
  if (links.contacts.length > 0)
    await tx.insert(tripContacts).values(links.contacts.map((contact, seq) => ({ tripId, seq, ...contact })));
  if (links.projectIds.length > 0)
    await tx.insert(tripProjects).values(links.projectIds.map((projectId) => ({ tripId, projectId })));
}

/** An edit: the trip's fields at the version seen (undefined when stale), its travellers, contacts, projects anew. */
export async function updateTripAt(
  tx: Tx,
  id: number,
  version: number,
  values: Partial<typeof trips.$inferInsert>,
  links: TripLinks,
): Promise<boolean> {
  const [row] = await tx
    .update(trips)
    .set({ ...values, version: sql`${trips.version} + 1` })
    .where(and(eq(trips.id, id), eq(trips.version, version), sql`${trips.withdrawnAt} is null`))
    .returning({ id: trips.id });
  if (!row) return false;
  await tx.delete(tripTravellers).where(eq(tripTravellers.tripId, id));
  await tx.delete(tripContacts).where(eq(tripContacts.tripId, id));
  await tx.delete(tripProjects).where(eq(tripProjects.tripId, id));
  await insertLinks(tx, id, links);
  return true;
}

/** Withdraws the trip at the version seen (false when stale or already withdrawn). */
export async function withdrawTripAt(
  tx: Tx,
  id: number,
  version: number,
  values: { withdrawnAt: Date; withdrawnBy: string; withdrawReason: string },
): Promise<boolean> {
  const rows = await tx
    .update(trips)
    .set({ ...values, version: sql`${trips.version} + 1` })
    .where(and(eq(trips.id, id), eq(trips.version, version), sql`${trips.withdrawnAt} is null`))
    .returning({ id: trips.id });
  return rows.length > 0;
}

/** One contact (会见企业) of a trip by its position. */
export async function contactOf(db: Db | Tx, tripId: number, seq: number) {
  const [row] = await db
    .select()
    .from(tripContacts)
    .where(and(eq(tripContacts.tripId, tripId), eq(tripContacts.seq, seq)));
  return row;
}

export async function setContactTarget(tx: Tx, tripId: number, seq: number, targetId: number) {
  await tx
    .update(tripContacts)
    .set({ targetId })
    .where(and(eq(tripContacts.tripId, tripId), eq(tripContacts.seq, seq)));
}

export async function insertAttachment(tx: Tx, values: typeof tripAttachments.$inferInsert) {
  const rows = await tx.insert(tripAttachments).values(values).returning({ id: tripAttachments.id });
  return firstRow(rows, 'insert trip attachment').id;
}

export async function attachmentOf(db: Db, tripId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(tripAttachments)
    .where(and(eq(tripAttachments.tripId, tripId), eq(tripAttachments.id, attachmentId)));
  return row;
}

/** Raises the trip's version at the version the user saw (an attachment changes the trip): undefined when stale. */
export async function bumpTripVersion(tx: Tx, id: number, version: number) {
  const [row] = await tx
    .update(trips)
    .set({ version: sql`${trips.version} + 1` })
    .where(and(eq(trips.id, id), eq(trips.version, version)))
    .returning({ id: trips.id });
  return row;
}

// ── setting ───────────────────────────────────────────────────────────────────────────────────────────────────
export async function settingsRow(db: Db | Tx) {
  const [row] = await db.select().from(tripSettings).where(eq(tripSettings.id, 1));
  return row;
}

export async function saveSettingsAt(
  tx: Tx,
  version: number,
  values: { reportWithinDays: number; updatedAt: Date; updatedBy: string },
) {
  // Version 1 is the default before the first save: the first save inserts (one of two first saves wins).
  if (version === 1)
    return tx
      .insert(tripSettings)
      .values({ id: 1, ...values, version: 2 })
      .onConflictDoNothing()
      .returning({ id: tripSettings.id });
  return tx
    .update(tripSettings)
    .set({ ...values, version: sql`${tripSettings.version} + 1` })
    .where(and(eq(tripSettings.id, 1), eq(tripSettings.version, version)))
    .returning({ id: tripSettings.id });
}

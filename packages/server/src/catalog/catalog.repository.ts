import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import type { PlatformKey } from '@pgs/domain';
import { catalogItems, catalogVersions } from './catalog.table.ts';

export type CatalogVersionRow = typeof catalogVersions.$inferSelect;
export type CatalogItemRow = typeof catalogItems.$inferSelect;

export async function versionsOfPlatform(db: Db, platformKey: PlatformKey) {
  const itemCount = db
    .select({ versionId: catalogItems.versionId, total: count().as('total') })
    .from(catalogItems)
    .groupBy(catalogItems.versionId)
    .as('item_count');
  const rows = await db
    .select({ version: catalogVersions, itemCount: itemCount.total })
    .from(catalogVersions)
    .leftJoin(itemCount, eq(itemCount.versionId, catalogVersions.id))
    .where(eq(catalogVersions.platformKey, platformKey))
    .orderBy(asc(catalogVersions.id));
  return rows.map((row) => ({ ...row.version, itemCount: row.itemCount }));
}

export async function findVersion(db: Db, id: number): Promise<CatalogVersionRow | undefined> {
  const [row] = await db.select().from(catalogVersions).where(eq(catalogVersions.id, id));
  return row;
}

export async function itemsOfVersion(db: Db, versionId: number): Promise<CatalogItemRow[]> {
  return db
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.versionId, versionId))
    .orderBy(asc(catalogItems.position), asc(catalogItems.id));
}

export async function findItem(db: Db, versionId: number, itemId: number): Promise<CatalogItemRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.versionId, versionId), eq(catalogItems.id, itemId)));
  return row;
}

export async function nextPosition(db: Db, versionId: number): Promise<number> {
  const [row] = await db
    .select({ last: max(catalogItems.position) })
    .from(catalogItems)
    .where(eq(catalogItems.versionId, versionId));
  return (row?.last ?? 0) + 1;
}

/**
 * Raises a draft's revision when the caller saw `expected` (or any, when null); returns false when the draft is
 * gone, published, or was changed meanwhile. Every edit of a draft goes through here, so two editors serialise.
 */
export async function bumpDraftRevision(
  db: Db,
  versionId: number,
  expected: number | null,
): Promise<CatalogVersionRow | undefined> {
  const conditions = [eq(catalogVersions.id, versionId), eq(catalogVersions.status, 'draft')];
  if (expected !== null) conditions.push(eq(catalogVersions.revision, expected));
  const [row] = await db
    .update(catalogVersions)
    .set({ revision: sql`${catalogVersions.revision} + 1` })
    .where(and(...conditions))
    .returning();
  return row;
}

export async function distinctItemCodes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ code: catalogItems.industryCode }).from(catalogItems);
  return rows.map((row) => row.code);
}

export async function publishedVersionsOfPlatform(db: Db, platformKey: PlatformKey) {
  return db
    .select()
    .from(catalogVersions)
    .where(and(eq(catalogVersions.platformKey, platformKey), eq(catalogVersions.status, 'published')));
}

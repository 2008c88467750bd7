import {
  can,
  classifyIndustry,
  industryLineage,
  isCalendarDay,
  isWellFormedIndustryCode,
  platformName,
  shanghaiDay,
  versionInForce,
  type CatalogItem,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { badRequest, notFound, unprocessable } from '../platform/errors.ts';
import { industriesByCode, listPlatforms } from '../reference/reference.service.ts';
import {
  distinctItemCodes,
  findVersion,
  itemsOfVersion,
  publishedVersionsOfPlatform,
  versionsOfPlatform,
  type CatalogItemRow,
  type CatalogVersionRow,
} from './catalog.repository.ts';
import { generationOf, perDatabase, ShortLivedCache } from '../platform/change-signals.ts';
import { catalogView, toDomainItem, toItemView, toSummary, versionPeople } from './catalog-views.ts';

/**
 * A published version's items never change (only drafts are edited, and only drafts can be deleted), so they are
 * cached by version id — per database, since tests open several in one process — with what classify needs worked out
 * once: the items in the domain's shape, grouped by industry code (issue #15: not mapped again on every request).
 */
type PublishedItems = {
  rows: CatalogItemRow[];
  rowById: Map<CatalogItem['id'], CatalogItemRow>;
  /** In row order within each code, so classify sees items of one code in the order it always did. */
  itemsByCode: Map<string, CatalogItem[]>;
};
const publishedItemsCache = new WeakMap<Db, Map<number, PublishedItems>>();

async function publishedItems(db: Db, versionId: number): Promise<PublishedItems> {
  let cache = publishedItemsCache.get(db);
  if (!cache) publishedItemsCache.set(db, (cache = new Map<number, PublishedItems>()));
  let found = cache.get(versionId);
  if (!found) cache.set(versionId, (found = indexItems(await itemsOfVersion(db, versionId))));
  return found;
}

function indexItems(rows: CatalogItemRow[]): PublishedItems {
  const itemsByCode = new Map<string, CatalogItem[]>();
  for (const row of rows) {
    const items = itemsByCode.get(row.industryCode) ?? [];
    items.push(toDomainItem(row));
    itemsByCode.set(row.industryCode, items);
  }
  return { rows, rowById: new Map<CatalogItem['id'], CatalogItemRow>(rows.map((row) => [row.id, row])), itemsByCode };
}

/**
 * Issue #15: the published versions of each platform, from memory. Only a publish adds one (published rows never
 * change otherwise); it moves the 'catalog' generation here at once and, by the trigger's NOTIFY on catalog_versions,
 * in every process on the same PostgreSQL. The short life bounds a lost notification.
 */
const PUBLISHED_CACHE_MS = 5_000;
const publishedVersionsCache = perDatabase<ShortLivedCache<string, CatalogVersionRow[]>>(
  () => new ShortLivedCache('catalog', PUBLISHED_CACHE_MS),
);

async function publishedVersions(db: Db, platformKey: PlatformKey, now: Date): Promise<CatalogVersionRow[]> {
  const cache = publishedVersionsCache(db);
  const cached = cache.get(platformKey, now);
  if (cached) return cached;
  const generation = generationOf('catalog');
  const rows = await publishedVersionsOfPlatform(db, platformKey);
  cache.set(platformKey, rows, generation, now);
  return rows;
}

/** The version in force for a platform on a Shanghai day (R1.1), or null before any is published. */
export async function inForceVersion(
  db: Db,
  platformKey: PlatformKey,
  day: string,
  now: Date = new Date(),
): Promise<CatalogVersionRow | null> {
  return versionInForce(await publishedVersions(db, platformKey, now), day);
}

const seesDraftsOf = (actor: Actor) => actor.role === 'system' || can(actor.role, 'catalog.edit');

/** Drafts are the drc's working papers: other roles do not see them exist. */
function assertVisible(actor: Actor, row: CatalogVersionRow | undefined): asserts row is CatalogVersionRow {
  const seesDrafts = seesDraftsOf(actor);
  if (!row || (row.status === 'draft' && !seesDrafts)) throw notFound('目录版本不存在');
}

export async function loadCatalog(db: Db, row: CatalogVersionRow, inForceId: number | null, today: string) {
  const items = await itemsOfVersion(db, row.id);
  const names = await industriesByCode(
    db,
    items.map((item) => item.industryCode),
  );
  const summary = toSummary({ ...row, itemCount: items.length }, inForceId, today, await versionPeople(db, [row]));
  return catalogView(
    summary,
    items.map((item) => toItemView(item, names)),
  );
}

export async function catalogOverview(db: Db, actor: Actor, now: Date) {
  requirePermission(actor, 'catalog.read');
  const today = shanghaiDay(now);
  const platforms = await listPlatforms(db);
  return Promise.all(
    platforms.map(async (platform) => {
      const versions = await versionsOfPlatform(db, platform.key);
      const inForce = versionInForce(versions, today);
      const overview = {
        platformKey: platform.key,
        platformName: platform.name,
        inForce: inForce ? toSummary(inForce, inForce.id, today, await versionPeople(db, [inForce])) : null,
      };
      // Issue #10.12: drafts are the drc's working papers; other roles are not told how many there are.
      return seesDraftsOf(actor)
        ? { ...overview, drafts: versions.filter((v) => v.status === 'draft').length }
        : overview;
    }),
  );
}

export async function catalogInForce(db: Db, actor: Actor, platformKey: PlatformKey, now: Date) {
  requirePermission(actor, 'catalog.read');
  const today = shanghaiDay(now);
  const row = await inForceVersion(db, platformKey, today);
  if (!row) throw notFound(`${platformName(platformKey)}尚无生效的产业准入目录`);
  return loadCatalog(db, row, row.id, today);
}

export async function listVersions(db: Db, actor: Actor, platformKey: PlatformKey, now: Date) {
  requirePermission(actor, 'catalog.read');
  const today = shanghaiDay(now);
  const versions = await versionsOfPlatform(db, platformKey);
  const inForceId = versionInForce(versions, today)?.id ?? null;
  const visible = versions.filter((row) => assertVisibleQuiet(actor, row));
  const nameOf = await versionPeople(db, visible);
  return visible.map((row) => toSummary(row, inForceId, today, nameOf));
}

function assertVisibleQuiet(actor: Actor, row: CatalogVersionRow) {
  try {
    assertVisible(actor, row);
    return true;
  } catch {
    return false;
  }
}

export async function getVersion(db: Db, actor: Actor, versionId: number, now: Date) {
  requirePermission(actor, 'catalog.read');
  const row = await findVersion(db, versionId);
  assertVisible(actor, row);
  const today = shanghaiDay(now);
  const inForce = await inForceVersion(db, row.platformKey, today);
  return loadCatalog(db, row, inForce?.id ?? null, today);
}

/**
 * R1.1/R1.5: the class of an industry code on a platform, by the catalog in force on `date` (default today),
 * with the matching item and a Chinese sentence that cites the rule.
 */
export async function classify(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  query: { industryCode: string; text?: string; date?: string },
  now: Date,
) {
  requirePermission(actor, 'catalog.read');
  if (query.date && !isCalendarDay(query.date)) throw badRequest(`日期 ${query.date} 不存在`);
  const day = query.date ?? shanghaiDay(now);
  const code = query.industryCode.toUpperCase();
  if (!isWellFormedIndustryCode(code)) throw badRequest(`行业代码“${code}”格式不正确`);
  const lineage = industryLineage(code);
  // The matched item's code is one of the code's lineage, so one look-up names both.
  const names = await industriesByCode(db, lineage, now);
  const industry = names.get(code);
  if (!industry) throw unprocessable('UNKNOWN_INDUSTRY', `行业代码 ${code} 不在 GB/T 4754-2017 国民经济行业分类中`);
  const version = await inForceVersion(db, platformKey, day, now);
  if (!version) throw notFound(`${platformName(platformKey)}在 ${day} 尚无生效的产业准入目录`);
  const published = await publishedItems(db, version.id);
  // Only the items of the code's lineage can match, and classifyIndustry looks at no other: each code's items in
  // row order, and items of different codes never tie (each level has its own specificity).
  const result = classifyIndustry({
    items: lineage.flatMap((lineageCode) => published.itemsByCode.get(lineageCode) ?? []),
    industryCode: code,
    text: query.text,
    platformName: platformName(platformKey),
    catalogVersion: version.version,
    industryName: industry.name,
  });
  const matched = result.item;
  const itemRow = matched ? published.rowById.get(matched.id) : undefined;
  return {
    platformKey,
    industryCode: code,
    industryName: industry.name,
    category: result.category,
    itemId: itemRow?.id ?? null,
    item: itemRow ? toItemView(itemRow, names) : null,
    matchedKeyword: result.matchedKeyword,
    catalogVersion: version.version,
    catalogVersionId: version.id,
    explanation: result.explanation,
  };
}

/** Codes any catalog version uses: the industry table may not drop them. */
export async function industryCodesInUse(db: Db): Promise<string[]> {
  return distinctItemCodes(db);
}

export type PublishedCatalog = { id: number; version: string; effectiveDate: string | null; items: CatalogItem[] };

/**
 * For R1.6 (renewal, issue #12): a platform's catalog in force on `day`, the published version in force before it
 * (`previous`), and a published version waiting for a later effective date (`upcoming`), each with its items in the
 * domain's shape. NO permission check: the caller checks its own (these are published catalogs, public to every
 * signed-in user).
 */
export async function publishedCatalogs(
  db: Db,
  platformKey: PlatformKey,
  day: string,
): Promise<{ inForce: PublishedCatalog | null; previous: PublishedCatalog | null; upcoming: PublishedCatalog | null }> {
  // A published version always has its effective date; the filter tells the type so.
  const versions = (await publishedVersionsOfPlatform(db, platformKey)).filter(
    (v): v is CatalogVersionRow & { effectiveDate: string } => v.effectiveDate !== null,
  );
  const inForce = versionInForce(versions, day);
  const earlier = inForce
    ? versions.filter((v) => v.id !== inForce.id && v.effectiveDate <= inForce.effectiveDate)
    : [];
  const previous = inForce ? versionInForce(earlier, inForce.effectiveDate) : null;
  const later = versions.filter((v) => v.effectiveDate > day);
  const upcoming = later.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))[0] ?? null;
  const load = async (row: CatalogVersionRow | null): Promise<PublishedCatalog | null> =>
    row && {
      id: row.id,
      version: row.version,
      effectiveDate: row.effectiveDate,
      items: (await publishedItems(db, row.id)).rows.map(toDomainItem),
    };
  return { inForce: await load(inForce), previous: await load(previous), upcoming: await load(upcoming) };
}

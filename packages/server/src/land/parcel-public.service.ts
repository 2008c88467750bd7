import { and, asc, eq, inArray } from 'drizzle-orm';
import { platformName, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { catalogInForce } from '../catalog/catalog.service.ts';
import { parcels } from './land.table.ts';

/** How long the public answer is kept (and may be kept by browsers and proxies). */
export const PUBLIC_CACHE_SECONDS = 60;

type PublicAnswer = { items: PublicParcel[]; total: number };
type PublicParcel = {
  code: string;
  platformKey: string;
  platformName: string;
  district: string | null;
  address: string | null;
  location: { lng: number; lat: number } | null;
  area: string;
  plannedUse: string;
  kind: 'approved' | 'vacated';
  encouragedIndustries: string[];
  contact: string | null;
};

/** Per database (tests run several apps in one process); dropped on any parcel change so a publication shows at once. */
const cache = new WeakMap<Db, { at: number; answer: PublicAnswer }>();

export function forgetPublicParcels(db: Db): void {
  cache.delete(db);
}

/** The encouraged industries of each platform's catalog in force, by name (the attraction direction investors read). */
async function encouragedNames(db: Db, keys: string[], now: Date): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    try {
      const catalog = await catalogInForce(db, SYSTEM_ACTOR, key as PlatformKey, now);
      const names = catalog.items
        .filter((item) => item.category === 'encouraged')
        .map((item) => item.industryName ?? item.industryCode);
      out.set(key, [...new Set(names)].slice(0, 20));
    } catch {
      out.set(key, []);
    }
  }
  return out;
}

/**
 * R3.6 全面公开地块信息: published 批而未供, recovered and vacated parcels, public fields only — no holder, price,
 * responsible person, id or anything else from inside. No login; cached for a minute (the route is rate-limited).
 */
export async function listPublicParcels(db: Db, now: Date): Promise<PublicAnswer> {
  const hit = cache.get(db);
  if (hit && now.getTime() - hit.at < PUBLIC_CACHE_SECONDS * 1000) return hit.answer;
  const rows = await db
    .select()
    .from(parcels)
    .where(and(eq(parcels.isPublic, true), inArray(parcels.state, ['approved', 'recovered', 'vacated'])))
    .orderBy(asc(parcels.platformKey), asc(parcels.code));
  const encouraged = await encouragedNames(db, [...new Set(rows.map((r) => r.platformKey))], now);
  const items = rows.map((row) => ({
    code: row.code,
    platformKey: row.platformKey,
    platformName: platformName(row.platformKey as PlatformKey),
    district: row.district,
    address: row.address,
    location: row.lng !== null && row.lat !== null ? { lng: Number(row.lng), lat: Number(row.lat) } : null,
    area: row.areaMu,
    plannedUse: row.plannedUse,
    kind: row.state === 'vacated' ? ('vacated' as const) : ('approved' as const),
    encouragedIndustries: encouraged.get(row.platformKey) ?? [],
    contact: row.contact,
  }));
  const answer = { items, total: items.length };
  cache.set(db, { at: now.getTime(), answer });
  return answer;
}

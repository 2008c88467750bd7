import {
  compareTiers,
  funnelRates,
  isFocusRegion,
  isPlatformKey,
  isTargetTier,
  isTargetType,
  mapProvinceName,
  PLATFORM_KEYS,
  platformName,
  PROJECT_STATUSES,
  quarterLabel,
  TARGET_TYPE_LABELS,
  TIER_LABELS,
  type FunnelQuery,
  type FunnelView,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { firstReportsForTargets, projectStageCounts } from '../projects/projects.service.ts';
import { parcelMapPoints } from '../land/parcel-map.service.ts';
import { funnelFigures, latestQuarter, targetsByCity, type FunnelSqlRow } from './targets.repository.ts';
import { channelRows } from './channels.repository.ts';
import { PLATFORM_POINTS } from './platform-points.ts';

/**
 * The funnel target → contact → reported project → landed (issue #13), per platform, quarter, tier, type or channel,
 * and the two maps. The figures follow the domain's definition (funnel.ts); the counting is one SQL statement.
 */

function figuresOf(row: FunnelSqlRow) {
  const counts = { targets: row.targets, contacted: row.contacted, reported: row.reported, landed: row.landed };
  return {
    ...counts,
    rates: funnelRates(counts),
    medianDays: { toContact: row.toContact, toReport: row.toReport, toLand: row.toLand },
  };
}

const EMPTY: FunnelSqlRow = {
  key: null,
  targets: 0,
  contacted: 0,
  reported: 0,
  landed: 0,
  toContact: null,
  toReport: null,
  toLand: null,
};

/**
 * `GET /targets/funnel`. Without a quarter each enterprise counts once, by its latest row (of the year, if one is
 * asked for), except when grouped by quarter. A platform user gets its own platform whatever it asks for (D10).
 * Also what the yearly assessment and the cockpit call (platform and year).
 */
export async function targetFunnel(db: Db, actor: Actor, query: FunnelQuery): Promise<FunnelView> {
  requirePermission(actor, 'targets.read');
  const platformKey = platformScope(actor) ?? query.platformKey ?? null;
  const rows = await funnelFigures(db, {
    platformKey,
    quarter: query.quarter,
    year: query.quarter ? undefined : query.year,
    latestPerEnterprise: !query.quarter && query.groupBy !== 'quarter',
    groupBy: query.groupBy,
    projects: firstReportsForTargets(platformKey ? [platformKey] : null),
  });
  const labels = await groupLabels(db, query.groupBy, platformKey);
  const total = rows.find((row) => row.key === null) ?? EMPTY;
  return {
    groupBy: query.groupBy,
    rows: rows
      .flatMap((row) => (row.key === null ? [] : [{ key: row.key, label: labels(row.key), ...figuresOf(row) }]))
      // Tiers in their reading order (≥50亿, ≥20亿, ≥5亿, none), other groupings by key.
      .sort((a, b) => (query.groupBy === 'tier' ? compareTiers(a.key, b.key) : 0) || a.key.localeCompare(b.key)),
    total: figuresOf(total),
  };
}

/**
 * For the cockpit (issue #14): the year's funnel per platform, counts and the domain's rates only (each enterprise
 * once, by its latest row of the year — the same rows and definitions as `targetFunnel`), without the median days,
 * whose sorts were most of the cockpit's time at 100 000 targets. A platform user gets its own platform (D10).
 */
export async function targetFunnelCounts(db: Db, actor: Actor, year: number) {
  requirePermission(actor, 'targets.read');
  const platformKey = platformScope(actor);
  const rows = await funnelFigures(db, {
    platformKey,
    year,
    latestPerEnterprise: true,
    groupBy: 'platform',
    projects: firstReportsForTargets(platformKey ? [platformKey] : null),
    medians: false,
  });
  const countsOf = (row: FunnelSqlRow) => {
    const counts = { targets: row.targets, contacted: row.contacted, reported: row.reported, landed: row.landed };
    return { ...counts, rates: funnelRates(counts) };
  };
  return {
    // Grouped by platform_key, so every key but the total's null is a platform's.
    rows: rows.flatMap((row) =>
      row.key !== null && isPlatformKey(row.key) ? [{ key: row.key, ...countsOf(row) }] : [],
    ),
    total: countsOf(rows.find((row) => row.key === null) ?? EMPTY),
  };
}

async function groupLabels(db: Db, groupBy: FunnelQuery['groupBy'], platformKey: PlatformKey | null) {
  switch (groupBy) {
    case 'platform':
      return (key: string) => (isPlatformKey(key) ? platformName(key) : key);
    case 'quarter':
      return (key: string) => quarterLabel(key);
    case 'tier':
      return (key: string) => (isTargetTier(key) ? TIER_LABELS[key] : '5亿元以下');
    case 'type':
      return (key: string) => (isTargetType(key) ? TARGET_TYPE_LABELS[key] : key);
    case 'channel': {
      const names = new Map((await channelRows(db, platformKey)).map((row) => [String(row.id), row.name]));
      return (key: string) => (key === 'none' ? '未注明渠道' : (names.get(key) ?? `渠道 ${key}`));
    }
  }
}

/** `GET /targets/map/china`: targets per province and city with their tiers (the latest quarter unless asked). */
export async function chinaMap(db: Db, actor: Actor, query: { platformKey?: PlatformKey; quarter?: string }) {
  requirePermission(actor, 'targets.read');
  const platformKey = platformScope(actor) ?? query.platformKey ?? null;
  const quarter = query.quarter ?? (await latestQuarter(db, platformKey));
  const rows = quarter ? await targetsByCity(db, platformKey, quarter) : [];
  const emptyTiers = () => ({ '5亿': 0, '20亿': 0, '50亿': 0, none: 0 });
  const provinces = new Map<
    string,
    { province: string; mapName: string; count: number; tiers: ReturnType<typeof emptyTiers>; focus: boolean }
  >();
  const cities = new Map<
    string,
    { province: string; city: string; count: number; tiers: ReturnType<typeof emptyTiers>; focus: boolean }
  >();
  for (const row of rows) {
    const tierKey = row.tier !== null && isTargetTier(row.tier) ? row.tier : 'none';
    const isFocus = isFocusRegion(row.city);
    const province = provinces.get(row.province) ?? {
      province: row.province,
      mapName: mapProvinceName(row.province),
      count: 0,
      tiers: emptyTiers(),
      focus: false,
    };
    province.count += row.n;
    province.tiers[tierKey] += row.n;
    province.focus ||= isFocus;
    provinces.set(row.province, province);
    const key = `${row.province}/${row.city}`;
    const city = cities.get(key) ?? {
      province: row.province,
      city: row.city,
      count: 0,
      tiers: emptyTiers(),
      focus: isFocus,
    };
    city.count += row.n;
    city.tiers[tierKey] += row.n;
    cities.set(key, city);
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return { quarter, provinces: [...provinces.values()].sort(byCount), cities: [...cities.values()].sort(byCount) };
}

/**
 * `GET /targets/map/wenzhou`: the three platforms at their points, with their projects by stage, and the parcel layer
 * (issue #12's ledger, read through the land service with the caller's scope: a platform sees its own parcels).
 */
export async function wenzhouMap(db: Db, actor: Actor, now: Date) {
  requirePermission(actor, 'targets.read');
  const scope = platformScope(actor);
  const [counts, land] = await Promise.all([projectStageCounts(db), parcelMapPoints(db, actor, now)]);
  const keys = scope ? [scope] : [...PLATFORM_KEYS];
  const unlocatedOf = (key: string) => land.unlocated.find((row) => row.platformKey === key)?.count ?? 0;
  return {
    platforms: keys.map((key) => {
      const own = counts.filter((row) => row.platformKey === key);
      return {
        platformKey: key,
        name: platformName(key),
        ...PLATFORM_POINTS[key],
        stages: PROJECT_STATUSES.map((status) => ({
          status,
          count: own.find((row) => row.status === status)?.count ?? 0,
        })).filter((stage) => stage.count > 0),
        projects: own.reduce((sum, row) => sum + row.count, 0),
        parcels: land.points.filter((p) => p.platformKey === key).length + unlocatedOf(key),
        unlocatedParcels: unlocatedOf(key),
      };
    }),
    parcels: {
      asOf: land.asOf,
      withinDays: land.withinDays,
      points: land.points.map(({ lng, lat, ...rest }) => ({ ...rest, point: [lng, lat] satisfies [number, number] })),
      unlocated: land.unlocated.reduce((sum, row) => sum + row.count, 0),
    },
  };
}

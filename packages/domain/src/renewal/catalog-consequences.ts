import { classifyIndustry } from '../catalog/classify.ts';
import { CATEGORY_LABELS, type CatalogItem, type ClassifyCategory } from '../catalog/catalog-types.ts';
import type { RenewalTrack } from './renewal-tracks.ts';

/**
 * R1.6 (§一(二)): what the access catalog in force means for an EXISTING enterprise. Eliminated → a relocation or
 * disposal plan (搬迁处置计划) with a deadline; restricted → technology upgrade only within its original capacity and
 * only with environment, safety and energy conditions all met (no low-level expansion); encouraged or unlisted →
 * nothing to do.
 */
export type CatalogTrack = Extract<RenewalTrack, 'catalog_relocation' | 'catalog_upgrade'> | null;

export function catalogTrackOf(category: ClassifyCategory): CatalogTrack {
  if (category === 'eliminated') return 'catalog_relocation';
  if (category === 'restricted') return 'catalog_upgrade';
  return null;
}

export const CATALOG_TRACK_CONSEQUENCE: Record<'catalog_relocation' | 'catalog_upgrade', string> = {
  catalog_relocation: '须制定搬迁处置计划并明确完成期限',
  catalog_upgrade: '只能在原有产能内进行技术改造，且须同时满足环保、安全、能耗要求，不得低水平扩张',
};

export type ConsequenceEnterprise = { creditCode: string; name: string; industryCode: string | null };

export type Consequence = ConsequenceEnterprise & {
  category: ClassifyCategory;
  track: CatalogTrack;
  /** The catalog item that decided it (its note), for the explanation. */
  itemNote: string | null;
};

function consequenceOf(enterprise: ConsequenceEnterprise, items: readonly CatalogItem[]): Consequence {
  if (!enterprise.industryCode) return { ...enterprise, category: 'unlisted', track: null, itemNote: null };
  const result = classifyIndustry({
    items,
    industryCode: enterprise.industryCode,
    platformName: '',
    catalogVersion: '',
  });
  return {
    ...enterprise,
    category: result.category,
    track: catalogTrackOf(result.category),
    itemNote: result.item?.note ?? null,
  };
}

/** A consequence that puts the enterprise on a track (the ones `catalogConsequences` lists). */
export type TrackedConsequence = Consequence & { track: NonNullable<CatalogTrack> };

/** R1.6: the enterprises the catalog puts on a track (eliminated or restricted), in the order given. */
export function catalogConsequences(
  enterprises: readonly ConsequenceEnterprise[],
  items: readonly CatalogItem[],
): TrackedConsequence[] {
  return enterprises
    .map((enterprise) => consequenceOf(enterprise, items))
    .filter((row): row is TrackedConsequence => row.track !== null);
}

export type TrackChange = ConsequenceEnterprise & {
  fromCategory: ClassifyCategory;
  toCategory: ClassifyCategory;
  fromTrack: CatalogTrack;
  toTrack: CatalogTrack;
  explanation: string;
};

/**
 * R1.6 with a new catalog version: the enterprises whose track changes between `base` and `next` (a class that
 * changes without changing the track, e.g. encouraged → unlisted, is not listed: nothing changes for them).
 */
export function trackChanges(
  enterprises: readonly ConsequenceEnterprise[],
  base: readonly CatalogItem[],
  next: readonly CatalogItem[],
): TrackChange[] {
  const changes: TrackChange[] = [];
  for (const enterprise of enterprises) {
    const before = consequenceOf(enterprise, base);
    const after = consequenceOf(enterprise, next);
    if (before.track === after.track) continue;
    changes.push({
      ...enterprise,
      fromCategory: before.category,
      toCategory: after.category,
      fromTrack: before.track,
      toTrack: after.track,
      explanation:
        `由${CATEGORY_LABELS[before.category]}变为${CATEGORY_LABELS[after.category]}：` +
        (after.track ? CATALOG_TRACK_CONSEQUENCE[after.track] : '不再需要搬迁处置或技术改造限制'),
    });
  }
  return changes;
}

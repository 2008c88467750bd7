import type { CatalogItem } from './catalog-types.ts';

/** Items are the same line across versions when they name the same code with the same keywords. */
export function catalogItemKey(item: Pick<CatalogItem, 'industryCode' | 'keywords'>): string {
  const keywords = [...item.keywords]
    .map((k) => k.trim())
    .filter(Boolean)
    .sort();
  return `${item.industryCode}|${keywords.join('、')}`;
}

const COMPARED_FIELDS = ['category', 'basis', 'note'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type CatalogDiff = {
  added: CatalogItem[];
  removed: CatalogItem[];
  changed: Array<{ before: CatalogItem; after: CatalogItem; fields: ComparedField[] }>;
  unchanged: number;
};

/** What a draft changes against the catalog in force: the drc reviews this before publishing (R1.1). */
export function diffCatalogs(base: readonly CatalogItem[], next: readonly CatalogItem[]): CatalogDiff {
  const baseByKey = new Map(base.map((item) => [catalogItemKey(item), item]));
  const nextKeys = new Set<string>();
  const diff: CatalogDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const after of next) {
    const key = catalogItemKey(after);
    nextKeys.add(key);
    const before = baseByKey.get(key);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const fields = COMPARED_FIELDS.filter((field) => before[field] !== after[field]);
    if (fields.length > 0) diff.changed.push({ before, after, fields });
    else diff.unchanged += 1;
  }
  diff.removed = base.filter((item) => !nextKeys.has(catalogItemKey(item)));
  return diff;
}

import {
  CATALOG_VERSION_STATES,
  platformName,
  type CatalogItem,
  type CatalogItemView,
  type CatalogVersionSummaryView,
  type Industry,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { displayNamesOf } from '../users/display-names.service.ts';
import type { CatalogItemRow, CatalogVersionRow } from './catalog.repository.ts';

type VersionState = (typeof CATALOG_VERSION_STATES)[number];

/** Draft, scheduled (published, effective later), in force, or superseded — derived, never stored. */
export function versionState(row: CatalogVersionRow, inForceId: number | null, today: string): VersionState {
  if (row.status === 'draft') return 'draft';
  if (row.id === inForceId) return 'in_force';
  if (row.effectiveDate && row.effectiveDate > today) return 'scheduled';
  return 'superseded';
}

/** Display name of a username (users/display-names.service.ts). */
export type NameOf = (username: string | null | undefined) => string | null;

/** The names of the people of these versions, looked up once. */
export function versionPeople(
  db: Db,
  rows: ReadonlyArray<Pick<CatalogVersionRow, 'createdBy' | 'publishedBy'> | null | undefined>,
): Promise<NameOf> {
  return displayNamesOf(
    db,
    rows.flatMap((row) => (row ? [row.createdBy, row.publishedBy] : [])),
  );
}

export function toSummary(
  row: CatalogVersionRow & { itemCount: number },
  inForceId: number | null,
  today: string,
  nameOf: NameOf,
): CatalogVersionSummaryView {
  return {
    id: row.id,
    platformKey: row.platformKey,
    version: row.version,
    state: versionState(row, inForceId, today),
    effectiveDate: row.effectiveDate,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    publishedByName: nameOf(row.publishedBy),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName: nameOf(row.createdBy) ?? row.createdBy,
    itemCount: row.itemCount,
    revision: row.revision,
  };
}

export function toItemView(row: CatalogItemRow, names: Map<string, Industry>): CatalogItemView {
  return {
    id: row.id,
    category: row.category,
    industryCode: row.industryCode,
    industryName: names.get(row.industryCode)?.name ?? null,
    keywords: row.keywords,
    basis: row.basis,
    note: row.note,
    revision: row.revision,
  };
}

/** The domain's shape of an item, for classification and the publish checks. */
export function toDomainItem(row: CatalogItemRow): CatalogItem {
  return {
    id: row.id,
    category: row.category,
    industryCode: row.industryCode,
    keywords: row.keywords,
    basis: row.basis,
    note: row.note,
  };
}

export function catalogView(summary: CatalogVersionSummaryView, items: CatalogItemView[]) {
  return { ...summary, platformName: platformName(summary.platformKey), items };
}

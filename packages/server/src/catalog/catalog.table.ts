import { date, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { platforms } from '../reference/reference.table.ts';
import type { CatalogBasis, CatalogCategory, PlatformKey } from '@pgs/domain';

/** A version of one platform's access catalog (R1.1): a draft until the drc publishes it with an effective date. */
export const catalogVersions = pgTable(
  'catalog_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    version: text('version').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    publishedBy: text('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    createdBy: text('created_by').notNull(),
    /**
     * Raised by every edit of the draft, so a publish names exactly what was reviewed. The catalog's lock counters
     * (this and the items') are the only ones not called `version`: in this module `version` is the catalog edition
     * (its table, its name 2018年本, `versionId` in every item), so `revision` keeps the two apart.
     */
    revision: integer('revision').notNull().default(1),
  },
  (table) => [unique('catalog_versions_platform_version_uq').on(table.platformKey, table.version)],
);

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer('version_id')
      .notNull()
      .references(() => catalogVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    category: text('category').$type<CatalogCategory>().notNull(),
    industryCode: text('industry_code').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    basis: text('basis').$type<CatalogBasis>().notNull(),
    note: text('note').notNull(),
    /** Raised on every edit of the item; an edit naming an older revision gets 409 STALE_VERSION (see the draft's). */
    revision: integer('revision').notNull().default(1),
  },
  (table) => [index('catalog_items_version_idx').on(table.versionId, table.position)],
);

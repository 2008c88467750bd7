import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { IndustryLevel, PlatformKey } from '@pgs/domain';

/** The three platforms (POLICY.md §一(一)); seeded on first start, names editable by data, not code. */
export const platforms = pgTable('platforms', {
  key: text('key').$type<PlatformKey>().primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  leadingIndustries: jsonb('leading_industries').$type<string[]>().notNull(),
  supportingServices: jsonb('supporting_services').$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** GB/T 4754-2017 国民经济行业分类, all four levels; an admin can replace it from the official CSV. */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').$type<IndustryLevel>().notNull(),
    parent: text('parent'),
  },
  (table) => [index('industries_parent_idx').on(table.parent)],
);

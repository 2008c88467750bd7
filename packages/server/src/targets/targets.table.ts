import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ChannelKind, PlatformKey, TargetStatus, TargetTier } from '@pgs/domain';
import { platforms } from '../reference/reference.table.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The target-enterprise library (拟招引目标企业库, R2.7): one row per enterprise, platform and quarter. A quarter's
 * rows are copied to the next by the carry-forward; `lineage_id` (the id of the enterprise's first row) ties one
 * enterprise across quarters. `version` is raised by every change (409 when stale).
 */
export const targets = pgTable(
  'targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    lineageId: integer('lineage_id').notNull(),
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    quarter: text('quarter').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    /** TARGET_TYPES, at least one. */
    types: text('types').array().notNull(),
    hqProvince: text('hq_province').notNull(),
    hqCity: text('hq_city').notNull(),
    industryCode: text('industry_code').notNull(),
    /** The class of the industry on the platform's catalog when last saved, and that catalog's version. */
    category: text('category').notNull(),
    catalogVersion: text('catalog_version'),
    /** 万元, exact (D1). */
    expectedInvestment: numeric('expected_investment', { precision: 20, scale: 4 }).notNull(),
    /** D24, from the domain's targetTier (kept for filters and the funnel's grouping). */
    tier: text('tier').$type<TargetTier>(),
    plan: jsonb('plan').$type<{ path: string; planning: string; strategy: string; tactics: string }>().notNull(),
    owner: text('owner').notNull(),
    status: text('status').$type<TargetStatus>().notNull(),
    statusReason: text('status_reason'),
    /** The written reason for a non-encouraged industry. */
    reason: text('reason'),
    channelId: integer('channel_id').references(() => targetChannels.id),
    /** A project the user linked (the credit-code link is found when read). */
    projectId: integer('project_id'),
    /** The day the enterprise entered the library (carried forward with it) and the day it was first contacted. */
    identifiedOn: date('identified_on', { mode: 'string' }).notNull(),
    contactedOn: date('contacted_on', { mode: 'string' }),
    carriedFromId: integer('carried_from_id'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('targets_quarter_lineage_idx').on(table.platformKey, table.quarter, table.lineageId),
    index('targets_quarter_idx').on(table.quarter, table.platformKey, table.id),
    index('targets_lineage_idx').on(table.lineageId),
    index('targets_credit_code_idx').on(table.creditCode),
  ],
);

/** What happened to a target (created, changed, status moved, carried forward, linked): its history page. */
export const targetEvents = pgTable(
  'target_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id),
    lineageId: integer('lineage_id').notNull(),
    quarter: text('quarter').notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    details: jsonb('details'),
    at: instant('at').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (table) => [index('target_events_lineage_idx').on(table.lineageId, table.id)],
);

/**
 * The outbound trips (外出招商, R2.8) that met a target: written by the trips module through the targets service
 * (`linkTripTargets`), never by its SQL. The trip's days and destination are copied here so the target page lists its
 * trips without the targets module reading the trips tables; a trip edited or withdrawn rewrites its rows.
 */
export const targetTrips = pgTable(
  'target_trips',
  {
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id),
    tripId: integer('trip_id').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    linkedAt: instant('linked_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.targetId, table.tripId] }), index('target_trips_trip_idx').on(table.tripId)],
);

/**
 * A platform's quarter of the library: whether it was filled by carry-forward (and what was left behind, with the
 * reasons) and whether it is closed (read-only). A quarter without a row is open and was not carried forward.
 */
export const targetQuarters = pgTable(
  'target_quarters',
  {
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    quarter: text('quarter').notNull(),
    carriedFrom: text('carried_from'),
    carriedAt: instant('carried_at'),
    drops: jsonb('drops').$type<Array<{ lineageId: number; reason: string }>>().notNull().default([]),
    closedAt: instant('closed_at'),
    closedBy: text('closed_by'),
  },
  (table) => [primaryKey({ columns: [table.platformKey, table.quarter] })],
);

/** R2.8 market channels of a platform: entrusted agencies (委托招商) and business-led leads (以商招商). */
export const targetChannels = pgTable('target_channels', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  platformKey: text('platform_key')
    .$type<PlatformKey>()
    .notNull()
    .references(() => platforms.key),
  kind: text('kind').$type<ChannelKind>().notNull(),
  name: text('name').notNull(),
  broughtBy: text('brought_by'),
  contact: text('contact'),
  note: text('note'),
  version: integer('version').notNull().default(1),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** An entrusted agency's contract: period, scope and fee terms (委托招商). */
export const targetChannelContracts = pgTable('target_channel_contracts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  channelId: integer('channel_id')
    .notNull()
    .references(() => targetChannels.id),
  startOn: date('start_on', { mode: 'string' }).notNull(),
  endOn: date('end_on', { mode: 'string' }).notNull(),
  scope: text('scope').notNull(),
  feeTerms: text('fee_terms').notNull(),
  createdAt: instant('created_at').notNull(),
});

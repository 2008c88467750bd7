import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { ParcelState } from '@pgs/domain';
import { platforms } from '../reference/reference.table.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
/** 亩 and 万元 exact (D1); numeric comes back from both drivers as a string. */
const decimal = (name: string) => numeric(name, { precision: 20, scale: 6 });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The parcel ledger (地块台账, R3.1/R3.6): one row per parcel with the dated facts of its life. Nothing here says
 * whether a parcel is idle: the clock is computed from these dates as of the day asked (packages/domain/src/land).
 */
export const parcels = pgTable(
  'parcels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    platformKey: text('platform_key')
      .notNull()
      .references(() => platforms.key),
    state: text('state').$type<ParcelState>().notNull(),
    areaMu: decimal('area_mu').notNull(),
    plannedUse: text('planned_use').notNull(),
    industryCode: text('industry_code'),
    plotRatioMin: decimal('plot_ratio_min'),
    plotRatioMax: decimal('plot_ratio_max'),
    district: text('district'),
    address: text('address'),
    lng: numeric('lng', { precision: 10, scale: 6 }),
    lat: numeric('lat', { precision: 10, scale: 6 }),
    boundary: jsonb('boundary'),
    boundaryAreaMu: decimal('boundary_area_mu'),
    approvedOn: day('approved_on').notNull(),
    approvalDocument: text('approval_document').notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    acquisitionStatus: text('acquisition_status'),
    deadline: day('deadline'),
    supplyWay: text('supply_way'),
    contractNo: text('contract_no'),
    contractDate: day('contract_date'),
    landPrice: decimal('land_price'),
    holderCreditCode: text('holder_credit_code'),
    holderName: text('holder_name'),
    agreedStartOn: day('agreed_start_on'),
    agreedCompletionOn: day('agreed_completion_on'),
    totalInvestment: decimal('total_investment'),
    startedOn: day('started_on'),
    completedOn: day('completed_on'),
    developedArea: decimal('developed_area'),
    investedAmount: decimal('invested_amount'),
    builtArea: decimal('built_area'),
    suspendedSince: day('suspended_since'),
    vacatedOn: day('vacated_on'),
    vacatedFrom: text('vacated_from'),
    vacatedFromCreditCode: text('vacated_from_credit_code'),
    vacateReason: text('vacate_reason'),
    reuseWay: text('reuse_way'),
    reusedOn: day('reused_on'),
    recoveredOn: day('recovered_on'),
    recoveryDecisionNo: text('recovery_decision_no'),
    isPublic: boolean('is_public').notNull().default(false),
    contact: text('contact'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    index('parcels_platform_state_id_idx').on(table.platformKey, table.state, table.id),
    index('parcels_public_idx').on(table.isPublic),
  ],
);

/** The parcel's timeline: every change, with the parcel version it produced (no gaps). */
export const parcelEvents = pgTable(
  'parcel_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parcelId: integer('parcel_id')
      .notNull()
      .references(() => parcels.id),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    effectiveDate: day('effective_date').notNull(),
    summary: text('summary').notNull(),
    details: jsonb('details'),
    at: instant('at').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (table) => [
    index('parcel_events_parcel_idx').on(table.parcelId, table.id),
    // A past day's replay (parcel-timelines.repository.ts `statesOn`) looks up the parcels moved after the day.
    index('parcel_events_effective_idx').on(table.effectiveDate, table.parcelId),
  ],
);

/** D23: government or force-majeure delays; their days stop the clock. One per parcel (the extension). */
export const parcelDelays = pgTable(
  'parcel_delays',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parcelId: integer('parcel_id')
      .notNull()
      .references(() => parcels.id),
    cause: text('cause').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    fromOn: day('from_on').notNull(),
    toOn: day('to_on').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (table) => [index('parcel_delays_parcel_idx').on(table.parcelId)],
);

/**
 * The days on which each parcel's thresholds are passed, derived by the domain from the facts after every change
 * (parcelDeadlines). An index for the due list ("what becomes due within N days"), not a status: whether a parcel
 * is idle as of a day is still computed from its facts.
 */
export const parcelDeadlines = pgTable(
  'parcel_deadlines',
  {
    parcelId: integer('parcel_id')
      .notNull()
      .references(() => parcels.id),
    kind: text('kind').notNull(),
    platformKey: text('platform_key').notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    dueOn: day('due_on').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.parcelId, table.kind] }),
    index('parcel_deadlines_due_idx').on(table.dueOn, table.parcelId),
    index('parcel_deadlines_platform_due_idx').on(table.platformKey, table.dueOn, table.parcelId),
  ],
);

/** The idle-land settings of the eitc and the drc (one row; absent = the domain defaults as version 1). */
export const landSettings = pgTable('land_settings', {
  id: integer('id').primaryKey(),
  values: jsonb('values').notNull(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

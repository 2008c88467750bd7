import {
  boolean,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { PlatformKey } from '@pgs/domain';
import { platforms } from '../reference/reference.table.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
/** PostgreSQL bytea as a Node Buffer (both drivers hand back a Buffer or a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** R2.8 roster (名册) per platform: who counts for the staff share, who is a main leader (主要负责人). */
export const staff = pgTable(
  'staff',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    name: text('name').notNull(),
    position: text('position').notNull(),
    mainLeader: boolean('main_leader').notNull(),
    takesPartInInvestment: boolean('takes_part_in_investment').notNull(),
    /** 'YYYY-MM': first and last month on the roster (null = still there). */
    fromMonth: text('from_month').notNull(),
    untilMonth: text('until_month'),
    version: integer('version').notNull().default(1),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [index('staff_platform_idx').on(table.platformKey, table.id)],
);

/** R2.8 monthly time declaration: days on investment of one person in one month ('YYYY-MM'). */
export const timeDeclarations = pgTable(
  'time_declarations',
  {
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    month: text('month').notNull(),
    investmentDays: numeric('investment_days', { precision: 4, scale: 1 }).notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.staffId, table.month] }),
    index('time_declarations_month_idx').on(table.month),
  ],
);

/**
 * R2.8 outbound trip (外出招商) as reported; `late` is fixed at report time by the deadline then in force (an edit
 * keeps the report day and that number of days, `due_on − end_on`, and judges the new return day by them).
 * A withdrawn trip (撤回) stays for the audit trail but counts nowhere (lists, compliance, targets).
 */
export const trips = pgTable(
  'trips',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    outcome: text('outcome').notNull(),
    reportedAt: instant('reported_at').notNull(),
    /** The Asia/Shanghai day of the report and the last timely day (reportWithinDays after endOn). */
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    late: boolean('late').notNull(),
    reportedBy: text('reported_by').notNull(),
    updatedAt: instant('updated_at'),
    updatedBy: text('updated_by'),
    withdrawnAt: instant('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawReason: text('withdraw_reason'),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('trips_platform_start_idx').on(table.platformKey, table.startOn)],
);

export const tripTravellers = pgTable(
  'trip_travellers',
  {
    tripId: integer('trip_id')
      .notNull()
      .references(() => trips.id),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (table) => [
    primaryKey({ columns: [table.tripId, table.staffId] }),
    index('trip_travellers_staff_idx').on(table.staffId),
  ],
);

/**
 * Whom they met. `target_id` names a target of the library once linked: no foreign key (targets are another branch).
 */
export const tripContacts = pgTable(
  'trip_contacts',
  {
    tripId: integer('trip_id')
      .notNull()
      .references(() => trips.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    targetId: integer('target_id'),
  },
  (table) => [primaryKey({ columns: [table.tripId, table.seq] })],
);

/** Linked projects, checked through the projects service when reported (no foreign key across modules). */
export const tripProjects = pgTable(
  'trip_projects',
  {
    tripId: integer('trip_id')
      .notNull()
      .references(() => trips.id),
    projectId: integer('project_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tripId, table.projectId] })],
);

/**
 * Photos and minutes, kept IN the database (bytea, ≤ 5 MB each): one backup holds everything, the file is written in
 * the same transaction as its audit row (no orphan file when a request fails), and PGlite and PostgreSQL behave the
 * same with nothing to mount.
 */
export const tripAttachments = pgTable(
  'trip_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    tripId: integer('trip_id')
      .notNull()
      .references(() => trips.id),
    fileName: text('file_name').notNull(),
    kind: text('kind').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: instant('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (table) => [index('trip_attachments_trip_idx').on(table.tripId)],
);

/** The bureau's setting: report within N days after return (default 3). One row, versioned. */
export const tripSettings = pgTable('trip_settings', {
  id: integer('id').primaryKey(),
  reportWithinDays: integer('report_within_days').notNull(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

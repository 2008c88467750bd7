import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DisposalWay, EliminationMeasure, ExitWay, PlatformKey, RenewalStatus, RenewalTrack } from '@pgs/domain';
import { platforms } from '../reference/reference.table.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * Renewal cases (§三(二), R3.5; R1.6): one enterprise on one track, with its owner (department and person), deadline,
 * steps and status. `version` is raised by every change (409 when stale). `plan_year` is the elimination plan's year
 * and 0 on the other tracks, so the unique index below holds "one case per enterprise, track (and plan year)"
 * among the cases not withdrawn, in the database rather than in memory.
 */
export const renewalCases = pgTable(
  'renewal_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    creditCode: text('credit_code').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    industryCode: text('industry_code'),
    track: text('track').$type<RenewalTrack>().notNull(),
    status: text('status').$type<RenewalStatus>().notNull(),
    /** How many steps are recorded (the list shows progress without reading the steps). */
    stepsDone: integer('steps_done').notNull().default(0),
    department: text('department').notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    openedOn: day('opened_on').notNull(),
    deadline: day('deadline').notNull(),
    completedOn: day('completed_on'),
    planYear: integer('plan_year').notNull().default(0),
    measure: text('measure').$type<EliminationMeasure>(),
    exitWay: text('exit_way').$type<ExitWay>(),
    disposalWay: text('disposal_way').$type<DisposalWay>(),
    violation: text('violation'),
    /** R1.6 upgrade: capacities in `capacity_unit`, exact decimals (D1). */
    originalCapacity: numeric('original_capacity', { precision: 20, scale: 6 }),
    plannedCapacity: numeric('planned_capacity', { precision: 20, scale: 6 }),
    capacityUnit: text('capacity_unit'),
    environmentOk: boolean('environment_ok'),
    safetyOk: boolean('safety_ok'),
    energyOk: boolean('energy_ok'),
    /** The parcel an exit vacates: its code in the land module's ledger (linked to 腾空 → 再利用 after the merge). */
    parcelCode: text('parcel_code'),
    note: text('note'),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('renewal_cases_one_per_track_idx')
      .on(table.creditCode, table.track, table.planYear)
      .where(sql`${table.status} <> 'withdrawn'`),
    // The board and the overdue list filter by platform and status and read by deadline.
    index('renewal_cases_platform_status_deadline_idx').on(table.platformKey, table.status, table.deadline),
  ],
);

/** The steps recorded on a case, in order (step_no 1, 2, …): the case page's timeline. */
export const renewalCaseSteps = pgTable(
  'renewal_case_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => renewalCases.id),
    stepNo: integer('step_no').notNull(),
    stepKey: text('step_key').notNull(),
    happenedOn: day('happened_on').notNull(),
    note: text('note'),
    recordedAt: instant('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (table) => [uniqueIndex('renewal_case_steps_case_step_idx').on(table.caseId, table.stepNo)],
);

import type { LeadDepartment, PlatformKey } from '@pgs/domain';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
/** Target and progress figures are exact decimals (D1), in the task's own unit. */
const figure = (name: string) => numeric(name, { precision: 20, scale: 6 });

/**
 * R4.4 key-task list (附件1 任务安排表): one row per task of a year. Status and overdue flags are never stored: they
 * are computed as of a day from the deadline and the progress reports (domain key-task-status.ts).
 */
export const keyTasks = pgTable(
  'key_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** drc, bureau or eitc: its users report on the whole task. */
    leadDepartment: text('lead_department').$type<LeadDepartment>().notNull(),
    /** The platforms concerned, in platform order; empty for a task of the lead department alone. */
    platformKeys: text('platform_keys').array().$type<PlatformKey[]>().notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    target: figure('target').notNull(),
    unit: text('unit').notNull(),
    description: text('description').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [index('key_tasks_year_idx').on(table.year, table.id)],
);

/**
 * Monthly progress reports: the cumulative figure reached by one part (a platform, or the whole task when
 * `part` is ''), one row per task, part and month; a later report of the same month replaces it (version).
 */
export const keyTaskProgress = pgTable(
  'key_task_progress',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => keyTasks.id, { onDelete: 'cascade' }),
    /** The platform key, or '' for the whole task (a unique index treats '' as a value, unlike NULL). */
    part: text('part').$type<PlatformKey | ''>().notNull(),
    month: text('month').notNull(),
    value: figure('value').notNull(),
    note: text('note').notNull().default(''),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    reportedAt: instant('reported_at').notNull(),
    reportedBy: text('reported_by').notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('key_task_progress_task_part_month_uq').on(table.taskId, table.part, table.month)],
);

import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** R4.2: the year's rubric (考核实施办法), versioned like the mu-evaluation method (one row per year). */
export const assessmentRubrics = pgTable('assessment_rubrics', {
  year: integer('year').primaryKey(),
  rubric: jsonb('rubric').notNull(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * One computed assessment of a year as of a day, with the rubric it used and every figure and row behind each
 * point frozen in `result`; once `published` it never changes. At most one published assessment per year.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    rubric: jsonb('rubric').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    result: jsonb('result').notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    publishedAt: instant('published_at'),
    publishedBy: text('published_by'),
  },
  (table) => [
    index('assessments_year_idx').on(table.year, table.id),
    uniqueIndex('assessments_one_published_per_year')
      .on(table.year)
      .where(sql`${table.status} = 'published'`),
  ],
);

/** R4.3 约谈: the interview of a warned platform, with minutes and the follow-up deadline. */
export const assessmentInterviews = pgTable(
  'assessment_interviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    platformKey: text('platform_key').notNull(),
    year: integer('year').notNull(),
    assessmentId: integer('assessment_id').references(() => assessments.id),
    reason: text('reason').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    participants: text('participants').notNull(),
    minutes: text('minutes').notNull(),
    followUpDeadline: date('follow_up_deadline', { mode: 'string' }).notNull(),
    recordedAt: instant('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (table) => [index('assessment_interviews_platform_idx').on(table.platformKey, table.year)],
);

/** §四(三): a key project's planned and actual milestones (签约, 注册落户, 开工建设, 投产) and its responsible unit. */
export const assessmentMilestones = pgTable('assessment_milestones', {
  projectId: integer('project_id').primaryKey(),
  responsibleUnit: text('responsible_unit').notNull(),
  milestones: jsonb('milestones').notNull(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * The rows behind each figure of a saved assessment (issue #15): one row per project, enterprise, parcel, case …
 * in the order the figure lists them (`seq` from 1), written with the assessment in one transaction and never
 * changed after (a published assessment stays frozen). Read a page at a time. Assessments saved before this table
 * keep their rows inside `result` (read from there, assessment.service.ts).
 */
export const assessmentFigureRows = pgTable(
  'assessment_figure_rows',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    platformKey: text('platform_key').notNull(),
    sourceKey: text('source_key').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    figure: text('figure').notNull(),
    note: text('note').notNull(),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.platformKey, table.sourceKey, table.seq] })],
);

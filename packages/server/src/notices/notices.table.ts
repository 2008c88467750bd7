import type { NoticeKind } from '@pgs/domain';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * R3.2 公示: a published result on public notice for a period of working days. `kind` says what is on notice
 * (`mu_evaluation` now; the platforms' assessment later) and `subject_id` which result of that kind; the lines shown
 * come from the kind's provider (notice-providers.ts), never from this module's own copy. The status (公示中 / 公示结束)
 * is computed as of a day from the dates and the objections, never stored.
 */
export const notices = pgTable(
  'notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<NoticeKind>().notNull(),
    subjectId: integer('subject_id').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    startDay: date('start_day', { mode: 'string' }).notNull(),
    endDay: date('end_day', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  // One notice per published result.
  (table) => [uniqueIndex('notices_kind_subject_uq').on(table.kind, table.subjectId)],
);

/** 异议: lodged by anyone through the public form; answered by the eitc. */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notices.id),
    /** The objection's number within its notice (the reference number GS-<notice>-<number>). */
    numberInNotice: integer('number_in_notice').notNull(),
    reference: text('reference').notNull(),
    creditCode: text('credit_code').notNull(),
    contact: text('contact').notNull(),
    reason: text('reason').notNull(),
    submittedAt: instant('submitted_at').notNull(),
    clientAddress: text('client_address'),
    answer: text('answer'),
    answeredAt: instant('answered_at'),
    answeredBy: text('answered_by'),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('notice_objections_number_uq').on(table.noticeId, table.numberInNotice),
    uniqueIndex('notice_objections_reference_uq').on(table.reference),
    index('notice_objections_notice_idx').on(table.noticeId),
  ],
);

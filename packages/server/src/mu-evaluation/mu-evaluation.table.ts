import {
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type {
  EvaluationClass,
  EvaluationMethod,
  EvaluationRunStatus,
  EvaluationRunSummary,
  EvaluationSetKey,
  MeasureSettings,
  PlatformKey,
  RectificationSettings,
  RectificationTrack,
  SetSummary,
} from '@pgs/domain';

/**
 * The enterprises' yearly mu-evaluation (亩均评价, R3.2–R3.4; D21): the method of each year, its runs, every
 * enterprise's result and the rectification list. The records it scores are the enterprises module's
 * (enterprises.table.ts), read through its service.
 */
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A run's per-platform D share with the platform's class counts, as the run's summary shows it. */
export type PlatformRule = EvaluationRunSummary['platforms'][number];
export type ClassCounts = Record<EvaluationClass, number>;

/**
 * One stored indicator: [value, score], in the order of the set's indicators in the run's method snapshot. The code,
 * label and benchmark are the same for every enterprise of a set and live once in the run (`method`, `sets`); the
 * service joins them back (mu-evaluation.service.ts resultViewer), so every number still explains itself in the API
 * while a run of 100 000 enterprises stores and sends ~40 % less.
 */
export type StoredIndicator = [value: number | null, score: number | null];

/** The eitc's evaluation method of a year (R3.2–R3.4 settings), versioned like every other setting (409 on stale). */
export const evaluationMethods = pgTable('evaluation_methods', {
  year: integer('year').primaryKey(),
  method: jsonb('method').$type<EvaluationMethod>().notNull(),
  measures: jsonb('measures').$type<MeasureSettings>().notNull(),
  rectification: jsonb('rectification').$type<RectificationSettings>().notNull(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** One run of a year's evaluation with the method it used; `published` makes it the year's result (D17). */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    method: jsonb('method').$type<EvaluationMethod>().notNull(),
    measures: jsonb('measures').$type<MeasureSettings>().notNull(),
    rectification: jsonb('rectification').$type<RectificationSettings>().notNull(),
    cityDShare: numeric('city_d_share', { precision: 12, scale: 10 }).notNull(),
    platforms: jsonb('platforms').$type<PlatformRule[]>().notNull(),
    counts: jsonb('counts').$type<ClassCounts>().notNull(),
    sets: jsonb('sets').$type<Record<EvaluationSetKey, SetSummary>>().notNull(),
    status: text('status').$type<EvaluationRunStatus>().notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    publishedAt: instant('published_at'),
    publishedBy: text('published_by'),
  },
  (table) => [index('evaluation_runs_year_idx').on(table.year, table.id)],
);

/**
 * Every enterprise's result of a run, with the figures that explain it (indicators, benchmark, rank, rule).
 * `run_id` names a run of evaluation_runs, kept so by a trigger, not a foreign key (migration 0023, issue #15): a
 * foreign key checks each of a run's 100 000 rows alone, ≈ 0.7 s of the run's write; the trigger checks the rows
 * of one COPY as one set, and refuses to delete a run that has rows, as the key did.
 */
export const evaluationResults = pgTable(
  'evaluation_results',
  {
    runId: integer('run_id').notNull(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    platformKey: text('platform_key').$type<PlatformKey>(),
    set: text('set').$type<EvaluationSetKey>().notNull(),
    class: text('class').$type<EvaluationClass>().notNull(),
    baseClass: text('base_class').$type<EvaluationClass>().notNull(),
    score: doublePrecision('score'),
    rank: integer('rank'),
    percentile: doublePrecision('percentile'),
    setSize: integer('set_size').notNull(),
    indicators: jsonb('indicators').$type<StoredIndicator[]>().notNull(),
    classRule: text('class_rule').notNull(),
    excludedReason: text('excluded_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.creditCode] }),
    index('evaluation_results_run_platform_class_idx').on(table.runId, table.platformKey, table.class),
  ],
);

/**
 * R3.4: a run's rectification list, made when the run is made (D16 tracks, with the reason) from the records the
 * run scored, so a published list stays what was published when records are re-imported later. `run_id` is kept a
 * run's by the same trigger as evaluation_results'.
 */
export const evaluationRectification = pgTable(
  'evaluation_rectification',
  {
    runId: integer('run_id').notNull(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    platformKey: text('platform_key').$type<PlatformKey>(),
    class: text('class').$type<EvaluationClass>().notNull(),
    /** 亩均税收 to 4 decimals for display (万元/亩); the bar was judged exactly (D1). */
    taxPerMu: text('tax_per_mu').notNull(),
    bar: text('bar').notNull(),
    track: text('track').$type<RectificationTrack>().notNull(),
    reason: text('reason').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.creditCode] }),
    index('evaluation_rectification_run_platform_track_idx').on(table.runId, table.platformKey, table.track),
  ],
);

import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { platforms } from '../reference/reference.table.ts';
import type { AccessVerdict, ClassifyCategory, EvaluationSheet, PlatformKey, ProjectStatus } from '@pgs/domain';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
/** Money (万元) and land (亩) are exact decimals (D1); numeric comes back from both drivers as a string. */
const decimal = (name: string) => numeric(name, { precision: 20, scale: 6 });

/** The project ledger (招商项目台账), R2.3–R2.5. `version` is raised by every change (D8). */
export const projects = pgTable(
  'projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** The platform that holds it now; after a circulation, the registration place. */
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    reportedPlatformKey: text('reported_platform_key')
      .$type<PlatformKey>()
      .notNull()
      .references(() => platforms.key),
    investorName: text('investor_name').notNull(),
    investorCreditCode: text('investor_credit_code'),
    /** D9: credit code, or normalised investor name, + normalised project name. */
    identityKey: text('identity_key').notNull(),
    industryCode: text('industry_code').notNull(),
    totalInvestment: decimal('total_investment').notNull(),
    fixedAssetInvestment: decimal('fixed_asset_investment').notNull(),
    /** 亩; null = no land of its own (D5). */
    landMu: decimal('land_mu'),
    expectedAnnualTax: decimal('expected_annual_tax').notNull(),
    expectedAnnualOutput: decimal('expected_annual_output'),
    description: text('description').notNull().default(''),
    categoryAtReport: text('category_at_report').$type<ClassifyCategory>().notNull(),
    catalogVersionAtReport: text('catalog_version_at_report'),
    status: text('status').$type<ProjectStatus>().notNull(),
    version: integer('version').notNull().default(1),
    firstReport: boolean('first_report').notNull(),
    duplicateOf: integer('duplicate_of'),
    reportedAt: instant('reported_at').notNull(),
    reportedBy: text('reported_by').notNull(),
    trackedOn: date('tracked_on', { mode: 'string' }),
    landedOn: date('landed_on', { mode: 'string' }),
    closedReason: text('closed_reason'),
    updatedAt: instant('updated_at').notNull(),
  },
  // The ledger filters by platform and stage and pages newest first: this index serves both the page and its count.
  (table) => [
    index('projects_platform_status_id_idx').on(table.platformKey, table.status, table.id),
    index('projects_identity_idx').on(table.identityKey),
    // The year's landed projects (R2.6 credit, the ≥ 20亿 list): the cockpit and the assessment read a few thousand
    // rows through it instead of scanning every project.
    index('projects_status_landed_idx').on(table.status, table.landedOn),
  ],
);

/**
 * R2.3: one row per project identity, naming its first report. The primary key makes "exactly one first" hold in
 * the database however many reports arrive at once (D9): the insert that loses the race does nothing.
 */
export const projectIdentities = pgTable('project_identities', {
  identityKey: text('identity_key').primaryKey(),
  firstProjectId: integer('first_project_id').notNull(),
});

/** The project's history timeline: its report, every transition, evaluation and circulation, with no gaps. */
export const projectEvents = pgTable(
  'project_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    /** The project version this event produced. */
    version: integer('version').notNull(),
    kind: text('kind').$type<'reported' | 'transition' | 'evaluation' | 'circulation' | 'undo'>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    details: jsonb('details'),
    at: instant('at').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (table) => [
    index('project_events_project_idx').on(table.projectId, table.version),
    // A past day's replay (project-stages-on.repository.ts) looks up the projects with a move dated after the day.
    index('project_events_effective_idx').on(table.effectiveDate, table.projectId),
  ],
);

/** R2.2 准入论证评估: each sheet kept (D7: evaluated again later, every one on record). */
export const projectEvaluations = pgTable(
  'project_evaluations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    sheet: jsonb('sheet').$type<EvaluationSheet>().notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: numeric('total', { precision: 6, scale: 1 }).notNull(),
    passes: boolean('passes').notNull(),
    verdict: jsonb('verdict').$type<AccessVerdict>().notNull(),
    opinion: text('opinion').notNull(),
    reviewer: text('reviewer').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    at: instant('at').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (table) => [index('project_evaluations_project_idx').on(table.projectId, table.id)],
);

/** R2.5: a project circulates once (D11), so the project id is the key; shares kept exactly (4 places). */
export const projectCirculations = pgTable('project_circulations', {
  projectId: integer('project_id')
    .primaryKey()
    .references(() => projects.id),
  fromPlatformKey: text('from_platform_key')
    .$type<PlatformKey>()
    .notNull()
    .references(() => platforms.key),
  toPlatformKey: text('to_platform_key')
    .$type<PlatformKey>()
    .notNull()
    .references(() => platforms.key),
  firstPlaceShare: numeric('first_place_share', { precision: 5, scale: 4 }).notNull(),
  hostShare: numeric('host_share', { precision: 5, scale: 4 }).notNull(),
  reason: text('reason').notNull(),
  at: instant('at').notNull(),
  actorName: text('actor_name').notNull(),
});

/**
 * The bureau's pipeline settings (issue #3): one row, created on the first change; until then the domain's
 * defaults apply. `version` guards concurrent edits like a project's.
 */
export const projectSettings = pgTable('project_settings', {
  id: integer('id').primaryKey().default(1),
  negotiationWindowDays: integer('negotiation_window_days').notNull(),
  /** Days within which the role that made a stage move may undo it (issue #9, default 7). */
  undoWindowDays: integer('undo_window_days').notNull().default(7),
  evaluationSheet: jsonb('evaluation_sheet').$type<EvaluationSheet>().notNull(),
  version: integer('version').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

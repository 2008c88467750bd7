import {
  and,
  count,
  desc,
  eq,
  fillPlaceholders,
  gte,
  ilike,
  inArray,
  lt,
  not,
  or,
  sql,
  type Placeholder,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import { DEFAULT_NEGOTIATION_WINDOW_DAYS, overdueIfTrackedBefore, SIZE_TIERS, shanghaiDay } from '@pgs/domain';
import type { z } from 'zod';
import type { projectFilterSchema, projectListQuerySchema, ProjectView } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { projectEvents, projects } from './projects.table.ts';
import { currentProjectSettings, negotiationWindowDaysSql } from './project-settings.service.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { perDatabase } from '../platform/change-signals.ts';
import { preparedRows } from '../platform/prepared-rows.ts';
import { pageLimit } from '../platform/page-limit.ts';
import { objectPicker } from '../platform/object-literal.ts';
import { findProject, assertVisible, circulationsOf, displayNames, toView, type ProjectRow } from './project-rows.ts';

export async function getProject(db: Db, actor: Actor, id: number, now: Date) {
  requirePermission(actor, 'projects.read');
  const row = await findProject(db, id);
  assertVisible(actor, row);
  const [first, history, settings, circulations] = await Promise.all([
    row.duplicateOf ? findProject(db, row.duplicateOf) : undefined,
    db.select().from(projectEvents).where(eq(projectEvents.projectId, id)).orderBy(projectEvents.id),
    currentProjectSettings(db),
    circulationsOf(db, [row]),
  ]);
  const names = await displayNames(db, [...history.map((event) => event.actorName), row.reportedBy]);
  return {
    ...toView(row, first, shanghaiDay(now), settings.negotiationWindowDays, circulations.get(row.id)),
    reportedBy: names.get(row.reportedBy) ?? row.reportedBy,
    history: history.map((event) => ({
      ...event,
      at: event.at.toISOString(),
      actorDisplayName: names.get(event.actorName) ?? event.actorName,
    })),
  };
}

type LedgerFilter = z.infer<typeof projectFilterSchema>;

/** Which conditions a ledger filter has: one prepared statement per shape (issue #15: the list's per-request cost). */
type LedgerShape = {
  scope: boolean;
  platform: boolean;
  status: boolean;
  category: boolean;
  sizeTier: boolean;
  overdue: boolean | undefined;
  q: boolean;
};

type LedgerValues = {
  scope: string;
  platformKey: string;
  status: string;
  category: string;
  minInvestment: string;
  trackedBefore: string;
  pattern: string;
};

/** A platform user is held to its own platform whatever it asks for (D10). */
function ledgerFilterOf(actor: Actor, filter: LedgerFilter, today: string, windowDays: number) {
  const scope = platformScope(actor);
  const shape: LedgerShape = {
    scope: scope !== null,
    platform: scope === null && filter.platformKey !== undefined,
    status: filter.status !== undefined,
    category: filter.category !== undefined,
    sizeTier: filter.sizeTier !== undefined,
    overdue: filter.overdue,
    q: filter.q !== undefined,
  };
  const values: LedgerValues = {
    scope: scope ?? '',
    platformKey: filter.platformKey ?? '',
    status: filter.status ?? '',
    category: filter.category ?? '',
    minInvestment: filter.sizeTier ? String(SIZE_TIERS[filter.sizeTier]) : '',
    trackedBefore: overdueIfTrackedBefore(today, windowDays),
    pattern: filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '',
  };
  return { shape, values };
}

/** The ledger's filters as SQL, their values given by `value` (the values themselves, or placeholders to prepare). */
function ledgerCondition(shape: LedgerShape, value: (name: keyof LedgerValues) => SQLWrapper) {
  const where: SQL[] = [];
  // D10: a platform also lists the projects it reported that circulated away (read-only there, with its share).
  if (shape.scope)
    where.push(or(eq(projects.platformKey, value('scope')), eq(projects.reportedPlatformKey, value('scope')))!);
  else if (shape.platform) where.push(eq(projects.platformKey, value('platformKey')));
  if (shape.status) where.push(eq(projects.status, value('status')));
  if (shape.category) where.push(eq(projects.categoryAtReport, value('category')));
  if (shape.sizeTier) where.push(gte(projects.totalInvestment, value('minInvestment')));
  if (shape.overdue !== undefined) {
    const overdue = and(
      inArray(projects.status, ['tracked', 'negotiating']),
      lt(projects.trackedOn, value('trackedBefore')),
    )!;
    where.push(shape.overdue ? overdue : not(overdue));
  }
  if (shape.q) where.push(or(ilike(projects.name, value('pattern')), ilike(projects.investorName, value('pattern')))!);
  return where.length ? and(...where) : undefined;
}

/** The columns a ledger row shows (the identity key and the time of the last change are not shown). */
const ledgerColumns = {
  id: projects.id,
  name: projects.name,
  platformKey: projects.platformKey,
  reportedPlatformKey: projects.reportedPlatformKey,
  investorName: projects.investorName,
  investorCreditCode: projects.investorCreditCode,
  industryCode: projects.industryCode,
  totalInvestment: projects.totalInvestment,
  fixedAssetInvestment: projects.fixedAssetInvestment,
  landMu: projects.landMu,
  expectedAnnualTax: projects.expectedAnnualTax,
  expectedAnnualOutput: projects.expectedAnnualOutput,
  description: projects.description,
  categoryAtReport: projects.categoryAtReport,
  catalogVersionAtReport: projects.catalogVersionAtReport,
  status: projects.status,
  version: projects.version,
  firstReport: projects.firstReport,
  duplicateOf: projects.duplicateOf,
  reportedAt: projects.reportedAt,
  reportedBy: projects.reportedBy,
  trackedOn: projects.trackedOn,
  landedOn: projects.landedOn,
  closedReason: projects.closedReason,
};

/**
 * The page of one shape with its count and the negotiation window in one statement. The count and the window travel
 * with each row of the page; only a page past the end, which has no row, asks for them apart.
 *
 * The page's ids are found first and only those 50 rows are read whole (a "deferred join"): the ids of the rows a page
 * skips come from the (platform, status, id) index alone. Asked for whole rows with an OFFSET, PostgreSQL chose to walk
 * the primary key backwards and read every row it skipped: 8.2 ms for page 20 of 3 334 rows, 0.85 ms this way
 * (issue #15, the ledger's p99).
 */
function ledgerPageQuery(db: Db, condition: SQL | undefined, limit: Placeholder) {
  const pageIds = db
    .select({ id: projects.id })
    .from(projects)
    .where(condition)
    .orderBy(desc(projects.id))
    .limit(limit)
    .offset(sql.placeholder('offset'));
  return db
    .select({
      ...ledgerColumns,
      total: sql<number>`(${countedQuery(db, condition)})`.mapWith(Number),
      windowDays: negotiationWindowDaysSql(),
    })
    .from(projects)
    .where(inArray(projects.id, pageIds))
    .orderBy(desc(projects.id));
}

const countedQuery = (db: Db, condition: SQL | undefined) =>
  db.select({ value: count() }).from(projects).where(condition);

/** The page and the count of one shape, prepared once per database handle under a name of that shape and size. */
function preparedLedger(db: Db, shape: LedgerShape, page: ReturnType<typeof pageLimit>) {
  const condition = ledgerCondition(shape, (name) => sql.placeholder(name));
  const name = `pgs_ledger_${Object.values(shape)
    .map((on) => (on === undefined ? 'u' : on ? '1' : '0'))
    .join('')}`;
  return {
    page: preparedRows(db, ledgerPageQuery(db, condition, page.limit), `${name}_page_${page.key}`),
    count: countedQuery(db, condition).prepare(`${name}_count`),
  };
}

const preparedByShape = perDatabase(() => new Map<string, ReturnType<typeof preparedLedger>>());

type LedgerQuery = z.infer<typeof projectListQuerySchema>;

/** A page's filter and the values of its statement's placeholders. */
async function ledgerPageOf(db: Db, actor: Actor, query: LedgerQuery, today: string) {
  // The window is needed before the query only when filtering on overdue; otherwise it is read with the page.
  const filterWindow =
    query.overdue === undefined
      ? DEFAULT_NEGOTIATION_WINDOW_DAYS
      : (await currentProjectSettings(db)).negotiationWindowDays;
  const { shape, values } = ledgerFilterOf(actor, query, today, filterWindow);
  return {
    shape,
    values,
    pageValues: { ...values, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  };
}

/**
 * The statement a ledger page sends for this user and query, as PostgreSQL receives it: the benchmark times the same
 * text with the same values straight through `pg` (issue #15: the API against its own SQL).
 */
export async function ledgerPageStatement(db: Db, actor: Actor, query: LedgerQuery, now: Date) {
  const { shape, pageValues } = await ledgerPageOf(db, actor, query, shanghaiDay(now));
  const condition = ledgerCondition(shape, (name) => sql.placeholder(name));
  const statement = ledgerPageQuery(db, condition, pageLimit(query.pageSize).limit).toSQL();
  return { text: statement.sql, values: fillPlaceholders(statement.params, pageValues) };
}

/** One picker per set of fields asked for, kept (a bounded few: the ledger asks with one set). */
const pickers = new Map<string, (view: ProjectView) => Partial<ProjectView> & Pick<ProjectView, 'id'>>();
const MAX_PICKERS = 64;

/** The fields a ledger page asked for of each project (`fields`, issue #15: the answer carries only what is shown). */
function pickerOf(fields: readonly (keyof ProjectView)[]) {
  const key = fields.join(',');
  let pick = pickers.get(key);
  if (!pick) {
    if (pickers.size >= MAX_PICKERS) pickers.clear();
    pickers.set(key, (pick = objectPicker(fields)));
  }
  return pick;
}

/** A ledger page as GET /projects answers it: with only the fields asked for when `fields` was given. */
export async function listProjectsAnswer(db: Db, actor: Actor, query: LedgerQuery, now: Date) {
  const page = await listProjects(db, actor, query, now);
  return query.fields ? { ...page, items: page.items.map(pickerOf(query.fields)) } : page;
}

export async function listProjects(db: Db, actor: Actor, query: LedgerQuery, now: Date) {
  requirePermission(actor, 'projects.read');
  const today = shanghaiDay(now);
  const { shape, values, pageValues } = await ledgerPageOf(db, actor, query, today);
  const page = pageLimit(query.pageSize);
  const key = `${Object.values(shape).join('|')}|${page.key}`;
  const statements = preparedByShape(db);
  let prepared = statements.get(key);
  if (!prepared) statements.set(key, (prepared = preparedLedger(db, shape, page)));
  const rows = await prepared.page(pageValues);
  const [total, negotiationWindowDays] = rows[0]
    ? [rows[0].total, rows[0].windowDays]
    : await Promise.all([
        prepared.count.execute(values).then(([row]) => row!.value),
        currentProjectSettings(db).then((s) => s.negotiationWindowDays),
      ]);
  const circulations = await circulationsOf(db, rows);
  return {
    items: rows.map((row) => toView(row, undefined, today, negotiationWindowDays, circulations.get(row.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every ledger row the filter selects, newest first, read in batches so a large export never sits whole in memory. */
export async function* ledgerRows(db: Db, actor: Actor, filter: z.infer<typeof projectFilterSchema>, now: Date) {
  requirePermission(actor, 'projects.read');
  const today = shanghaiDay(now);
  const { negotiationWindowDays } = await currentProjectSettings(db);
  const { shape, values } = ledgerFilterOf(actor, filter, today, negotiationWindowDays);
  const condition = ledgerCondition(shape, (name) => sql`${values[name]}`);
  let before: number | null = null;
  for (;;) {
    const page: SQL | undefined = before === null ? condition : and(condition, lt(projects.id, before));
    const batch: ProjectRow[] = await db.select().from(projects).where(page).orderBy(desc(projects.id)).limit(1000);
    const circulations = await circulationsOf(db, batch);
    for (const row of batch) yield toView(row, undefined, today, negotiationWindowDays, circulations.get(row.id));
    if (batch.length < 1000) return;
    before = batch.at(-1)!.id;
  }
}

import { and, count, desc, eq, gte, ilike, inArray, lt, not, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import {
  checkTransition,
  checkUndo,
  DEFAULT_NEGOTIATION_WINDOW_DAYS,
  earliestStageDate,
  stageDateProblem,
  undoReason,
  isNegotiationOverdue,
  landInMu,
  negotiationDeadline,
  overdueIfTrackedBefore,
  SIZE_TIERS,
  normaliseOrgName,
  normaliseProjectName,
  shanghaiDay,
  type PlatformKey,
  type ProjectView,
  type ReportProjectInput,
} from '@pgs/domain';
import type { z } from 'zod';
import type { projectFilterSchema, projectListQuerySchema, transitionSchema, undoTransitionSchema } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classify } from '../catalog/catalog.service.ts';
import { projectCirculations, projectEvents, projectIdentities, projects } from './projects.table.ts';
import { displayNamesOf } from '../users/users.service.ts';
import { latestEvaluation } from './access-evaluations.repository.ts';
import { currentProjectSettings, negotiationWindowDaysSql } from './project-settings.service.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { stageFiguresOn } from './project-stages-on.repository.ts';
import { perDatabase } from '../platform/change-signals.ts';
import { preparedRows } from '../platform/prepared-rows.ts';

export type ProjectRow = typeof projects.$inferSelect;

/** D9: the same investor (credit code, else normalised name) and the same normalised project name. */
export function projectIdentityKey(input: {
  investorName: string;
  investorCreditCode?: string | null;
  name: string;
}): string {
  const investor = input.investorCreditCode
    ? `code:${input.investorCreditCode}`
    : `name:${normaliseOrgName(input.investorName)}`;
  return `${investor}|${normaliseProjectName(input.name)}`;
}

/**
 * D10: a platform user sees only its own platform's projects, and those it reported that circulated away (it keeps
 * part of their credit, so it reads them); others do not learn that the id exists.
 */
export function assertVisible(actor: Actor, row: ProjectRow | undefined): asserts row is ProjectRow {
  if (!row) throw notFound('项目不存在');
  if (
    actor.role === 'platform' &&
    row.platformKey !== actor.platformKey &&
    row.reportedPlatformKey !== actor.platformKey
  )
    throw notFound('项目不存在');
}

/** D10: the first-negotiation platform reads a circulated project but the host platform acts on it. */
export function assertHolder(actor: Actor, row: ProjectRow): void {
  if (actor.role === 'platform' && row.platformKey !== actor.platformKey)
    throw forbidden('该项目已流转至其他平台，由注册落户地平台办理，本平台只能查看');
}

/** R2.3 首报登记: saved as first report, or as a duplicate linked to the first — decided by the database. */
export async function reportProject(db: Db, actor: Actor, input: ReportProjectInput, now: Date) {
  requirePermission(actor, 'projects.report');
  if (actor.role === 'platform' && input.platformKey !== actor.platformKey)
    throw forbidden('平台用户只能为本平台登记项目');
  const land = landInMu(input);
  if ('problem' in land) throw new AppError(400, 'BAD_REQUEST', land.problem);
  const classification = await classify(db, actor, input.platformKey, { industryCode: input.industryCode }, now);
  // A name of punctuation alone normalises to nothing; two such reports must not count as the same project.
  if (!normaliseProjectName(input.name) || (!input.investorCreditCode && !normaliseOrgName(input.investorName))) {
    throw new AppError(400, 'BAD_REQUEST', '项目名称和投资方名称必须包含文字或数字');
  }
  const identityKey = projectIdentityKey(input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        name: input.name,
        platformKey: input.platformKey,
        reportedPlatformKey: input.platformKey,
        investorName: input.investorName,
        investorCreditCode: input.investorCreditCode ?? null,
        identityKey,
        industryCode: classification.industryCode,
        totalInvestment: input.totalInvestment,
        fixedAssetInvestment: input.fixedAssetInvestment,
        landMu: land.mu?.toString() ?? null,
        expectedAnnualTax: input.expectedAnnualTax,
        expectedAnnualOutput: input.expectedAnnualOutput ?? null,
        description: input.description ?? '',
        categoryAtReport: classification.category,
        catalogVersionAtReport: classification.catalogVersion,
        status: 'reported',
        firstReport: false,
        reportedAt: now,
        reportedBy: actor.username,
        updatedAt: now,
      })
      .returning({ id: projects.id });
    const projectId = row!.id;
    // The primary key on identity_key serialises simultaneous reports: the one whose insert lands is first, the
    // others wait for it to commit and then insert nothing.
    const claimed = await tx
      .insert(projectIdentities)
      .values({ identityKey, firstProjectId: projectId })
      .onConflictDoNothing()
      .returning();
    let duplicateOf: number | null = null;
    if (claimed.length === 0) {
      const [first] = await tx.select().from(projectIdentities).where(eq(projectIdentities.identityKey, identityKey));
      duplicateOf = first!.firstProjectId;
    }
    await tx
      .update(projects)
      .set({ firstReport: duplicateOf === null, duplicateOf })
      .where(eq(projects.id, projectId));
    await tx.insert(projectEvents).values({
      projectId,
      version: 1,
      kind: 'reported',
      fromStatus: null,
      toStatus: 'reported',
      reason: duplicateOf === null ? null : `重复报送，首报为项目 #${duplicateOf}`,
      effectiveDate: shanghaiDay(now),
      details: {
        category: classification.category,
        catalogVersion: classification.catalogVersion,
        explanation: classification.explanation,
      },
      at: now,
      actorName: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'projects.report', entityType: 'project', entityId: projectId, after: { ...input, duplicateOf } },
      now,
    );
    return projectId;
  });
  return getProject(db, actor, id, now);
}

export async function findProject(db: Db | Tx, id: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

/** `windowDays` is the negotiation window in force now: changing it re-dates every open negotiation's deadline. */
type CirculationRow = typeof projectCirculations.$inferSelect;

/** What a project's view reads of its row: every column but the identity key and the time of the last change. */
type ViewedRow = Omit<ProjectRow, 'identityKey' | 'updatedAt'>;

function toView(
  row: ViewedRow,
  first: ProjectRow | undefined,
  today: string,
  windowDays: number,
  circulation?: CirculationRow,
): ProjectView {
  return {
    id: row.id,
    name: row.name,
    platformKey: row.platformKey,
    reportedPlatformKey: row.reportedPlatformKey,
    investorName: row.investorName,
    investorCreditCode: row.investorCreditCode,
    industryCode: row.industryCode,
    totalInvestment: row.totalInvestment,
    fixedAssetInvestment: row.fixedAssetInvestment,
    landMu: row.landMu,
    landless: row.landMu === null,
    expectedAnnualTax: row.expectedAnnualTax,
    expectedAnnualOutput: row.expectedAnnualOutput,
    description: row.description,
    category: row.categoryAtReport,
    catalogVersion: row.catalogVersionAtReport,
    status: row.status,
    version: row.version,
    firstReport: row.firstReport,
    duplicateOf: row.duplicateOf,
    firstReportInfo: first
      ? { projectId: first.id, platformKey: first.platformKey, reportedAt: first.reportedAt.toISOString() }
      : null,
    reportedAt: row.reportedAt.toISOString(),
    reportedBy: row.reportedBy,
    trackedOn: row.trackedOn,
    landedOn: row.landedOn,
    closedReason: row.closedReason,
    negotiationDeadline: row.trackedOn ? negotiationDeadline(row.trackedOn, windowDays) : null,
    overdue: isNegotiationOverdue(row.status, row.trackedOn, today, windowDays),
    circulation: circulation
      ? {
          fromPlatformKey: circulation.fromPlatformKey,
          toPlatformKey: circulation.toPlatformKey,
          firstPlaceShare: Number(circulation.firstPlaceShare),
          hostShare: Number(circulation.hostShare),
        }
      : null,
  };
}

/** The circulations of the given projects, by project id (one query for a page of the ledger). */
async function circulationsOf(
  db: Db,
  rows: Pick<ProjectRow, 'id' | 'platformKey' | 'reportedPlatformKey'>[],
): Promise<Map<number, CirculationRow>> {
  const moved = rows.filter((row) => row.platformKey !== row.reportedPlatformKey).map((row) => row.id);
  if (moved.length === 0) return new Map();
  const found = await db.select().from(projectCirculations).where(inArray(projectCirculations.projectId, moved));
  return new Map(found.map((c) => [c.projectId, c]));
}

/** People by their display names in the history (issue #9); the system's own steps read 系统. */
async function displayNames(db: Db, usernames: string[]): Promise<Map<string, string>> {
  // One query for all of them (issue #15: one per person was most of the demo seeding's user lookups).
  const nameOf = await displayNamesOf(db, usernames);
  return new Map(usernames.map((username) => [username, nameOf(username) ?? username]));
}

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
 * The page and the count of one shape, prepared once per database handle. One round trip: the count and the
 * negotiation window travel with each row of the page; only a page past the end, which has no row, asks for them apart.
 */
function preparedLedger(db: Db, shape: LedgerShape) {
  const condition = ledgerCondition(shape, (name) => sql.placeholder(name));
  const counted = db.select({ value: count() }).from(projects).where(condition);
  const name = `pgs_ledger_${Object.values(shape)
    .map((on) => (on === undefined ? 'u' : on ? '1' : '0'))
    .join('')}`;
  return {
    page: preparedRows(
      db,
      db
        .select({
          ...ledgerColumns,
          total: sql<number>`(${counted})`.mapWith(Number),
          windowDays: negotiationWindowDaysSql(),
        })
        .from(projects)
        .where(condition)
        .orderBy(desc(projects.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset')),
      `${name}_page`,
    ),
    count: counted.prepare(`${name}_count`),
  };
}

const preparedByShape = perDatabase(() => new Map<string, ReturnType<typeof preparedLedger>>());

export async function listProjects(db: Db, actor: Actor, query: z.infer<typeof projectListQuerySchema>, now: Date) {
  requirePermission(actor, 'projects.read');
  const today = shanghaiDay(now);
  // The window is needed before the query only when filtering on overdue; otherwise it is read with the page.
  const filterWindow =
    query.overdue === undefined
      ? DEFAULT_NEGOTIATION_WINDOW_DAYS
      : (await currentProjectSettings(db)).negotiationWindowDays;
  const { shape, values } = ledgerFilterOf(actor, query, today, filterWindow);
  const key = Object.values(shape).join('|');
  const statements = preparedByShape(db);
  let prepared = statements.get(key);
  if (!prepared) statements.set(key, (prepared = preparedLedger(db, shape)));
  const rows = await prepared.page({
    ...values,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
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

/**
 * R2.4 transition, D8's order: role (403), stale version (409), legal move (422). The UPDATE is conditional on the
 * version the user saw, so of two simultaneous moves exactly one changes the row and the history stays gapless.
 */
export async function transitionProject(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof transitionSchema>,
  now: Date,
) {
  await moveProject(db, actor, id, input, now);
  return getProject(db, actor, id, now);
}

/**
 * The stage move of `transitionProject` without reading the project back: returns its new version (issue #15: the
 * demo seeding moves ~170 times and needs only the version; reading the whole history back each time was waste).
 */
export async function moveProject(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof transitionSchema>,
  now: Date,
): Promise<number> {
  requirePermission(actor, 'projects.move');
  const row = await findProject(db, id);
  assertVisible(actor, row);
  assertHolder(actor, row);
  const evaluation = await latestEvaluation(db, id);
  const verdictFor = (current: ProjectRow) =>
    checkTransition({
      from: current.status,
      to: input.to,
      role: actor.role === 'system' ? 'bureau' : actor.role,
      actorPlatformKey: actor.platformKey,
      projectPlatformKey: current.platformKey,
      isDuplicate: !current.firstReport,
      hasEvaluation: evaluation !== undefined,
      latestEvaluationPasses: evaluation?.passes ?? false,
      reason: input.reason ?? null,
    });
  const early = verdictFor(row);
  if (!early.allowed && early.kind === 'forbidden') throw forbidden(early.message);
  if (row.version !== input.version)
    throw conflict(
      `项目已被他人修改（当前版本 ${row.version}，您看到的是 ${input.version}），请刷新后重试`,
      'STALE_VERSION',
    );
  if (!early.allowed) throw unprocessable('ILLEGAL_TRANSITION', early.message);
  const today = shanghaiDay(now);
  const effectiveDate = input.effectiveDate ?? today;
  // R2.4/D4 (#10.6): the day lies between the previous stage's day and today, so a landing cannot count in a year it never happened in.
  const events = await db.select().from(projectEvents).where(eq(projectEvents.projectId, id));
  const dateProblem = stageDateProblem({ date: effectiveDate, today, earliest: earliestStageDate(events) });
  if (dateProblem) throw unprocessable('BAD_STAGE_DATE', dateProblem);
  return db.transaction((tx) =>
    changeProject(
      tx,
      actor,
      row,
      input.version,
      {
        set: {
          status: input.to,
          ...(input.to === 'tracked' ? { trackedOn: effectiveDate } : {}),
          ...(input.to === 'landed' ? { landedOn: effectiveDate } : {}),
          ...(input.to === 'lost' || input.to === 'rejected' ? { closedReason: input.reason ?? null } : {}),
        },
        event: {
          kind: 'transition',
          fromStatus: row.status,
          toStatus: input.to,
          reason: input.reason ?? null,
          effectiveDate,
          details: moveAuthor(actor),
        },
        audit: {
          action: 'projects.transition',
          before: { status: row.status, version: row.version },
          after: { status: input.to, reason: input.reason ?? null, effectiveDate },
        },
      },
      now,
    ),
  );
}

/** Who made a move, kept with it so only the same role (and platform) may undo it. */
function moveAuthor(actor: Actor) {
  return { actorRole: actor.role === 'system' ? 'bureau' : actor.role, actorPlatformKey: actor.platformKey };
}

/**
 * Undo the newest stage move (issue #9): by the role that made it, within the configured window, as a new history
 * entry back to the stage before (history is never edited). Order as for a move: 403, then 409 on a stale
 * version, then 422.
 */
export async function undoTransition(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof undoTransitionSchema>,
  now: Date,
) {
  requirePermission(actor, 'projects.move');
  const row = await findProject(db, id);
  assertVisible(actor, row);
  assertHolder(actor, row);
  const [lastEvent] = await db
    .select()
    .from(projectEvents)
    .where(eq(projectEvents.projectId, id))
    .orderBy(desc(projectEvents.id))
    .limit(1);
  const { undoWindowDays } = await currentProjectSettings(db);
  const author = moveAuthor(actor);
  const verdict = checkUndo({
    lastEvent,
    projectVersion: row.version,
    actorRole: author.actorRole,
    actorPlatformKey: author.actorPlatformKey,
    now,
    windowDays: undoWindowDays,
  });
  if (!verdict.allowed && verdict.kind === 'forbidden') throw forbidden(verdict.message);
  if (row.version !== input.version)
    throw conflict(
      `项目已被他人修改（当前版本 ${row.version}，您看到的是 ${input.version}），请刷新后重试`,
      'STALE_VERSION',
    );
  if (!verdict.allowed) throw unprocessable('UNDO_REFUSED', verdict.message);
  const { backTo, undoing } = verdict;
  await db.transaction(async (tx) => {
    await changeProject(
      tx,
      actor,
      row,
      input.version,
      {
        set: {
          status: backTo,
          ...(undoing === 'tracked' ? { trackedOn: null } : {}),
          ...(undoing === 'landed' ? { landedOn: null } : {}),
          ...(undoing === 'lost' || undoing === 'rejected' ? { closedReason: null } : {}),
        },
        event: {
          kind: 'undo',
          fromStatus: undoing,
          toStatus: backTo,
          reason: undoReason(undoing, backTo),
          effectiveDate: shanghaiDay(now),
          details: { undoneEventId: lastEvent!.id, ...author },
        },
        audit: {
          action: 'projects.transition_undo',
          before: { status: undoing, version: row.version },
          after: { status: backTo, undoneEventId: lastEvent!.id },
        },
      },
      now,
    );
  });
  return getProject(db, actor, id, now);
}

type ProjectChange = {
  set: Partial<typeof projects.$inferInsert>;
  event: Omit<typeof projectEvents.$inferInsert, 'projectId' | 'version' | 'at' | 'actorName'>;
  audit: { action: string; before?: unknown; after?: unknown };
};

/**
 * Every change of a project goes through here (D8): the UPDATE holds only if the row still has the version the
 * user saw, raises it by one, and writes the history event and the audit record in the same transaction.
 */
export async function changeProject(
  tx: Tx,
  actor: Actor,
  row: ProjectRow,
  expectedVersion: number,
  change: ProjectChange,
  now: Date,
): Promise<number> {
  const changed = await tx
    .update(projects)
    .set({ ...change.set, version: sql`${projects.version} + 1`, updatedAt: now })
    .where(and(eq(projects.id, row.id), eq(projects.version, expectedVersion)))
    .returning({ version: projects.version });
  if (changed.length === 0) throw conflict('项目已被他人修改，请刷新后重试', 'STALE_VERSION');
  const version = changed[0]!.version;
  await tx
    .insert(projectEvents)
    .values({ ...change.event, projectId: row.id, version, at: now, actorName: actor.username });
  await recordAudit(
    tx,
    actor,
    {
      action: change.audit.action,
      entityType: 'project',
      entityId: row.id,
      before: change.audit.before,
      after: change.audit.after,
    },
    now,
  );
  return version;
}

/** Whether any project of the ledger names this investor credit code (the land module checks a parcel's holder). */
export async function investorCreditCodeKnown(db: Db | Tx, creditCode: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.investorCreditCode, creditCode))
    .limit(1);
  return row !== undefined;
}

/**
 * For the targets module's funnel and maps (issue #13): every first-reported project's link keys and dates, no
 * permission check (the targets service checks its own first and holds the platform scope). `reportedOn` is the
 * Asia/Shanghai day of the report. Duplicates (D9) are left out: they are the same project.
 */
export async function projectsForTargets(db: Db, platformKeys: readonly PlatformKey[] | null) {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      platformKey: projects.platformKey,
      reportedPlatformKey: projects.reportedPlatformKey,
      creditCode: projects.investorCreditCode,
      reportedOn: sql<string>`to_char(${projects.reportedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
      landedOn: projects.landedOn,
    })
    .from(projects)
    .where(
      and(
        eq(projects.firstReport, true),
        platformKeys === null ? undefined : inArray(projects.reportedPlatformKey, [...platformKeys]),
      ),
    );
  return rows.map((row) => ({ ...row, status: row.status }));
}

/**
 * For the targets funnel (issue #13): the first reports as an SQL subquery — (id, code, platform, reported, landed),
 * `reported` the Asia/Shanghai day — that the targets module embeds in its one statement. The projects module keeps
 * its table to itself (the targets module never names it) while the database joins with the table's statistics and
 * nothing is shipped to Node and back (the bench: handing ~6 700 rows over as a jsonb parameter cost most of the
 * API's overhead).
 */
export function firstReportsForTargets(platformKeys: readonly PlatformKey[] | null): SQL {
  const where = and(
    eq(projects.firstReport, true),
    platformKeys === null ? undefined : inArray(projects.reportedPlatformKey, [...platformKeys]),
  );
  return sql`SELECT ${projects.id} AS id, ${projects.investorCreditCode} AS code,
    ${projects.reportedPlatformKey} AS platform,
    (${projects.reportedAt} AT TIME ZONE 'Asia/Shanghai')::date AS reported, ${projects.landedOn} AS landed
    FROM ${projects} WHERE ${where}`;
}

/** For the Wenzhou map (issue #13): how many projects each platform holds in each stage; no permission check. */
export async function projectStageCounts(db: Db) {
  return db
    .select({ platformKey: projects.platformKey, status: projects.status, count: count() })
    .from(projects)
    .where(eq(projects.firstReport, true))
    .groupBy(projects.platformKey, projects.status);
}

/**
 * For the cockpit (issue #14): first reports per platform and stage with the sum of their total investment (万元,
 * exact text); no permission check (the cockpit checks its own and scopes a platform user). With `day` before today,
 * as they stood at the end of that day (replayed from the dated history, project-stages-on.repository.ts).
 */
export async function projectStageFigures(db: Db, day?: string) {
  if (day !== undefined) return stageFiguresOn(db, day);
  const rows = await db
    .select({
      platformKey: projects.platformKey,
      status: projects.status,
      count: count(),
      investment: sql<string>`coalesce(sum(${projects.totalInvestment}), 0)::text`,
    })
    .from(projects)
    .where(eq(projects.firstReport, true))
    .groupBy(projects.platformKey, projects.status);
  return rows;
}

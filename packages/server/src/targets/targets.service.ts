import { and, eq } from 'drizzle-orm';
import {
  divisionProblem,
  hasBeenContacted,
  industryReasonProblem,
  shanghaiDay,
  statusMoveProblem,
  targetTier,
  type CreateTargetInput,
  type PlatformKey,
  type TargetStatus,
  type UpdateTargetInput,
} from '@pgs/domain';
import type { z } from 'zod';
import type { targetFilterSchema, targetListQuerySchema } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { firstRow } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classify } from '../catalog/catalog.service.ts';
import { industriesByCode } from '../reference/reference.service.ts';
import { getProject, projectsForTargets } from '../projects/projects.service.ts';
import { targetEvents, targets } from './targets.table.ts';
import {
  findTargetRow,
  lineageEvents,
  lineageRows,
  listAfter,
  listCondition,
  listPage,
  lockQuarter,
  type TargetRowWithChannel,
} from './targets.repository.ts';
import { findChannelRow } from './channels.repository.ts';
import { tripsOfLineage } from './target-trips.repository.ts';
import { toTargetView } from './target-view.ts';

/**
 * The target-enterprise library (拟招引目标企业库, R2.7, issue #13): one use case per function, each in one
 * transaction with its audit row; every rule is the domain's (tiers D24, HQ list, status moves, the reason for a
 * non-encouraged industry). A platform user sees and keeps only its own platform's targets (D10: 404 otherwise).
 */

type Filter = z.infer<typeof targetFilterSchema>;

export function assertTargetVisible(
  actor: Actor,
  row: TargetRowWithChannel | undefined,
): asserts row is TargetRowWithChannel {
  const scope = platformScope(actor);
  if (!row || (scope !== null && row.platformKey !== scope)) throw notFound('目标企业不存在');
}

export const quarterClosed = (quarter: string) =>
  conflict(`${quarter} 季度的目标企业库已关闭，只能查看，不能修改`, 'QUARTER_CLOSED');

async function industryNames(db: Db, codes: string[]) {
  const names = await industriesByCode(db, [...new Set(codes)]);
  return new Map([...names].map(([code, industry]) => [code, industry.name]));
}

/** The checks every save shares: HQ from the list, the catalog class and its reason, the channel of the platform. */
async function checkedFields(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  input: Omit<CreateTargetInput, 'platformKey' | 'quarter'>,
  now: Date,
) {
  const division = divisionProblem(input.hqProvince, input.hqCity);
  if (division) throw unprocessable('UNKNOWN_DIVISION', division);
  const classification = await classify(db, actor, platformKey, { industryCode: input.industryCode }, now);
  const reasonProblem = industryReasonProblem(classification.category, input.reason);
  if (reasonProblem) throw unprocessable('TARGET_REFUSED', reasonProblem);
  if (input.channelId != null) {
    const channel = await findChannelRow(db, input.channelId);
    if (!channel || channel.platformKey !== platformKey)
      throw unprocessable('TARGET_REFUSED', `渠道编号 ${input.channelId} 不是本平台的招商渠道`);
  }
  return {
    name: input.name,
    creditCode: input.creditCode ?? null,
    types: [...new Set(input.types)],
    hqProvince: input.hqProvince,
    hqCity: input.hqCity,
    industryCode: classification.industryCode,
    category: classification.category,
    catalogVersion: classification.catalogVersion,
    expectedInvestment: input.expectedInvestment,
    tier: targetTier(input.expectedInvestment),
    plan: {
      path: input.plan.path ?? '',
      planning: input.plan.planning ?? '',
      strategy: input.plan.strategy ?? '',
      tactics: input.plan.tactics ?? '',
    },
    owner: input.owner,
    reason: input.reason?.trim() || null,
    channelId: input.channelId ?? null,
  };
}

function assertMayWrite(actor: Actor, platformKey: PlatformKey) {
  requirePermission(actor, 'targets.edit');
  const scope = platformScope(actor);
  if (scope !== null && scope !== platformKey) throw forbidden('平台用户只能维护本平台的目标企业库');
}

/** `POST /targets`: a new enterprise in a quarter's library (also what a trip's "new enterprise met" calls). */
export async function createTarget(db: Db, actor: Actor, input: CreateTargetInput, now: Date) {
  return getTarget(db, actor, await createTargetRow(db, actor, input, now), now);
}

/** createTarget without reading the target back (the demo and bulk callers): answers the new id. */
export async function createTargetRow(db: Db, actor: Actor, input: CreateTargetInput, now: Date): Promise<number> {
  assertMayWrite(actor, input.platformKey);
  const fields = await checkedFields(db, actor, input.platformKey, input, now);
  const status = input.status;
  const statusReason = status === 'dropped' ? (input.statusReason?.trim() ?? '') : null;
  if (statusReason === '') throw unprocessable('TARGET_REFUSED', '放弃目标企业必须填写原因');
  const today = shanghaiDay(now);
  const id = await db.transaction(async (tx) => {
    const quarter = await lockQuarter(tx, input.platformKey, input.quarter);
    if (quarter.closedAt) throw quarterClosed(input.quarter);
    if (fields.creditCode) await assertCodeFree(tx, input.platformKey, input.quarter, fields.creditCode, null);
    const inserted = await tx
      .insert(targets)
      .values({
        ...fields,
        lineageId: 0,
        platformKey: input.platformKey,
        quarter: input.quarter,
        status,
        statusReason,
        identifiedOn: today,
        contactedOn: hasBeenContacted(status) ? today : null,
        createdAt: now,
        createdBy: actor.username,
        updatedAt: now,
      })
      .returning({ id: targets.id });
    const targetId = firstRow(inserted, 'insert target').id;
    await tx.update(targets).set({ lineageId: targetId }).where(eq(targets.id, targetId));
    await tx.insert(targetEvents).values({
      targetId,
      lineageId: targetId,
      quarter: input.quarter,
      kind: 'created',
      fromStatus: null,
      toStatus: status,
      reason: fields.reason,
      details: { category: fields.category, catalogVersion: fields.catalogVersion, tier: fields.tier },
      at: now,
      actorName: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'targets.create', entityType: 'target', entityId: targetId, after: input },
      now,
    );
    return targetId;
  });
  return id;
}

/** One enterprise once per platform and quarter: the same credit code twice is refused. */
async function assertCodeFree(
  tx: Tx,
  platformKey: PlatformKey,
  quarter: string,
  creditCode: string,
  exceptId: number | null,
) {
  const same = await tx
    .select({ id: targets.id })
    .from(targets)
    .where(and(eq(targets.platformKey, platformKey), eq(targets.quarter, quarter), eq(targets.creditCode, creditCode)));
  const other = same.find((row) => row.id !== exceptId);
  if (other)
    throw conflict(`统一社会信用代码 ${creditCode} 已在本季度目标企业库中（编号 ${other.id}）`, 'CONFLICT', {
      targetId: other.id,
    });
}

/** `PUT /targets/:id`: every field again, with the version the user saw; a status move follows the domain's rule. */
export async function updateTarget(db: Db, actor: Actor, id: number, input: UpdateTargetInput, now: Date) {
  await updateTargetRow(db, actor, id, input, now);
  return getTarget(db, actor, id, now);
}

/** updateTarget without reading the target back (the demo). */
export async function updateTargetRow(db: Db, actor: Actor, id: number, input: UpdateTargetInput, now: Date) {
  requirePermission(actor, 'targets.edit');
  const before = await findTargetRow(db, id);
  assertTargetVisible(actor, before);
  assertMayWrite(actor, before.platformKey);
  const fields = await checkedFields(db, actor, before.platformKey, input, now);
  const from = before.status;
  const moveProblem = statusMoveProblem(from, input.status, input.statusReason);
  if (moveProblem) throw unprocessable('TARGET_REFUSED', moveProblem);
  const today = shanghaiDay(now);
  await db.transaction(async (tx) => {
    const quarter = await lockQuarter(tx, before.platformKey, before.quarter);
    if (quarter.closedAt) throw quarterClosed(before.quarter);
    if (fields.creditCode) await assertCodeFree(tx, before.platformKey, before.quarter, fields.creditCode, id);
    const updated = await tx
      .update(targets)
      .set({
        ...fields,
        status: input.status,
        statusReason: input.status === 'dropped' ? (input.statusReason?.trim() ?? before.statusReason) : null,
        contactedOn: before.contactedOn ?? (hasBeenContacted(input.status) ? today : null),
        version: input.version + 1,
        updatedAt: now,
      })
      .where(and(eq(targets.id, id), eq(targets.version, input.version)))
      .returning({ id: targets.id });
    if (updated.length === 0) throw staleVersion('该目标企业');
    await tx.insert(targetEvents).values({
      targetId: id,
      lineageId: before.lineageId,
      quarter: before.quarter,
      kind: from === input.status ? 'updated' : 'status',
      fromStatus: from,
      toStatus: input.status,
      reason: input.status === 'dropped' ? (input.statusReason ?? null) : null,
      details: changedFields(before, fields),
      at: now,
      actorName: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'targets.update', entityType: 'target', entityId: id, before: auditedTarget(before), after: input },
      now,
    );
  });
}

function auditedTarget(row: TargetRowWithChannel) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** The names of the fields a save changed, for the history (the audit trail keeps before and after). */
function changedFields(before: TargetRowWithChannel, after: Record<string, unknown>) {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[key];
    const same =
      key === 'expectedInvestment'
        ? Number(old) === Number(value)
        : JSON.stringify(old ?? null) === JSON.stringify(value ?? null);
    if (!same) changed.push(key);
  }
  return { changed };
}

/** `POST /targets/:id/project`: link (or unlink, null) a project the user can see; a reported project is 已报项目. */
export async function linkTargetProject(
  db: Db,
  actor: Actor,
  id: number,
  input: { projectId: number | null; version: number },
  now: Date,
) {
  await linkTargetProjectRow(db, actor, id, input, now);
  return getTarget(db, actor, id, now);
}

/** linkTargetProject without reading the target back (the demo). */
export async function linkTargetProjectRow(
  db: Db,
  actor: Actor,
  id: number,
  input: { projectId: number | null; version: number },
  now: Date,
) {
  requirePermission(actor, 'targets.edit');
  const before = await findTargetRow(db, id);
  assertTargetVisible(actor, before);
  assertMayWrite(actor, before.platformKey);
  // A target first linked without a contact date was contacted by the day its project was reported at the latest.
  let contactDay = shanghaiDay(now);
  if (input.projectId !== null) {
    // 404 for a project the user may not see (D10), through the projects service only.
    const project = await getProject(db, actor, input.projectId, now);
    const reportDay = shanghaiDay(new Date(project.reportedAt));
    if (reportDay < contactDay) contactDay = reportDay;
    if (project.reportedPlatformKey !== before.platformKey && project.platformKey !== before.platformKey)
      throw unprocessable('TARGET_REFUSED', '只能关联本平台登记的项目');
  }
  await db.transaction(async (tx) => {
    const quarter = await lockQuarter(tx, before.platformKey, before.quarter);
    if (quarter.closedAt) throw quarterClosed(before.quarter);
    const linking = input.projectId !== null;
    const status: TargetStatus = linking && before.status !== 'dropped' ? 'reported' : before.status;
    const updated = await tx
      .update(targets)
      .set({
        projectId: input.projectId,
        status,
        contactedOn: before.contactedOn ?? (linking ? contactDay : null),
        version: input.version + 1,
        updatedAt: now,
      })
      .where(and(eq(targets.id, id), eq(targets.version, input.version)))
      .returning({ id: targets.id });
    if (updated.length === 0) throw staleVersion('该目标企业');
    await tx.insert(targetEvents).values({
      targetId: id,
      lineageId: before.lineageId,
      quarter: before.quarter,
      kind: linking ? 'linked' : 'unlinked',
      fromStatus: before.status,
      toStatus: status,
      reason: null,
      details: { projectId: input.projectId, previous: before.projectId },
      at: now,
      actorName: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'targets.link_project',
        entityType: 'target',
        entityId: id,
        before: { projectId: before.projectId },
        after: input,
      },
      now,
    );
  });
}

/** `GET /targets/:id`: the target, its rows over the quarters, its history, the project it led to and its trips. */
export async function getTarget(db: Db, actor: Actor, id: number, _now: Date) {
  requirePermission(actor, 'targets.read');
  const row = await findTargetRow(db, id);
  assertTargetVisible(actor, row);
  const [names, quarters, events, project, trips] = await Promise.all([
    industryNames(db, [row.industryCode]),
    lineageRows(db, row.lineageId),
    lineageEvents(db, row.lineageId),
    linkedProject(db, row),
    tripsOfLineage(db, row.lineageId),
  ]);
  return {
    ...toTargetView(row, names),
    quarters: quarters.map((q) => ({ ...q, status: q.status })),
    history: events.map((event) => ({ ...event, at: event.at.toISOString() })),
    project,
    trips,
  };
}

/** The project a target led to: the one the user linked, else the first report of its credit code on its platform. */
async function linkedProject(db: Db, row: TargetRowWithChannel) {
  if (row.projectId === null && row.creditCode === null) return null;
  const candidates = await projectsForTargets(db, [row.platformKey]);
  const byUser = row.projectId === null ? undefined : candidates.find((p) => p.id === row.projectId);
  const byCode = candidates
    .filter((p) => row.creditCode !== null && p.creditCode === row.creditCode)
    .sort((a, b) => a.reportedOn.localeCompare(b.reportedOn) || a.id - b.id)[0];
  const project = byUser ?? (row.projectId === null ? byCode : undefined);
  if (!project) return null;
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    reportedOn: project.reportedOn,
    landedOn: project.landedOn,
    linkedBy: byUser ? ('user' as const) : ('creditCode' as const),
  };
}

function scopedFilter(actor: Actor, filter: Filter) {
  const scope = platformScope(actor);
  return { ...filter, platformKey: scope ?? filter.platformKey ?? null };
}

/** `GET /targets`: the library, filtered, a page at a time. */
export async function listTargets(db: Db, actor: Actor, query: z.infer<typeof targetListQuerySchema>) {
  requirePermission(actor, 'targets.read');
  const { page, pageSize, sort } = query;
  const { rows, total } = await listPage(
    db,
    listCondition(scopedFilter(actor, query)),
    pageSize,
    (page - 1) * pageSize,
    sort,
  );
  const names = await industryNames(
    db,
    rows.map((row) => row.industryCode),
  );
  return { items: rows.map((row) => toTargetView(row, names)), total, page, pageSize };
}

/** `GET /targets/export.xlsx`: every row of the filter, 1 000 at a time. */
export async function* targetExportRows(db: Db, actor: Actor, filter: Filter) {
  requirePermission(actor, 'targets.read');
  const condition = listCondition(scopedFilter(actor, filter));
  let after = 0;
  for (;;) {
    const batch = await listAfter(db, condition, after, 1000);
    const names = await industryNames(
      db,
      batch.map((row) => row.industryCode),
    );
    for (const row of batch) yield toTargetView(row, names);
    const last = batch.at(-1);
    if (batch.length < 1000 || !last) return;
    after = last.id;
  }
}

/** For the trips module: a target by id, if the actor may see it (a trip's "met" list); undefined otherwise. */
export async function findVisibleTarget(db: Db, actor: Actor, id: number) {
  const row = await findTargetRow(db, id);
  const scope = platformScope(actor);
  if (!row || (scope !== null && row.platformKey !== scope)) return undefined;
  return toTargetView(row, await industryNames(db, [row.industryCode]));
}

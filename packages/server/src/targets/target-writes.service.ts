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
  type UpdateTargetInput,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, staleVersion, unprocessable } from '../platform/errors.ts';
import { firstRow } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classify } from '../catalog/catalog.service.ts';
import { targetEvents, targets } from './targets.table.ts';
import { findTargetRow, lockQuarter, type TargetRowWithChannel } from './targets.repository.ts';
import { findChannelRow } from './channels.repository.ts';
import { assertMayWrite, quarterClosed, assertTargetVisible } from './target-guards.ts';
import { getTarget } from './targets-ledger.service.ts';

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

import { and, eq } from 'drizzle-orm';
import { shanghaiDay, type TargetStatus } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { staleVersion, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getProject } from '../projects/projects.service.ts';
import { targetEvents, targets } from './targets.table.ts';
import { findTargetRow, lockQuarter } from './targets.repository.ts';
import { assertTargetVisible, assertMayWrite, quarterClosed } from './target-guards.ts';
import { getTarget } from './targets-ledger.service.ts';

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

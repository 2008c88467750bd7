import { and, desc, eq, sql } from 'drizzle-orm';
import { checkTransition, checkUndo, earliestStageDate, stageDateProblem, undoReason, shanghaiDay } from '@pgs/domain';
import type { z } from 'zod';
import type { transitionSchema, undoTransitionSchema } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, forbidden, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { projectEvents, projects } from './projects.table.ts';
import { latestEvaluation } from './access-evaluations.repository.ts';
import { currentProjectSettings } from './project-settings.service.ts';
import { findProject, assertVisible, assertHolder, type ProjectRow } from './project-rows.ts';
import { getProject } from './projects-ledger.service.ts';

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

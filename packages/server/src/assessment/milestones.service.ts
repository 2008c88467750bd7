import {
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  MILESTONE_STATE_LABELS,
  milestoneState,
  quarterEnd,
  type KeyProjectView,
  type MilestoneInput,
  type MilestoneKind,
  type PlatformKey,
  type ProjectView,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { staleVersion, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getProject, ledgerRows } from '../projects/projects.service.ts';
import { insertMilestones, milestonesOf, updateMilestonesIfVersion } from './assessment.repository.ts';

/** §四(三): projects in the municipal key project tracking library (盯引库) and beyond, up to landing. */
export const KEY_PROJECT_STATUSES = ['tracked', 'negotiating', 'signed', 'landed'] as const;
const isKeyProject = (status: string) => (KEY_PROJECT_STATUSES as readonly string[]).includes(status);

type StoredMilestone = { kind: MilestoneKind; planned: string | null; actual: string | null };

/** The key projects with their milestones marked at a check day; a platform user gets its own (the ledger's scope). */
export async function keyProjectsAt(
  db: Db,
  actor: Actor,
  query: { checkDay: string; platformKey?: PlatformKey },
  now: Date,
): Promise<KeyProjectView[]> {
  const projects: ProjectView[] = [];
  for await (const row of ledgerRows(db, actor, { platformKey: query.platformKey }, now))
    if (isKeyProject(row.status) && (!query.platformKey || row.platformKey === query.platformKey)) projects.push(row);
  const stored = await milestonesOf(
    db,
    projects.map((p) => p.id),
  );
  return projects.map((project) => {
    const row = stored.get(project.id);
    const saved = (row?.milestones ?? []) as StoredMilestone[];
    const milestones = MILESTONE_KINDS.map((kind) => {
      const entry = saved.find((m) => m.kind === kind);
      // The ledger knows the landing day: it is the registration milestone's actual day unless one was entered.
      const actual = entry?.actual ?? (kind === 'registration' ? project.landedOn : null);
      const planned = entry?.planned ?? null;
      const state = milestoneState({ planned, actual, checkDay: query.checkDay });
      return { kind, label: MILESTONE_LABELS[kind], planned, actual, state, stateLabel: MILESTONE_STATE_LABELS[state] };
    });
    return {
      projectId: project.id,
      name: project.name,
      platformKey: project.platformKey,
      status: project.status,
      responsibleUnit: row?.responsibleUnit ?? null,
      version: row?.version ?? 0,
      checkDay: query.checkDay,
      milestones,
      late: milestones.some((m) => m.state === 'late'),
    };
  });
}

export async function listKeyProjects(
  db: Db,
  actor: Actor,
  query: { year: number; quarter: number; platformKey?: PlatformKey; lateOnly?: boolean },
  now: Date,
) {
  requirePermission(actor, 'assessment.read');
  const checkDay = quarterEnd(query.year, query.quarter as 1 | 2 | 3 | 4);
  const all = await keyProjectsAt(db, actor, { checkDay, platformKey: query.platformKey }, now);
  const items = query.lateOnly ? all.filter((p) => p.late) : all;
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/**
 * The drc, or the project's own platform, sets a key project's planned (and actual) milestones and its responsible
 * unit. Conditional on the version the user saw (0 before the first save): one of two saves wins, the other 409.
 */
export async function updateMilestones(db: Db, actor: Actor, projectId: number, input: MilestoneInput, now: Date) {
  requirePermission(actor, 'assessment.milestones');
  const project = await getProject(db, actor, projectId, now); // 404 for another platform's project (D10)
  if (actor.role === 'platform' && project.platformKey !== actor.platformKey)
    throw unprocessable('NOT_A_KEY_PROJECT', '该项目已流转至其他平台，由注册落户地平台维护节点计划');
  if (!isKeyProject(project.status))
    throw unprocessable('NOT_A_KEY_PROJECT', '只有已确认入盯引库（及之后阶段）的重点项目才设节点计划');
  const kinds = input.milestones.map((m) => m.kind);
  if (new Set(kinds).size !== kinds.length) throw unprocessable('NOT_A_KEY_PROJECT', '同一节点只能填写一次');
  for (const m of input.milestones)
    if (m.actual && m.actual > now.toISOString().slice(0, 10))
      throw unprocessable('NOT_A_KEY_PROJECT', `${MILESTONE_LABELS[m.kind]}的实际完成日期不能晚于今天`);
  const values = {
    responsibleUnit: input.responsibleUnit,
    milestones: input.milestones,
    updatedAt: now,
    updatedBy: actor.username,
  };
  await db.transaction(async (tx) => {
    const saved =
      input.version === 0
        ? await insertMilestones(tx, { projectId, ...values, version: 1 })
        : await updateMilestonesIfVersion(tx, projectId, input.version, values);
    if (saved.length === 0) throw staleVersion('该项目的节点计划');
    await recordAudit(
      tx,
      actor,
      {
        action: 'assessment.milestones_update',
        entityType: 'assessment_milestones',
        entityId: projectId,
        after: { ...input, version: input.version + 1 },
      },
      now,
    );
  });
  const [view] = (
    await keyProjectsAt(db, actor, { checkDay: now.toISOString().slice(0, 10), platformKey: undefined }, now)
  ).filter((p) => p.projectId === projectId);
  return view!;
}

import type { z } from 'zod';
import type { targetFilterSchema, targetListQuerySchema } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { industriesByCode } from '../reference/reference.service.ts';
import { projectsForTargets } from '../projects/projects.service.ts';
import {
  findTargetRow,
  lineageEvents,
  lineageRows,
  listAfter,
  listCondition,
  listPage,
  type TargetRowWithChannel,
} from './targets.repository.ts';
import { tripsOfLineage } from './target-trips.repository.ts';
import { toTargetView } from './target-view.ts';
import { assertTargetVisible } from './target-guards.ts';

/**
 * The target-enterprise library (拟招引目标企业库, R2.7, issue #13): one use case per function, each in one
 * transaction with its audit row; every rule is the domain's (tiers D24, HQ list, status moves, the reason for a
 * non-encouraged industry). A platform user sees and keeps only its own platform's targets (D10: 404 otherwise).
 */

type Filter = z.infer<typeof targetFilterSchema>;

async function industryNames(db: Db, codes: string[]) {
  const names = await industriesByCode(db, [...new Set(codes)]);
  return new Map([...names].map(([code, industry]) => [code, industry.name]));
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

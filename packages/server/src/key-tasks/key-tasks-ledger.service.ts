import {
  platformCompletion,
  PLATFORM_KEYS,
  shanghaiDay,
  type KeyTaskDetail,
  type KeyTaskStatus,
  type KeyTaskView,
  type PlatformCompletion,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { displayNamesOf } from '../users/users.service.ts';
import { progressOf, tasksOfYear } from './key-tasks.repository.ts';
import { viewOf, visibleTask, reportView, forStatus } from './key-task-views.ts';

/**
 * R4.4 key-task list (附件1 任务安排表) as use cases: the drc keeps the list; a platform reports its own part, the lead
 * department the whole; every business role reads (a platform only the tasks that concern it, and only its own part:
 * D10). Status, overdue flags and completion are the domain's (key-task-status.ts), computed as of a day.
 *
 * A year holds tens of tasks (the 任务安排表 is one page), so a list is computed whole and paged in memory.
 */

type Paging = { page: number; pageSize: number };

export type KeyTaskFilter = {
  year: number;
  asOf?: string;
  status?: KeyTaskStatus;
  platformKey?: PlatformKey;
  q?: string;
};

async function viewsOfYear(db: Db, actor: Actor, filter: KeyTaskFilter, now: Date): Promise<KeyTaskView[]> {
  requirePermission(actor, 'keyTasks.read');
  const asOf = filter.asOf ?? shanghaiDay(now);
  const rows = await tasksOfYear(db, filter.year, platformScope(actor));
  const reports = await progressOf(
    db,
    rows.map((r) => r.id),
  );
  const nameOf = await displayNamesOf(
    db,
    rows.map((r) => r.updatedBy),
  );
  const q = filter.q?.toLowerCase();
  return rows
    .map((row) =>
      viewOf(
        row,
        reports.filter((r) => r.taskId === row.id),
        asOf,
        actor,
        nameOf,
      ),
    )
    .filter((task) => !filter.status || task.status === filter.status)
    .filter((task) => !filter.platformKey || task.platformKeys.includes(filter.platformKey))
    .filter((task) => !q || task.title.toLowerCase().includes(q) || task.description.toLowerCase().includes(q));
}

export async function listKeyTasks(db: Db, actor: Actor, query: KeyTaskFilter & Paging, now: Date) {
  const all = await viewsOfYear(db, actor, query, now);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function keyTasksForExport(db: Db, actor: Actor, filter: KeyTaskFilter, now: Date) {
  return viewsOfYear(db, actor, filter, now);
}

export async function getKeyTask(db: Db, actor: Actor, id: number, asOf: string | undefined, now: Date) {
  const row = await visibleTask(db, actor, id);
  const own = platformScope(actor);
  const reports = await progressOf(db, [id]);
  const nameOf = await displayNamesOf(db, [row.updatedBy, ...reports.map((r) => r.reportedBy)]);
  const view = viewOf(row, reports, asOf ?? shanghaiDay(now), actor, nameOf);
  const detail: KeyTaskDetail = {
    ...view,
    reports: reports.filter((r) => own === null || r.part === own).map((r) => reportView(r, nameOf)),
  };
  return detail;
}

/**
 * The completion share per platform of a year's key tasks as of a day (R4.3 "scored in the annual key-task list"),
 * for the yearly assessment: every platform (a platform user: its own), the domain's platformCompletion.
 */
export async function keyTaskCompletion(
  db: Db,
  actor: Actor,
  year: number,
  asOf: string | undefined,
  now: Date,
): Promise<{ year: number; asOf: string; platforms: PlatformCompletion[] }> {
  requirePermission(actor, 'keyTasks.read');
  const day = asOf ?? shanghaiDay(now);
  const own = platformScope(actor);
  const rows = await tasksOfYear(db, year, own);
  const reports = await progressOf(
    db,
    rows.map((r) => r.id),
  );
  const tasks = rows.map((row) =>
    forStatus(
      row,
      reports.filter((r) => r.taskId === row.id),
    ),
  );
  const keys = own === null ? PLATFORM_KEYS : [own];
  return { year, asOf: day, platforms: keys.map((key) => platformCompletion(tasks, key, day)) };
}

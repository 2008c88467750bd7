import {
  taskState,
  type KeyTaskView,
  type PlatformKey,
  type ProgressReportView,
  type TaskForStatus,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { notFound } from '../platform/errors.ts';
import { findTask, type KeyTaskRow, type ProgressRow } from './key-tasks.repository.ts';

export const partKey = (platformKey: PlatformKey | null) => platformKey ?? '';

const partOf = (part: PlatformKey | '') => (part === '' ? null : part);

export function forStatus(row: KeyTaskRow, reports: readonly ProgressRow[]): TaskForStatus {
  return {
    deadline: row.deadline,
    target: row.target,
    platformKeys: row.platformKeys,
    reports: reports.map((r) => ({ platformKey: partOf(r.part), value: r.value, reportedOn: r.reportedOn })),
  };
}

/** A task as the actor may see it: a platform user sees its own part only. */
export function viewOf(
  row: KeyTaskRow,
  reports: readonly ProgressRow[],
  asOf: string,
  actor: Actor,
  nameOf: (u: string) => string | null,
): KeyTaskView {
  const state = taskState(forStatus(row, reports), asOf);
  const own = platformScope(actor);
  const lastMonth = (platformKey: PlatformKey | null) =>
    reports.filter((r) => r.part === partKey(platformKey) && r.reportedOn <= asOf).at(-1)?.month ?? null;
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    leadDepartment: row.leadDepartment,
    platformKeys: row.platformKeys,
    deadline: row.deadline,
    target: trimFigure(row.target),
    unit: row.unit,
    description: row.description,
    asOf,
    status: state.status,
    overdue: state.overdue,
    parts: state.parts
      .filter((p) => own === null || p.platformKey === own)
      .map((p) => ({ ...p, reached: trimFigure(p.reached), lastMonth: lastMonth(p.platformKey) })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: nameOf(row.updatedBy) ?? row.updatedBy,
  };
}

/** numeric(20,6) comes back as "10.000000": shown as people write it. */
function trimFigure(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function reportView(row: ProgressRow, nameOf: (u: string) => string | null): ProgressReportView {
  return {
    id: row.id,
    taskId: row.taskId,
    month: row.month,
    platformKey: partOf(row.part),
    value: trimFigure(row.value),
    note: row.note,
    reportedOn: row.reportedOn,
    reportedBy: row.reportedBy,
    reportedByName: nameOf(row.reportedBy) ?? row.reportedBy,
    version: row.version,
  };
}

/** A platform user gets 404 for a task that does not concern its platform (D10: its existence is not revealed). */
export async function visibleTask(db: Db | Tx, actor: Actor, id: number): Promise<KeyTaskRow> {
  requirePermission(actor, 'keyTasks.read');
  const row = await findTask(db, id);
  const own = platformScope(actor);
  if (!row || (own !== null && !row.platformKeys.includes(own))) throw notFound('重点任务不存在');
  return row;
}

import {
  mayReportPart,
  platformCompletion,
  PLATFORM_KEYS,
  shanghaiDay,
  taskParts,
  taskState,
  type KeyTaskDetail,
  type KeyTaskInput,
  type KeyTaskStatus,
  type KeyTaskView,
  type PlatformCompletion,
  type PlatformKey,
  type ProgressInput,
  type ProgressReportView,
  type TaskForStatus,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { AppError, notFound, staleVersion } from '../platform/errors.ts';
import { firstRow } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { displayNamesOf } from '../users/users.service.ts';
import {
  deleteTask,
  findProgress,
  findTask,
  insertProgress,
  insertTasks,
  progressOf,
  tasksOfYear,
  updateProgress,
  updateTask,
  type KeyTaskRow,
  type ProgressRow,
} from './key-tasks.repository.ts';

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

const partKey = (platformKey: PlatformKey | null) => platformKey ?? '';
const partOf = (part: PlatformKey | '') => (part === '' ? null : part);

function forStatus(row: KeyTaskRow, reports: readonly ProgressRow[]): TaskForStatus {
  return {
    deadline: row.deadline,
    target: row.target,
    platformKeys: row.platformKeys,
    reports: reports.map((r) => ({ platformKey: partOf(r.part), value: r.value, reportedOn: r.reportedOn })),
  };
}

/** A task as the actor may see it: a platform user sees its own part only. */
function viewOf(
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

function reportView(row: ProgressRow, nameOf: (u: string) => string | null): ProgressReportView {
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

/** A platform user gets 404 for a task that does not concern its platform (D10: its existence is not revealed). */
async function visibleTask(db: Db | Tx, actor: Actor, id: number): Promise<KeyTaskRow> {
  requirePermission(actor, 'keyTasks.read');
  const row = await findTask(db, id);
  const own = platformScope(actor);
  if (!row || (own !== null && !row.platformKeys.includes(own))) throw notFound('重点任务不存在');
  return row;
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

const taskValues = (input: KeyTaskInput) => ({
  year: input.year,
  title: input.title,
  leadDepartment: input.leadDepartment,
  // Kept in platform order, so the list and the export read alike whatever order they were ticked in.
  platformKeys: PLATFORM_KEYS.filter((key) => input.platformKeys.includes(key)),
  deadline: input.deadline,
  target: input.target,
  unit: input.unit,
  description: input.description,
});

export async function createKeyTask(db: Db, actor: Actor, input: KeyTaskInput, now: Date) {
  requirePermission(actor, 'keyTasks.edit');
  const id = await db.transaction(async (tx) => {
    const values = taskValues(input);
    const created = firstRow(
      await insertTasks(tx, [
        { ...values, createdAt: now, createdBy: actor.username, updatedAt: now, updatedBy: actor.username },
      ]),
      'insert key task',
    );
    await recordAudit(
      tx,
      actor,
      { action: 'key_tasks.create', entityType: 'key_task', entityId: created, after: values },
      now,
    );
    return created;
  });
  return getKeyTask(db, actor, id, undefined, now);
}

export async function updateKeyTask(
  db: Db,
  actor: Actor,
  id: number,
  input: KeyTaskInput & { version: number },
  now: Date,
) {
  requirePermission(actor, 'keyTasks.edit');
  await db.transaction(async (tx) => {
    const before = await visibleTask(tx, actor, id);
    const values = taskValues(input);
    const saved = await updateTask(tx, id, input.version, { ...values, updatedAt: now, updatedBy: actor.username });
    if (saved.length === 0) throw staleVersion('该重点任务');
    await recordAudit(
      tx,
      actor,
      {
        action: 'key_tasks.update',
        entityType: 'key_task',
        entityId: id,
        before: {
          ...taskValues(before),
          version: before.version,
        },
        after: { ...values, version: input.version + 1 },
      },
      now,
    );
  });
  return getKeyTask(db, actor, id, undefined, now);
}

export async function deleteKeyTask(db: Db, actor: Actor, id: number, version: number, now: Date): Promise<void> {
  requirePermission(actor, 'keyTasks.edit');
  await db.transaction(async (tx) => {
    const before = await visibleTask(tx, actor, id);
    const removed = await deleteTask(tx, id, version);
    if (removed.length === 0) throw staleVersion('该重点任务');
    await recordAudit(
      tx,
      actor,
      {
        action: 'key_tasks.delete',
        entityType: 'key_task',
        entityId: id,
        before: { title: before.title, year: before.year, version: before.version },
      },
      now,
    );
  });
}

/**
 * A monthly progress report (R4.4): the cumulative figure reached by one part. A platform user reports its own
 * platform's part; the lead department's users any part of their tasks. A month's report can be corrected with the
 * version it showed (0 for the month's first report); a report for a month after the current one is refused.
 */
export async function reportKeyTaskProgress(db: Db, actor: Actor, id: number, input: ProgressInput, now: Date) {
  requirePermission(actor, 'keyTasks.report');
  const today = shanghaiDay(now);
  await db.transaction(async (tx) => {
    const task = await visibleTask(tx, actor, id);
    const shape = {
      leadDepartment: task.leadDepartment,
      platformKeys: task.platformKeys,
    };
    if (!taskParts(shape.platformKeys).includes(input.platformKey))
      throw new AppError(
        400,
        'BAD_REQUEST',
        input.platformKey === null ? '该任务按平台分解，请选择报送的平台' : '该平台不在此任务的涉及平台中',
      );
    if (!mayReportPart(actor, shape, input.platformKey))
      throw new AppError(
        403,
        'NOT_RESPONSIBLE',
        actor.role === 'platform' ? '平台只能报送本平台承担部分的进展' : '只有牵头部门或涉及平台可以报送该任务的进展',
      );
    if (input.month > today.slice(0, 7))
      throw new AppError(400, 'BAD_REQUEST', `月份 ${input.month} 尚未到来，不能报送`);
    if (Number(input.month.slice(0, 4)) !== task.year)
      throw new AppError(400, 'BAD_REQUEST', `月份应在任务所属的 ${task.year} 年内`);
    const part = partKey(input.platformKey);
    const existing = await findProgress(tx, id, part, input.month);
    const values = {
      value: input.value,
      note: input.note,
      reportedOn: today,
      reportedAt: now,
      reportedBy: actor.username,
    };
    let progressId: number;
    if (input.version === 0) {
      const [inserted] = existing ? [] : await insertProgress(tx, { taskId: id, part, month: input.month, ...values });
      if (!inserted) throw staleVersion(`${input.month} 的进展`);
      progressId = inserted.id;
    } else {
      if (!existing) throw staleVersion(`${input.month} 的进展`);
      const saved = await updateProgress(tx, existing.id, input.version, values);
      if (saved.length === 0) throw staleVersion(`${input.month} 的进展`);
      progressId = existing.id;
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'key_tasks.progress',
        entityType: 'key_task_progress',
        entityId: progressId,
        before: existing ? { value: existing.value, note: existing.note, version: existing.version } : undefined,
        after: { taskId: id, part: input.platformKey, month: input.month, value: input.value, note: input.note },
      },
      now,
    );
  });
  return getKeyTask(db, actor, id, undefined, now);
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

/** Inserts checked tasks of an import in one transaction with one audit row (key-task-import.service.ts). */
export async function insertImportedTasks(tx: Tx, actor: Actor, year: number, inputs: KeyTaskInput[], now: Date) {
  const ids = await insertTasks(
    tx,
    inputs.map((input) => ({
      ...taskValues(input),
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
      updatedBy: actor.username,
    })),
  );
  await recordAudit(
    tx,
    actor,
    {
      action: 'key_tasks.import',
      entityType: 'key_task',
      entityId: null,
      after: { year, count: ids.length, ids, titles: inputs.map((i) => i.title) },
    },
    now,
  );
  return ids;
}

import {
  mayReportPart,
  PLATFORM_KEYS,
  shanghaiDay,
  taskParts,
  type KeyTaskInput,
  type ProgressInput,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, staleVersion } from '../platform/errors.ts';
import { firstRow } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  deleteTask,
  findProgress,
  insertProgress,
  insertTasks,
  updateProgress,
  updateTask,
} from './key-tasks.repository.ts';
import { visibleTask, partKey } from './key-task-views.ts';
import { getKeyTask } from './key-tasks-ledger.service.ts';

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

import Decimal from 'decimal.js';
import type { PlatformKey } from '../platform/platforms.ts';

/**
 * R4.4 (附件1 任务安排表; 年度重点攻坚任务清单): a task's status and overdue flag are computed as of a day from its
 * deadline, its target and the progress reports made up to that day — never stored, so they are right on any day.
 *
 * A task has parts: one per platform concerned (each platform must reach the task's target figure, as the
 * 任务安排表 writes "各平台完成…"), or, for a task concerning no platform, one part for the whole task (the lead
 * department's own). Each progress report states the cumulative figure reached for one part ("累计完成"); a part's
 * figure as of a day is that of its latest report made on or before that day.
 */
export const KEY_TASK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const;
export type KeyTaskStatus = (typeof KEY_TASK_STATUSES)[number];
export const KEY_TASK_STATUS_LABELS: Record<KeyTaskStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  overdue: '逾期',
};

/** The lead departments that sign in (the group's office, the bureau, the eitc); R4.1 names them. */
export const LEAD_DEPARTMENTS = ['drc', 'bureau', 'eitc'] as const;
export type LeadDepartment = (typeof LEAD_DEPARTMENTS)[number];

export type ProgressFigure = {
  /** null: the whole task (a task without platforms, reported by the lead department). */
  platformKey: PlatformKey | null;
  /** Cumulative figure reached, exact decimal text in the task's unit. */
  value: string;
  /** The day the report was made (Asia/Shanghai), YYYY-MM-DD. */
  reportedOn: string;
};

export type TaskForStatus = {
  deadline: string;
  target: string;
  platformKeys: readonly PlatformKey[];
  reports: readonly ProgressFigure[];
};

export type PartState = {
  platformKey: PlatformKey | null;
  /** The figure reached as of the day ('0' before any report). */
  reached: string;
  /** reached / target as a fraction (D2), capped at 1; a target of 0 counts as reached. */
  share: number;
  done: boolean;
  /** The day the part first reached its target (on or before the as-of day), or null. */
  doneOn: string | null;
  overdue: boolean;
};

export type TaskState = { status: KeyTaskStatus; overdue: boolean; parts: PartState[] };

/** Which parts a task has: its platforms, or the whole task when it concerns none. */
export function taskParts(platformKeys: readonly PlatformKey[]): (PlatformKey | null)[] {
  return platformKeys.length > 0 ? [...platformKeys] : [null];
}

/** Overdue strictly after the deadline day: on the deadline day itself the task is still in time. */
export function isPastDeadline(deadline: string, asOf: string): boolean {
  return asOf > deadline;
}

export function partState(task: TaskForStatus, platformKey: PlatformKey | null, asOf: string): PartState {
  const target = new Decimal(task.target);
  const mine = task.reports
    .filter((r) => r.platformKey === platformKey && r.reportedOn <= asOf)
    .sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : 0));
  const latest = mine.at(-1);
  const reached = new Decimal(latest?.value ?? '0');
  const firstDone = mine.find((r) => new Decimal(r.value).gte(target));
  const done = reached.gte(target);
  const share = target.lte(0) ? 1 : Decimal.min(1, reached.div(target)).toNumber();
  return {
    platformKey,
    reached: reached.toString(),
    share,
    done,
    doneOn: done ? (firstDone?.reportedOn ?? null) : null,
    overdue: !done && isPastDeadline(task.deadline, asOf),
  };
}

/**
 * The task's status as of a day: 已完成 when every part reached its target; 逾期 when the deadline has passed and
 * some part has not; 推进中 when any part reported a figure above zero; otherwise 未开始.
 */
export function taskState(task: TaskForStatus, asOf: string): TaskState {
  const parts = taskParts(task.platformKeys).map((key) => partState(task, key, asOf));
  const done = parts.every((p) => p.done);
  const overdue = !done && isPastDeadline(task.deadline, asOf);
  const started = parts.some((p) => new Decimal(p.reached).gt(0));
  const status: KeyTaskStatus = done ? 'done' : overdue ? 'overdue' : started ? 'in_progress' : 'not_started';
  return { status, overdue, parts };
}

export type PlatformCompletion = {
  platformKey: PlatformKey;
  /** Parts of this platform in tasks due in the year. */
  parts: number;
  /** Of those, parts that reached their target as of the day. */
  done: number;
  /** done / parts (D2 fraction); null when the platform has no part that year. */
  completionShare: number | null;
  /** Mean of each part's reached/target (capped at 1); null when no part. */
  progressShare: number | null;
  overdue: number;
};

/**
 * The completion share per platform the yearly assessment reads (R4.3: "each platform's work is scored in the annual
 * key-task list"): over the tasks of the year concerning the platform, the share of its parts done as of the day, and
 * the mean progress of those parts. Pure: the key-tasks service hands it the tasks of the year with their reports.
 */
export function platformCompletion(
  tasks: readonly TaskForStatus[],
  platformKey: PlatformKey,
  asOf: string,
): PlatformCompletion {
  const states = tasks.filter((t) => t.platformKeys.includes(platformKey)).map((t) => partState(t, platformKey, asOf));
  const done = states.filter((s) => s.done).length;
  const progress = states.reduce((sum, s) => sum.plus(s.share), new Decimal(0));
  return {
    platformKey,
    parts: states.length,
    done,
    completionShare: states.length === 0 ? null : done / states.length,
    progressShare: states.length === 0 ? null : progress.div(states.length).toNumber(),
    overdue: states.filter((s) => s.overdue).length,
  };
}

/** Who may report on a part (R4.4): a platform user its own platform's part; the lead department's users any part. */
export function mayReportPart(
  actor: { role: string; platformKey: PlatformKey | null },
  task: { leadDepartment: LeadDepartment; platformKeys: readonly PlatformKey[] },
  platformKey: PlatformKey | null,
): boolean {
  if (!taskParts(task.platformKeys).includes(platformKey)) return false;
  if (actor.role === 'platform') return platformKey !== null && actor.platformKey === platformKey;
  return actor.role === task.leadDepartment;
}

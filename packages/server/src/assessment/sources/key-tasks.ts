import Decimal from 'decimal.js';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { keyTasksForExport } from '../../key-tasks/key-tasks.service.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';

/**
 * R4.3–R4.4 "each platform's work is scored in the annual key-task list": of the year's key tasks concerning the
 * platform, the share of its parts that reached their target as of the assessment day (the key-task module's own
 * status rules, read through its service). Each task is a row with the figure reached.
 */
export const keyTasksSource: AssessmentFigureSource = {
  key: 'key_tasks',
  async figure(context, platformKey) {
    const tasks = await context.once(`key-tasks:${context.asOf}`, () =>
      keyTasksForExport(context.db, SYSTEM_ACTOR, { year: context.year, asOf: context.asOf }, context.now),
    );
    const parts = tasks.flatMap((task) =>
      task.parts.filter((p) => p.platformKey === platformKey).map((part) => ({ task, part })),
    );
    const done = parts.filter((p) => p.part.done).length;
    return {
      available: true,
      value: parts.length === 0 ? '1' : new Decimal(done).div(parts.length).toString(),
      target: '1',
      unit: '完成率',
      explanation:
        parts.length === 0
          ? `${context.year} 年度重点任务清单中没有涉及本平台的任务，按全部完成计`
          : `截至 ${context.asOf} 涉及本平台的重点任务 ${parts.length} 项，达到目标 ${done} 项`,
      rows: parts.map(({ task, part }) => ({
        kind: 'task' as const,
        ref: String(task.id),
        name: task.title,
        figure: part.done ? '1' : '0',
        note:
          `目标 ${task.target}${task.unit}，累计完成 ${part.reached}${task.unit}，期限 ${task.deadline}` +
          (part.done ? `，${part.doneOn ?? ''} 达到目标` : part.overdue ? '，已逾期' : ''),
      })),
    };
  },
};

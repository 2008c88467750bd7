import { shanghaiDay, type KeyTaskInput, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listProjects } from '../projects/projects.service.ts';
import { createKeyTask, listKeyTasks, reportKeyTaskProgress } from '../key-tasks/key-tasks.service.ts';

/**
 * The demo's key-task list (R4.4 附件1 任务安排表) for the current year, with monthly progress. The first task's
 * figures are the demo ledger's own (each platform's projects reported, read through the projects service), so the
 * list and the ledger agree; the others are fixed figures. Deterministic; does nothing when the year has tasks.
 */
export async function ensureDemoKeyTasks(db: Db, now: Date): Promise<number> {
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  const drc = await demoActor(db, 'drc');
  if ((await listKeyTasks(db, drc, { year, page: 1, pageSize: 1 }, now)).total > 0) return 0;
  const month = today.slice(0, 7);
  const earlier = (back: number) => {
    const m = Math.max(1, Number(month.slice(5)) - back);
    return `${year}-${String(m).padStart(2, '0')}`;
  };
  const tasks: Array<KeyTaskInput & { reports: Array<[string, PlatformKey | null, string]> }> = [];
  const ledger = await Promise.all(
    (['oujiangkou', 'zhenan', 'hitech'] as const).map(
      async (platformKey) =>
        [platformKey, (await listProjects(db, drc, { platformKey, page: 1, pageSize: 1 }, now)).total] as const,
    ),
  );
  tasks.push({
    year,
    title: '精准招商：新招引项目首报登记',
    leadDepartment: 'bureau',
    platformKeys: ['oujiangkou', 'zhenan', 'hitech'],
    deadline: `${year}-12-31`,
    target: '20',
    unit: '个',
    description: '各平台全年首报登记招商项目不少于 20 个（进展取招商项目台账）',
    reports: ledger.map(([key, count]) => [month, key, String(count)]),
  });
  tasks.push({
    year,
    title: '亩均效益综合评价全覆盖',
    leadDepartment: 'eitc',
    platformKeys: ['oujiangkou', 'zhenan', 'hitech'],
    deadline: `${year}-06-30`,
    target: '100',
    unit: '%',
    description: '规上、规下工业企业和服务业企业评价覆盖率达到 100%',
    reports: [
      [earlier(6), 'oujiangkou', '100'],
      [earlier(6), 'zhenan', '100'],
      [earlier(6), 'hitech', '85'],
    ],
  });
  tasks.push({
    year,
    title: '盘活批而未供土地',
    leadDepartment: 'drc',
    platformKeys: ['oujiangkou', 'zhenan'],
    deadline: `${year}-12-31`,
    target: '300',
    unit: '亩',
    description: '',
    reports: [
      [earlier(2), 'oujiangkou', '120'],
      [month, 'oujiangkou', '210.5'],
      [earlier(1), 'zhenan', '90'],
    ],
  });
  tasks.push({
    year,
    title: '修订平台产业准入目录',
    leadDepartment: 'drc',
    platformKeys: [],
    deadline: `${year}-03-31`,
    target: '1',
    unit: '项',
    description: '三大平台产业准入目录年度修订并发布',
    reports: [[earlier(9), null, '1']],
  });
  tasks.push({
    year,
    title: '低效企业整治提升',
    leadDepartment: 'eitc',
    platformKeys: ['hitech'],
    deadline: `${year}-12-31`,
    target: '15',
    unit: '家',
    description: '',
    reports: [],
  });
  for (const { reports, ...input } of tasks) {
    const task = await createKeyTask(db, drc, input, now);
    for (const [reportMonth, platformKey, value] of reports) {
      const reporter = platformKey
        ? await demoActor(db, { oujiangkou: 'ojk', zhenan: 'zn', hitech: 'gxq' }[platformKey])
        : await demoActor(db, input.leadDepartment);
      await reportKeyTaskProgress(
        db,
        reporter,
        task.id,
        { month: reportMonth, platformKey, value, note: '', version: 0 },
        now,
      );
    }
  }
  return tasks.length;
}

async function demoActor(db: Db, username: string): Promise<Actor> {
  const actor = await actorOfUsername(db, username);
  if (!actor) throw new Error(`演示账号 ${username} 不存在`);
  return actor;
}

import Decimal from 'decimal.js';
import { lastPlaced, shanghaiDay, type PlatformKey, type Rubric } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { getRubric, updateRubric } from '../assessment/rubrics.service.ts';
import { createAssessment, listAssessments, publishAssessment } from '../assessment/assessment.service.ts';
import { recordInterview } from '../assessment/interviews.service.ts';
import { listKeyProjects, updateMilestones } from '../assessment/milestones.service.ts';

/**
 * Demo data of the platforms' assessment (R4.2–R4.3), made through the module's own services from the demo
 * projects and enterprises: the rubric of each year, the two years before this one run and published, the platform
 * last in both warned and interviewed, and planned milestones of the key projects. When the data alone do not make
 * the first year's last platform last again, the second year gets a hand-scored deduction sized from the data (the
 * demo must show a warning); it is deterministic because the demo data are. Two or three runs: start-up stays short.
 */
const DAY_MS = 86_400_000;

async function drcActor(db: Db): Promise<Actor> {
  const drc = await actorOfUsername(db, 'drc');
  if (!drc) throw new Error('演示账号 drc 不存在');
  return drc;
}

async function saveRubric(db: Db, drc: Actor, year: number, change: (rubric: Rubric) => Rubric, now: Date) {
  const current = await getRubric(db, drc, year);
  await updateRubric(db, drc, year, { rubric: change(current.rubric), version: current.version }, now);
}

export async function ensureDemoAssessments(db: Db, now: Date): Promise<number> {
  const drc = await drcActor(db);
  if ((await listAssessments(db, drc, { page: 1, pageSize: 1 })).total > 0) return 0;
  const thisYear = Number(shanghaiDay(now).slice(0, 4));
  const [first, second] = [thisYear - 2, thisYear - 1];
  const tasks = { oujiangkou: '5', zhenan: '5', hitech: '4' };
  await saveRubric(db, drc, first, (r) => ({ ...r, investmentTasks: tasks }), now);
  const run1 = await createAssessment(db, drc, { year: first, asOf: `${first}-12-31` }, now);
  await publishAssessment(db, drc, run1.id!, now);
  const last = lastPlaced(new Map(run1.platforms.map((p) => [p.platformKey, p.rank] as const)))[0] ?? 'hitech';

  // The second year; when the first year's last platform is not last again, a hand-scored deduction (with its
  // written reason) sized from the data is added and the year run again, so the demo shows the warning.
  await saveRubric(db, drc, second, (r) => ({ ...r, investmentTasks: tasks }), now);
  let run2 = await createAssessment(db, drc, { year: second, asOf: `${second}-12-31` }, now);
  const mine = run2.platforms.find((p) => p.platformKey === last)!;
  if (!mine.warnings.some((w) => w.kind === 'last_two_years')) {
    const lowestOther = Math.min(...run2.platforms.filter((p) => p.platformKey !== last).map((p) => p.score));
    const deduction = Math.max(2, new Decimal(mine.score).minus(lowestOther).ceil().plus(2).toNumber());
    await saveRubric(
      db,
      drc,
      second,
      (r) => ({
        ...r,
        manualItems: [
          {
            id: 'demo-task-overdue',
            platformKey: last,
            label: '年度重点攻坚任务未按期完成',
            points: -Math.min(deduction, 100),
            reason: '重点攻坚任务清单中两项任务逾期未完成，经领导小组办公室核定扣分',
          },
        ],
      }),
      now,
    );
    run2 = await createAssessment(db, drc, { year: second, asOf: `${second}-12-31` }, now);
  }
  await publishAssessment(db, drc, run2.id!, now);

  const warned = run2.platforms.find((p) => p.warnings.some((w) => w.kind === 'last_two_years'));
  if (warned) {
    const heldOn = shanghaiDay(new Date(Math.min(now.getTime(), Date.parse(`${thisYear}-01-20T04:00:00Z`))));
    await recordInterview(
      db,
      drc,
      {
        platformKey: warned.platformKey,
        year: second,
        assessmentId: run2.id,
        reason: `${first}、${second} 年度平台考核连续两年末位`,
        heldOn,
        participants: '市发改委分管副主任、平台管委会主任及招商部门负责人',
        minutes:
          '平台汇报考核末位原因：重点项目落地偏慢，主导产业企业税收增长乏力。会议要求平台制定整改方案，一季度内完成两个项目签约，并按季度报送整改进展。',
        followUpDeadline: shanghaiDay(new Date(Date.parse(`${heldOn}T04:00:00Z`) + 90 * DAY_MS)),
      },
      now,
    );
  }

  // This year is left for the drc to run (考核试算) on the page.
  await demoMilestones(db, drc, thisYear, now);
  return 2;
}

/** Planned milestones of the demo key projects: some done on time, some late, some due soon (§四(三)). */
async function demoMilestones(db: Db, drc: Actor, year: number, now: Date) {
  const quarter = Math.ceil(Number(shanghaiDay(now).slice(5, 7)) / 3);
  const { items } = await listKeyProjects(db, drc, { year, quarter }, now);
  const day = (offset: number) => shanghaiDay(new Date(now.getTime() + offset * DAY_MS));
  const units: Record<PlatformKey, string> = {
    oujiangkou: '瓯江口管委会招商服务局',
    zhenan: '浙南管委会经济发展局',
    hitech: '高新区管委会投资促进局',
  };
  for (const [k, project] of items.slice(0, 12).entries()) {
    const late = k % 3 === 1;
    const milestones = [
      { kind: 'signing' as const, planned: day(-150 + k), actual: late ? null : day(-152 + k) },
      { kind: 'registration' as const, planned: day(-90 + k), actual: null },
      { kind: 'construction_start' as const, planned: day(k % 3 === 2 ? 20 : 60 + k), actual: null },
      { kind: 'first_output' as const, planned: day(300 + k), actual: null },
    ];
    await updateMilestones(
      db,
      drc,
      project.projectId,
      { responsibleUnit: units[project.platformKey as PlatformKey], milestones, version: project.version },
      now,
    );
  }
}

import {
  DEFAULT_NOTICE_WORKING_DAYS,
  shanghaiDay,
  WEEKEND_CALENDAR,
  workingPeriodEnd,
  type WorkingDayCalendar,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { nationalWorkingDayCalendar } from '../calendar/working-day-calendar.service.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listResults, listRuns } from '../mu-evaluation/mu-evaluation.service.ts';
import { answerObjection, createNotice, getNotice, listNotices, lodgeObjection } from '../notices/notices.service.ts';
import { DEMO_PUBLISHED_YEAR } from './demo-evaluations.ts';

/**
 * The national holiday calendar, as a notice started on the page counts; when the five working days reach a year
 * whose calendar is not entered yet (a first start in the last days of December), the demo falls back to weekends
 * rather than failing to start — a user starting a notice then gets the 422 asking for that year's calendar.
 */
async function demoCalendar(db: Db, today: string): Promise<WorkingDayCalendar> {
  const national = await nationalWorkingDayCalendar(db);
  try {
    workingPeriodEnd(today, DEFAULT_NOTICE_WORKING_DAYS, national);
    return national;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NO_HOLIDAY_CALENDAR') return WEEKEND_CALENDAR;
    throw error;
  }
}

/**
 * The demo's public notice (R3.2 公示): the published demo mu-evaluation on notice from the first start, for 5
 * working days, with one objection (by an enterprise of that evaluation) answered by the eitc. Once only.
 */
export async function ensureDemoNotice(db: Db, now: Date): Promise<number | null> {
  const eitc = await actorOfUsername(db, 'eitc');
  if (!eitc) throw new Error('演示账号 eitc 不存在');
  if ((await listNotices(db, eitc, { page: 1, pageSize: 1 }, now)).total > 0) return null;
  const runs = await listRuns(db, eitc, { year: DEMO_PUBLISHED_YEAR, status: 'published', page: 1, pageSize: 1 });
  const run = runs.items[0];
  if (!run) return null;
  const notice = await createNotice(
    db,
    eitc,
    { kind: 'mu_evaluation', subjectId: run.id },
    await demoCalendar(db, shanghaiDay(now)),
    now,
  );
  const [enterprise] = (await listResults(db, eitc, run.id, { class: 'D', page: 1, pageSize: 1 })).items;
  if (enterprise) {
    await lodgeObjection(
      db,
      notice.id,
      {
        creditCode: enterprise.creditCode,
        contact: '企业办公室 0577-88000000',
        reason: `${enterprise.name}认为本企业年度税收未计入已缴纳的土地使用税，请求复核亩均税收。`,
      },
      now,
    );
    const detail = await getNotice(db, eitc, notice.id, now);
    const objection = detail.objectionList[0]!;
    await answerObjection(
      db,
      eitc,
      notice.id,
      objection.id,
      {
        answer: '经与税务部门核对，亩均税收按评价办法的口径计算（含土地使用税），数据无误，维持原评价等级。',
        version: objection.version,
      },
      now,
    );
  }
  return notice.id;
}

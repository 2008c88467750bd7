import Decimal from 'decimal.js';
import { BONUS_MIN_TOTAL_INVESTMENT } from '../assessment/bonus.ts';
import { behindSchedule } from '../assessment/schedule.ts';
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS, isOpenStatus, type ProjectStatus } from '../projects/pipeline.ts';
import { LAND_SUB_DATABASE_STATES, type ParcelState } from '../land/parcel-lifecycle.ts';
import type { CockpitFigures } from './cockpit.contract.ts';

/**
 * The cockpit's own rules (issue #14, 驾驶舱): which day the figures are counted to, what a "large" landed project is,
 * how a platform's landed credit compares with its task, and how the three platforms add up to the city. Pure; the
 * server only gathers the rows from the other modules' services.
 */

/**
 * The day a cockpit of `year` is counted to: the day asked, else today for the current year and 31 Dec for a past
 * one. A day outside the year, a day after today or a year not yet begun is refused with the reason.
 */
export function cockpitDay(
  year: number,
  asked: string | undefined,
  today: string,
): { ok: true; asOf: string } | { ok: false; message: string } {
  if (`${year}-01-01` > today) return { ok: false, message: `${year} 年尚未开始，没有可统计的数据` };
  const asOf = asked ?? (`${year}-12-31` < today ? `${year}-12-31` : today);
  if (asOf.slice(0, 4) !== String(year)) return { ok: false, message: `统计截止日应在 ${year} 年内` };
  if (asOf > today) return { ok: false, message: '统计截止日不能晚于今天' };
  return { ok: true, asOf };
}

export type StageRow = { status: ProjectStatus; count: number; investment: string };

/** Projects by stage in the pipeline's order (every stage present, 0 when empty) and the ones still moving. */
export function pipelineOf(rows: readonly StageRow[]): CockpitFigures['pipeline'] {
  const stages = PROJECT_STATUSES.map((status) => {
    const mine = rows.filter((row) => row.status === status);
    return {
      status,
      label: PROJECT_STATUS_LABELS[status],
      count: mine.reduce((sum, row) => sum + row.count, 0),
      investment: mine.reduce((sum, row) => sum.plus(row.investment), new Decimal(0)).toFixed(),
    };
  });
  // "Open" = still to be won: landed, lost and rejected projects have left the pipeline.
  const open = stages.filter((stage) => isOpenStatus(stage.status));
  return {
    stages,
    openCount: open.reduce((sum, stage) => sum + stage.count, 0),
    openInvestment: open.reduce((sum, stage) => sum.plus(stage.investment), new Decimal(0)).toFixed(),
  };
}

/** R4.3 "20亿元（含）以上": 200 000 万元 counts, 199 999.99 does not. */
export function isLargeProject(totalInvestment: string): boolean {
  return new Decimal(totalInvestment).gte(BONUS_MIN_TOTAL_INVESTMENT);
}

export type LandedProjectRow = {
  id: number;
  name: string;
  platformKey: string;
  totalInvestment: string;
  landedOn: string;
};

/**
 * Landed this year against the task (R2.6, R4.3): `credit` is the projects module's own count; the task comes from
 * the year's rubric. Behind schedule follows the assessment's quarterly rule (schedule.ts) so the cockpit and the
 * assessment never disagree. Projects landed after `asOf` or outside the year are not counted here.
 */
export function landedOf(input: {
  year: number;
  asOf: string;
  credit: string;
  task: string | null;
  behindShare: number;
  projects: readonly LandedProjectRow[];
  /**
   * How many landed in the year through the day, when the caller counted them in SQL and `projects` holds only the
   * candidates for the large list; otherwise `projects` are all of them and are counted here.
   */
  landedCount?: number;
}): CockpitFigures['landed'] {
  const inYear = input.projects.filter(
    (project) => project.landedOn >= `${input.year}-01-01` && project.landedOn <= input.asOf,
  );
  const task = input.task !== null && new Decimal(input.task).gt(0) ? input.task : null;
  const schedule = task
    ? behindSchedule({ year: input.year, asOf: input.asOf, progress: input.credit, task, share: input.behindShare })
    : null;
  return {
    credit: new Decimal(input.credit).toFixed(),
    task,
    taskShare: task ? new Decimal(input.credit).div(task).toDecimalPlaces(4).toFixed() : null,
    behind: schedule?.behind ?? false,
    behindReason: schedule?.reason ?? '未设定年度招商引资任务数，不作滞后判定',
    landedCount: input.landedCount ?? inYear.length,
    large: inYear
      .filter((project) => isLargeProject(project.totalInvestment))
      .sort((a, b) => new Decimal(b.totalInvestment).cmp(a.totalInvestment) || a.id - b.id),
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const sumText = (values: readonly string[]) =>
  values.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed();

/**
 * The city = the three platforms added up (`schedule.projects`: the city's landed projects, each once). Shares are recomputed from the sums (never averaged). The ABCD block is
 * the run's own city-wide figure (enterprises outside the platforms count there too), passed in as `cityAbcd`.
 */
export function cityOf(
  platforms: readonly CockpitFigures[],
  cityAbcd: CockpitFigures['abcd'],
  schedule: {
    year: number;
    asOf: string;
    behindShare: number;
    projects: readonly LandedProjectRow[];
    landedCount?: number;
  },
): CockpitFigures {
  const pick = <T>(get: (figures: CockpitFigures) => T) => platforms.map(get);
  const credit = sumText(pick((f) => f.landed.credit));
  const tasks = pick((f) => f.landed.task);
  const task = tasks.every((t): t is string => t !== null) && tasks.length > 0 ? sumText(tasks) : null;
  // The city's task is the sum of the platforms' tasks, judged by the same quarterly rule as each platform. The
  // city's landed projects are counted once each (a circulated project is credited to two platforms, R2.5).
  const cityLanded = landedOf({ ...schedule, credit, task });
  const stages = PROJECT_STATUSES.map((status, k) => ({
    status,
    label: PROJECT_STATUS_LABELS[status],
    count: sum(pick((f) => f.pipeline.stages[k]?.count ?? 0)),
    investment: sumText(pick((f) => f.pipeline.stages[k]?.investment ?? '0')),
  }));
  const assessments = pick((f) => f.assessment).filter((a) => a !== null);
  const first = assessments[0];
  const land = (key: 'approvedNotSupplied' | 'suppliedNotUsed' | 'vacated') => ({
    count: sum(pick((f) => f.land[key].count)),
    area: sumText(pick((f) => f.land[key].area)),
  });
  return {
    pipeline: {
      stages,
      openCount: sum(pick((f) => f.pipeline.openCount)),
      openInvestment: sumText(pick((f) => f.pipeline.openInvestment)),
    },
    landed: {
      ...cityLanded,
    },
    abcd: cityAbcd,
    land: {
      approvedNotSupplied: land('approvedNotSupplied'),
      suppliedNotUsed: land('suppliedNotUsed'),
      vacated: land('vacated'),
      supplied: sum(pick((f) => f.land.supplied)),
      started: sum(pick((f) => f.land.started)),
      reused: sum(pick((f) => f.land.reused)),
      recovered: sum(pick((f) => f.land.recovered)),
    },
    renewal: {
      open: sum(pick((f) => f.renewal.open)),
      overdue: sum(pick((f) => f.renewal.overdue)),
      closed: sum(pick((f) => f.renewal.closed)),
      closedOnTime: sum(pick((f) => f.renewal.closedOnTime)),
    },
    targets: {
      targets: sum(pick((f) => f.targets.targets)),
      contacted: sum(pick((f) => f.targets.contacted)),
      reported: sum(pick((f) => f.targets.reported)),
      landed: sum(pick((f) => f.targets.landed)),
    },
    trips: {
      months: sum(pick((f) => f.trips.months)),
      monthsOk: sum(pick((f) => f.trips.monthsOk)),
      monthsMissing: sum(pick((f) => f.trips.monthsMissing)),
    },
    assessment: first
      ? {
          id: first.id,
          year: first.year,
          rank: null,
          score: null,
          warnings: assessments.flatMap((a) => a.warnings),
        }
      : null,
    keyTasks: {
      parts: sum(pick((f) => f.keyTasks.parts)),
      done: sum(pick((f) => f.keyTasks.done)),
      overdue: sum(pick((f) => f.keyTasks.overdue)),
    },
  };
}

/** The months of `year` from January through the month of `asOf` (staffing compliance is checked per month). */
export function monthsThrough(year: number, asOf: string): string[] {
  const last = Number(asOf.slice(5, 7));
  return Array.from({ length: last }, (_, k) => `${year}-${String(k + 1).padStart(2, '0')}`);
}

export type ParcelStateRow = { state: ParcelState; count: number; area: string };
export type ParcelHandled = { supplied: number; started: number; reused: number; recovered: number };

/**
 * Land clean-up (R3.1, R3.6): parcels and area in each of the three sub-databases by the domain's own state lists
 * (a recovered parcel waits to be supplied again: it is 批而未供), and what was handled in the year.
 */
export function landOf(states: readonly ParcelStateRow[], handled: ParcelHandled | undefined): CockpitFigures['land'] {
  const of = (wanted: readonly ParcelState[]) => {
    const rows = states.filter((row) => wanted.includes(row.state));
    return {
      count: rows.reduce((total, row) => total + row.count, 0),
      area: rows.reduce((total, row) => total.plus(row.area), new Decimal(0)).toFixed(),
    };
  };
  return {
    approvedNotSupplied: of(LAND_SUB_DATABASE_STATES.approved_not_supplied),
    suppliedNotUsed: of(LAND_SUB_DATABASE_STATES.supplied_not_used),
    vacated: of(LAND_SUB_DATABASE_STATES.vacated),
    supplied: handled?.supplied ?? 0,
    started: handled?.started ?? 0,
    reused: handled?.reused ?? 0,
    recovered: handled?.recovered ?? 0,
  };
}

/**
 * What a cockpit of a past day still counts from today's rows (the owners keep no history of it). Stages, holders,
 * parcel states and open cases are replayed to the day from the owners' dated histories; these are not.
 */
export function asOfNotes(asOf: string, today: string): string[] {
  if (asOf >= today) return [];
  return [
    `项目总投资、地块面积按当前台账计（修改不留历史），阶段、所属平台、地块状态和在办案件按 ${asOf} 当日还原`,
    '已撤销案件的撤销日期按其最后一次修改的日期计',
    '目标企业漏斗按全年目标库计，不随统计截止日回溯',
  ];
}

import {
  endedPeriods,
  investmentObligations,
  quarterLabel,
  type MonthObligation,
  type QuarterObligation,
} from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { listQuarters } from '../../targets/target-quarters.service.ts';
import { complianceOfMonths } from '../../trips/staffing-compliance.service.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/**
 * R2.7–R2.8 / R4.2 精准招商任务执行 (standing obligations): quarters of the year ended by the assessment day with a
 * target-enterprise library (targets module), and months ended with at least one outbound trip by every main
 * leader (trips module's staffing compliance, D24: by the trip's start day); the figure is the mean of both shares
 * (the domain's investmentObligations). Each quarter and each month is a row.
 */
export const targetsTripsSource: AssessmentFigureSource = {
  key: 'targets_trips',
  async figure(context, platformKey) {
    const periods = endedPeriods(context.year, context.asOf);
    const [quarterRows, monthRows] = await Promise.all([
      listQuarters(context.db, SYSTEM_ACTOR, platformKey),
      complianceOfMonths(context.db, platformKey, periods.months),
    ]);
    const quarters: QuarterObligation[] = periods.quarters.map((quarter) => ({
      quarter,
      targets: quarterRows.find((q) => q.quarter === quarter)?.targets ?? 0,
    }));
    const months: MonthObligation[] = monthRows.map((m) => ({
      month: m.month,
      met: m.leaders.length > 0 && m.leaders.every((l) => l.tripsOk),
      note:
        m.leaders.length === 0
          ? '名册中没有主要领导'
          : m.leaders
              .map(
                (l) =>
                  `${l.name} ${l.trips} 次${l.tripIds.length ? `（报备 ${l.tripIds.map((id) => `#${id}`).join('、')}）` : ''}`,
              )
              .join('；'),
    }));
    const result = investmentObligations(quarters, months);
    const nothing = quarters.length === 0 && months.length === 0;
    return {
      available: true,
      value: result.share,
      target: '1',
      unit: '完成率',
      explanation: nothing
        ? `截至 ${context.asOf} 本年度尚无结束的季度或月份，按全部完成计`
        : `截至 ${context.asOf}：已结束季度 ${quarters.length} 个，建立目标企业库 ${result.quartersMet} 个；` +
          `已结束月份 ${months.length} 个，主要领导均外出招商 ${result.monthsMet} 个；取两项比例的平均`,
      rows: [
        ...quarters.map((q) => ({
          kind: 'target' as const,
          ref: q.quarter,
          name: `${quarterLabel(q.quarter)}目标企业库`,
          figure: q.targets > 0 ? '1' : '0',
          note: q.targets > 0 ? `入库企业 ${q.targets} 家` : '未建立目标企业库',
        })),
        ...months.map((m) => ({
          kind: 'trip' as const,
          ref: m.month,
          name: `${monthLabel(m.month)}主要领导外出招商`,
          figure: m.met ? '1' : '0',
          note: m.note,
        })),
      ],
    };
  },
};

import Decimal from 'decimal.js';
import { latestQuarterCheck, onTimeShare } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';
import { keyProjectsAt } from '../milestones.service.ts';

/**
 * §四(三) 重点项目动态考核: at the latest quarter check of the year (up to the assessment day), the share of the
 * platform's key projects' milestones due by then that were done on time. No milestone due: full marks.
 */
export const keyMilestonesSource: AssessmentFigureSource = {
  key: 'key_milestones',
  async figure(context, platformKey) {
    const check = latestQuarterCheck(context.year, context.asOf);
    const checkDay = check?.day ?? context.asOf;
    const projects = await context.once(`key-projects:${checkDay}`, () =>
      keyProjectsAt(context.db, SYSTEM_ACTOR, { checkDay }, context.now),
    );
    const mine = projects.filter((p) => p.platformKey === platformKey);
    const all = mine.flatMap((p) => p.milestones.map((m) => ({ ...m, project: p })));
    const { due, onTime } = onTimeShare(all, checkDay);
    const rows = all
      .filter((m) => m.planned !== null && m.planned <= checkDay)
      .map((m) => ({
        kind: 'milestone' as const,
        ref: String(m.project.projectId),
        name: `${m.project.name}：${m.label}`,
        figure: m.state === 'on_time' ? '1' : '0',
        note: `计划 ${m.planned}，${m.actual ? `实际 ${m.actual}` : '尚未完成'}（${m.stateLabel}）`,
      }));
    return {
      available: true,
      value: due === 0 ? '1' : new Decimal(onTime).div(due).toString(),
      target: '1',
      unit: '比例',
      explanation:
        due === 0
          ? `截至 ${checkDay} 本平台没有到期的重点项目节点，按全部按期计`
          : `截至 ${checkDay} 到期节点 ${due} 个，按期完成 ${onTime} 个`,
      rows,
    };
  },
};

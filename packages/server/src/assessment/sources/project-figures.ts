import Decimal from 'decimal.js';
import {
  investmentSummary,
  shanghaiDay,
  type AssessmentFigure,
  type ClassifyCategory,
  type PlatformKey,
  type ProjectView,
} from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { ledgerRows } from '../../projects/projects.service.ts';
import type { AssessmentFigureSource, FigureContext } from '../figure-source.ts';

/** Every project of the ledger, read once per assessment through the projects service. */
export function allProjects(context: FigureContext): Promise<ProjectView[]> {
  return context.once('projects', async () => {
    const rows: ProjectView[] = [];
    for await (const row of ledgerRows(context.db, SYSTEM_ACTOR, {}, context.now)) rows.push(row);
    return rows;
  });
}

/**
 * R2.6 / R4.2 精准招商任务执行: the credit counted under R2.5–R2.6 (the projects module's own count,
 * `investmentSummary`) for projects landed in the year up to the assessment day, against the platform's yearly
 * task in the rubric.
 */
export const investmentTaskSource: AssessmentFigureSource = {
  key: 'investment_task',
  async figure(context, platformKey) {
    const projects = (await allProjects(context)).filter((p) => p.landedOn !== null && p.landedOn <= context.asOf);
    const summary = investmentSummary(
      platformKey,
      context.year,
      projects.map((p) => ({
        id: p.id,
        name: p.name,
        status: p.status,
        reportedPlatformKey: p.reportedPlatformKey,
        platformKey: p.platformKey,
        landedOn: p.landedOn,
        categoryAtReport: p.category as ClassifyCategory,
        circulation: p.circulation,
      })),
    );
    // The rubric's schema requires a task for every platform (an exhaustive record), so no fallback is needed.
    const task = context.rubric.investmentTasks[platformKey];
    return {
      available: true,
      value: new Decimal(summary.totalCredit).toString(),
      target: task,
      unit: '个',
      explanation: `${context.year} 年截至 ${context.asOf} 落地并计入年度招商引资任务的项目（流转项目按分成比例计），年度任务 ${task} 个`,
      rows: summary.projects.map((p) => ({
        kind: 'project' as const,
        ref: String(p.id),
        name: p.name,
        figure: String(p.credit),
        note: p.reason,
      })),
    };
  },
};

/**
 * R4.2 招引项目与鼓励类产业契合度: of the projects the platform first reported in the year (up to the day), the share
 * whose industry was `encouraged` in its catalog when reported (D11, D20). Duplicates are not new projects.
 */
export const industryFitSource: AssessmentFigureSource = {
  key: 'industry_fit',
  async figure(context, platformKey) {
    const reported = (await allProjects(context)).filter((p) => {
      const day = shanghaiDay(new Date(p.reportedAt));
      return (
        p.firstReport &&
        p.reportedPlatformKey === platformKey &&
        day.startsWith(`${context.year}-`) &&
        day <= context.asOf
      );
    });
    const fits = reported.filter((p) => p.category === 'encouraged');
    const value: AssessmentFigure['value'] =
      reported.length === 0 ? '0' : new Decimal(fits.length).div(reported.length).toString();
    return {
      available: true,
      value,
      target: '1',
      unit: '比例',
      explanation:
        reported.length === 0
          ? `${context.year} 年本平台没有首报项目，契合度按 0 计`
          : `${context.year} 年首报项目 ${reported.length} 个，其中登记时属本平台鼓励类 ${fits.length} 个`,
      rows: reported.map((p) => ({
        kind: 'project' as const,
        ref: String(p.id),
        name: p.name,
        figure: p.category === 'encouraged' ? '1' : '0',
        note:
          p.category === 'encouraged'
            ? `行业 ${p.industryCode} 属本平台鼓励类`
            : `行业 ${p.industryCode} 不属本平台鼓励类`,
      })),
    };
  },
};

export type { PlatformKey };

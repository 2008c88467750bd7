import { casesClosedOnTime, RENEWAL_TRACK_LABELS } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { casesDueBetween } from '../../renewal/renewal-deadlines.service.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';

/**
 * R3.4–R3.5 / R4.2 存量产业有机更新 "整治与更新个案按期销号": the platform's renewal cases due between 1 January and
 * the assessment day, and the share completed on or before their deadline (the domain's casesClosedOnTime). The
 * R3.4 rectification list of the mu-evaluation carries no deadline or closing (it is a list of enterprises, not of
 * cases), so the cases of the renewal module are the ones that can be closed on time or late.
 */
export const rectificationClosedSource: AssessmentFigureSource = {
  key: 'rectification_closed',
  async figure(context, platformKey) {
    const start = `${context.year}-01-01`;
    const cases = await casesDueBetween(context.db, SYSTEM_ACTOR, platformKey, start, context.asOf);
    const result = casesClosedOnTime(cases, context.year, context.asOf);
    return {
      available: true,
      value: result.share,
      target: '1',
      unit: '销号率',
      explanation:
        result.due === 0
          ? `${start} 至 ${context.asOf} 本平台没有到期的整治与更新个案（无到期个案），按全部按期计`
          : `${start} 至 ${context.asOf} 到期个案 ${result.due} 件（已撤销的不计），按期销号 ${result.onTime} 件`,
      rows: result.verdicts.map((v) => ({
        kind: 'case' as const,
        ref: String(v.case.id),
        name: `${v.case.enterpriseName}（${(RENEWAL_TRACK_LABELS as Partial<Record<string, string>>)[v.case.track] ?? v.case.track}）`,
        figure: v.onTime ? '1' : '0',
        note:
          `期限 ${v.case.deadline}，` +
          (v.case.completedOn
            ? `${v.case.completedOn} 完成${v.onTime ? '（按期）' : '（逾期）'}`
            : '尚未完成（逾期未销号）'),
      })),
    };
  },
};

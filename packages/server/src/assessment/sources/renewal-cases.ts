import { shareDone } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { casesDueBetweenQuery } from '../../renewal/renewal-deadlines.service.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';
import { countAndKeepRows } from '../figure-rows.repository.ts';
import { casesOnTimeRows } from './figure-rows.sql.ts';

/**
 * R3.4–R3.5 / R4.2 存量产业有机更新 "整治与更新个案按期销号": the platform's renewal cases due between 1 January and
 * the assessment day, and the share completed on or before their deadline (the domain's casesClosedOnTime, in SQL:
 * figure-rows.sql.ts; the cases are counted and kept as rows in the database, issue #15). The R3.4 rectification
 * list of the mu-evaluation carries no deadline or closing (it is a list of enterprises, not of cases), so the cases
 * of the renewal module are the ones that can be closed on time or late.
 */
export const rectificationClosedSource: AssessmentFigureSource = {
  key: 'rectification_closed',
  countsInDatabase: true,
  async figure(context, platformKey) {
    const start = `${context.year}-01-01`;
    const cases = casesDueBetweenQuery(SYSTEM_ACTOR, platformKey, start, context.asOf);
    const { due, done } = await countAndKeepRows(
      context.db,
      casesOnTimeRows(cases, context.year, context.asOf),
      context.rowsOf(platformKey, 'rectification_closed'),
    );
    return {
      available: true,
      value: shareDone(done, due),
      target: '1',
      unit: '销号率',
      explanation:
        due === 0
          ? `${start} 至 ${context.asOf} 本平台没有到期的整治与更新个案（无到期个案），按全部按期计`
          : `${start} 至 ${context.asOf} 到期个案 ${due} 件（已撤销的不计），按期销号 ${done} 件`,
      rowCount: due,
    };
  },
};

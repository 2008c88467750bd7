import { shanghaiDay, type EvaluationRunSummary } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { listRuns } from '../../mu-evaluation/mu-evaluation.service.ts';
import type { AssessmentFigureSource, FigureContext } from '../figure-source.ts';

/** Published mu-evaluations of the assessment year's data and of the year before (the one usually run that year). */
function publishedRuns(context: FigureContext): Promise<EvaluationRunSummary[]> {
  return context.once('mu-runs', async () => {
    const runs: EvaluationRunSummary[] = [];
    for (const year of [context.year, context.year - 1]) {
      const page = await listRuns(context.db, SYSTEM_ACTOR, { year, status: 'published', page: 1, pageSize: 20 });
      runs.push(...page.items);
    }
    return runs.filter((run) => run.publishedAt && shanghaiDay(new Date(run.publishedAt)) <= context.asOf);
  });
}

/**
 * R4.2 存量产业有机更新 (R3.2): the platform's enterprises were evaluated in a PUBLISHED mu-evaluation (亩均评价) of the
 * assessment year's data or of the year before, published by the assessment day. 1 when done, 0 when not.
 */
export const muEvaluationSource: AssessmentFigureSource = {
  key: 'mu_evaluation',
  async figure(context, platformKey) {
    const runs = await publishedRuns(context);
    const covering = runs.find((run) => (run.platforms.find((p) => p.platformKey === platformKey)?.evaluated ?? 0) > 0);
    if (!covering) {
      return {
        available: true,
        value: '0',
        target: '1',
        unit: '是否完成',
        explanation: `截至 ${context.asOf} 没有已发布的 ${context.year - 1} 或 ${context.year} 年度亩均评价覆盖本平台企业`,
        rows: [],
      };
    }
    const mine = covering.platforms.find((p) => p.platformKey === platformKey)!;
    return {
      available: true,
      value: '1',
      target: '1',
      unit: '是否完成',
      explanation: `${covering.year} 年度亩均评价已于 ${shanghaiDay(new Date(covering.publishedAt!))} 发布，本平台评价企业 ${mine.evaluated} 家`,
      rows: [
        {
          kind: 'evaluation_run',
          ref: String(covering.id),
          name: `${covering.year} 年度亩均评价（第 ${covering.numberInYear} 次）`,
          figure: String(mine.evaluated),
          note: `A ${mine.counts.A}、B ${mine.counts.B}、C ${mine.counts.C}、D ${mine.counts.D} 家；D 类占比 ${(mine.dShare * 100).toFixed(1)}%`,
        },
      ],
    };
  },
};

import Decimal from 'decimal.js';
import type { EnterpriseRecord, PlatformKey } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { recordsOfYear } from '../../enterprises/enterprise-records.service.ts';
import { classify } from '../../catalog/catalog.service.ts';
import type { AssessmentFigureSource, FigureContext } from '../figure-source.ts';
import { noDataFigure } from '@pgs/domain';

/** Whether an industry code is `encouraged` (the platform's leading and emerging industries, R1.2) on the day. */
async function isLeading(context: FigureContext, platformKey: PlatformKey, industryCode: string): Promise<boolean> {
  return context.once(`leading:${platformKey}:${industryCode}`, async () => {
    try {
      const result = await classify(
        context.db,
        SYSTEM_ACTOR,
        platformKey,
        { industryCode, date: context.asOf },
        context.now,
      );
      return result.category === 'encouraged';
    } catch {
      return false; // an unknown code or no catalog in force: not a leading industry
    }
  });
}

const recordsOf = (context: FigureContext, year: number) =>
  context.once(`records:${year}`, () => recordsOfYear(context.db, year));

const sum = (records: EnterpriseRecord[], field: 'revenue' | 'tax') =>
  records.reduce((total, r) => total.plus(r[field] ?? 0), new Decimal(0));

/**
 * R4.2 主导产业集群发展: the enterprises of the base database on the platform whose industry is `encouraged` in its
 * catalog (its leading, characteristic and emerging industries, R1.2); their revenue (营业收入, the base database's
 * output figure) and tax of the year against the year before. The figure is the mean of the two growth rates.
 */
export const clusterGrowthSource: AssessmentFigureSource = {
  key: 'cluster_growth',
  async figure(context, platformKey) {
    const [now, before] = await Promise.all([recordsOf(context, context.year), recordsOf(context, context.year - 1)]);
    const cluster = async (records: EnterpriseRecord[]) => {
      const kept: EnterpriseRecord[] = [];
      for (const r of records)
        if (r.platformKey === platformKey && r.industryCode && (await isLeading(context, platformKey, r.industryCode)))
          kept.push(r);
      return kept;
    };
    const [thisYear, lastYear] = await Promise.all([cluster(now), cluster(before)]);
    if (thisYear.length === 0)
      return noDataFigure(`${context.year} 年度基础数据库中没有本平台主导产业企业的数据`, '增速');
    const [revenueNow, revenueBefore, taxNow, taxBefore] = [
      sum(thisYear, 'revenue'),
      sum(lastYear, 'revenue'),
      sum(thisYear, 'tax'),
      sum(lastYear, 'tax'),
    ];
    if (revenueBefore.isZero() || taxBefore.isZero())
      return noDataFigure(
        `${context.year - 1} 年度基础数据库中没有本平台主导产业企业的营收或税收，无法计算同比`,
        '增速',
      );
    const revenueGrowth = revenueNow.div(revenueBefore).minus(1);
    const taxGrowth = taxNow.div(taxBefore).minus(1);
    const value = revenueGrowth.plus(taxGrowth).div(2);
    const byCode = new Map(lastYear.map((r) => [r.creditCode, r]));
    const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;
    return {
      available: true,
      value: value.toDecimalPlaces(6).toString(),
      target: null,
      unit: '增速',
      explanation: `主导产业企业 ${thisYear.length} 家：营业收入 ${revenueBefore.toDecimalPlaces(2).toString()} → ${revenueNow.toDecimalPlaces(2).toString()} 万元（${pct(revenueGrowth)}），税收 ${taxBefore.toDecimalPlaces(2).toString()} → ${taxNow.toDecimalPlaces(2).toString()} 万元（${pct(taxGrowth)}），两者平均 ${pct(value)}`,
      rows: thisYear.map((r) => {
        const prior = byCode.get(r.creditCode);
        return {
          kind: 'enterprise' as const,
          ref: r.creditCode,
          name: r.name,
          figure: r.revenue ?? '0',
          note: `行业 ${r.industryCode}；营业收入 ${prior?.revenue ?? '—'} → ${r.revenue ?? '—'} 万元，税收 ${prior?.tax ?? '—'} → ${r.tax ?? '—'} 万元`,
        };
      }),
    };
  },
};

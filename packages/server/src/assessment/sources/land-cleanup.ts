import { landCleanup, PARCEL_ACTION_LABELS, PARCEL_STATE_LABELS } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { parcelTimelines } from '../../land/parcel-timelines.service.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';

const stateLabel = (state: string | null) =>
  state === null ? '尚未批准' : ((PARCEL_STATE_LABELS as Partial<Record<string, string>>)[state] ?? state);

/**
 * R3.6 / R4.2 土地清理与利用: the share of the platform's clean-up land (批而未供, 供而未用, 腾空) handled in the year
 * up to the assessment day — supplied, started, recovered or reused — replayed from the land module's parcel
 * timelines (the domain's landCleanup says what counts). Every parcel counted is a row (1 handled, 0 not).
 */
export const landCleanupSource: AssessmentFigureSource = {
  key: 'land_cleanup',
  async figure(context, platformKey) {
    const timelines = await parcelTimelines(context.db, SYSTEM_ACTOR, platformKey, context.asOf);
    const result = landCleanup(timelines, context.year, context.asOf);
    const start = `${context.year}-01-01`;
    return {
      available: true,
      value: result.share,
      target: '1',
      unit: '处置率',
      explanation:
        result.due === 0
          ? `${start} 至 ${context.asOf} 本平台没有批而未供、供而未用或腾空的地块，按全部处置计`
          : `${start} 至 ${context.asOf} 本平台批而未供、供而未用、腾空地块 ${result.due} 宗，` +
            `其中当年供地、开工、收回或再利用 ${result.handled} 宗`,
      rows: result.verdicts.map((v) => ({
        kind: 'parcel' as const,
        ref: String(v.parcel.id),
        name: v.parcel.code,
        figure: v.handledBy ? '1' : '0',
        note:
          `年初状态：${stateLabel(v.stateAtStart)}；` +
          (v.handledBy
            ? `${v.handledBy.on} ${(PARCEL_ACTION_LABELS as Partial<Record<string, string>>)[v.handledBy.kind] ?? v.handledBy.kind}`
            : `截至 ${context.asOf} 未处置`),
      })),
    };
  },
};

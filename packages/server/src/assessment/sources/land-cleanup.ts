import { shareDone } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { parcelMovesQuery } from '../../land/parcel-timelines.service.ts';
import type { AssessmentFigureSource } from '../figure-source.ts';
import { countAndKeepRows } from '../figure-rows.repository.ts';
import { landCleanupRows } from './figure-rows.sql.ts';

/**
 * R3.6 / R4.2 土地清理与利用: the share of the platform's clean-up land (批而未供, 供而未用, 腾空) handled in the year
 * up to the assessment day — supplied, started, recovered or reused — replayed from the land module's parcel
 * timelines by the domain's landCleanup rule, in SQL (figure-rows.sql.ts): the parcels are counted and kept as the
 * figure's rows in the database, never loaded into Node (issue #15). Every parcel counted is a row (1 handled, 0 not).
 */
export const landCleanupSource: AssessmentFigureSource = {
  key: 'land_cleanup',
  countsInDatabase: true,
  async figure(context, platformKey) {
    const moves = parcelMovesQuery(SYSTEM_ACTOR, platformKey, context.asOf);
    const { due, done } = await countAndKeepRows(
      context.db,
      landCleanupRows(moves, context.year, context.asOf),
      context.rowsOf(platformKey, 'land_cleanup'),
    );
    const start = `${context.year}-01-01`;
    return {
      available: true,
      value: shareDone(done, due),
      target: '1',
      unit: '处置率',
      explanation:
        due === 0
          ? `${start} 至 ${context.asOf} 本平台没有批而未供、供而未用或腾空的地块，按全部处置计`
          : `${start} 至 ${context.asOf} 本平台批而未供、供而未用、腾空地块 ${due} 宗，` +
            `其中当年供地、开工、收回或再利用 ${done} 宗`,
      rowCount: due,
    };
  },
};

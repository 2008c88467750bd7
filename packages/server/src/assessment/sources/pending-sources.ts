import { noDataFigure } from '@pgs/domain';
import type { AssessmentFigureSource } from '../figure-source.ts';

/**
 * Sources whose module is being built on another branch (land: parcels and renewal cases; targets: the target
 * library and trips). Until the coordinator wires them (docs/notes/assess.md says exactly how), they answer
 * "no data source": the criterion scores 0 with that reason and the page shows 数据待接入.
 */
export const landCleanupSource: AssessmentFigureSource = {
  key: 'land_cleanup',
  figure() {
    return Promise.resolve(noDataFigure('土地清理模块（批而未供、供而未用、腾空土地）尚未接入', '处置率'));
  },
};

export const rectificationClosedSource: AssessmentFigureSource = {
  key: 'rectification_closed',
  figure() {
    return Promise.resolve(noDataFigure('整治与更新个案的销号记录（更新个案模块）尚未接入', '销号率'));
  },
};

export const targetsTripsSource: AssessmentFigureSource = {
  key: 'targets_trips',
  figure() {
    return Promise.resolve(noDataFigure('目标企业库与外出招商模块尚未接入', '完成率'));
  },
};

import type { FigureSourceKey } from '@pgs/domain';
import type { AssessmentFigureSource } from './figure-source.ts';
import { industryFitSource, investmentTaskSource } from './sources/project-figures.ts';
import { clusterGrowthSource } from './sources/cluster-growth.ts';
import { muEvaluationSource } from './sources/stock-renewal.ts';
import { keyMilestonesSource } from './sources/key-milestones.ts';
import { landCleanupSource, rectificationClosedSource, targetsTripsSource } from './sources/pending-sources.ts';

/**
 * THE one place where figure sources are registered (R4.2). When the land and targets modules are merged, the
 * coordinator replaces the three pending sources here with providers reading those modules' services
 * (docs/notes/assess.md). The Record type makes tsc fail if a source key has no provider.
 */
export const FIGURE_SOURCE_REGISTRY: Record<FigureSourceKey, AssessmentFigureSource> = {
  investment_task: investmentTaskSource,
  targets_trips: targetsTripsSource,
  industry_fit: industryFitSource,
  cluster_growth: clusterGrowthSource,
  mu_evaluation: muEvaluationSource,
  rectification_closed: rectificationClosedSource,
  land_cleanup: landCleanupSource,
  key_milestones: keyMilestonesSource,
};

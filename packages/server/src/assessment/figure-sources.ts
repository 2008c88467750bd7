import type { FigureSourceKey } from '@pgs/domain';
import type { AssessmentFigureSource } from './figure-source.ts';
import { industryFitSource, investmentTaskSource } from './sources/project-figures.ts';
import { clusterGrowthSource } from './sources/cluster-growth.ts';
import { muEvaluationSource } from './sources/stock-renewal.ts';
import { keyMilestonesSource } from './sources/key-milestones.ts';
import { landCleanupSource } from './sources/land-cleanup.ts';
import { rectificationClosedSource } from './sources/renewal-cases.ts';
import { targetsTripsSource } from './sources/targets-trips.ts';
import { keyTasksSource } from './sources/key-tasks.ts';

/**
 * THE one place where figure sources are registered (R4.2). Each provider reads its module only through that
 * module's service (land, renewal, targets, trips, key tasks, projects, enterprises). The Record type makes tsc fail
 * if a source key has no provider.
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
  key_tasks: keyTasksSource,
};

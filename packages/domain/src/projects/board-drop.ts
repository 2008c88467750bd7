import type { Role } from '../platform/roles.ts';
import {
  checkTransition,
  isOpenStatus,
  PIPELINE_STAGES,
  PROJECT_STATUS_LABELS,
  type PipelineStage,
  type ProjectStatus,
} from './pipeline.ts';

/**
 * The stage board (R2.4): why a card may not be dropped on a column, from what the board knows of the project (its
 * stage, platform, first report). The evaluation gates need the evaluation record, which the server checks when
 * the move is confirmed. Null when the drop is a move this role may make.
 */
export function boardDropProblem(input: {
  project: { status: ProjectStatus; platformKey: string; firstReport: boolean };
  to: PipelineStage;
  role: Role;
  actorPlatformKey: string | null;
}): string | null {
  const { project, to } = input;
  if (!isOpenStatus(project.status)) return `项目已${PROJECT_STATUS_LABELS[project.status]}，不能再变更阶段`;
  const from = PIPELINE_STAGES.indexOf(project.status as PipelineStage);
  if (PIPELINE_STAGES.indexOf(to) < from)
    return `项目不能退回“${PROJECT_STATUS_LABELS[to]}”；误操作可在项目页“撤销上一步”`;
  const verdict = checkTransition({
    from: project.status,
    to,
    role: input.role,
    actorPlatformKey: input.actorPlatformKey,
    projectPlatformKey: project.platformKey,
    isDuplicate: !project.firstReport,
    hasEvaluation: true,
    latestEvaluationPasses: true,
  });
  return verdict.allowed ? null : verdict.message;
}

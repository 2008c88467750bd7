import { useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { ArrowRightOutlined, CloseCircleOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import {
  checkTransition,
  plainText,
  evaluationProblem,
  isOpenStatus,
  PIPELINE_STAGES,
  PROJECT_STATUS_LABELS,
  roleMayMoveTo,
  type PipelineStage,
  type ProjectEvaluationRecord,
  type ProjectStatus,
} from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import type { SessionUser } from '../../auth/session.ts';
import type { ProjectDetail } from '../projects.api.ts';
import { StageMoveModal, type StageMove } from '../components/StageMoveModal.tsx';
import { UndoMoveButton } from './UndoMoveButton.tsx';

type Props = {
  project: ProjectDetail;
  evaluations: ProjectEvaluationRecord[];
  me: SessionUser;
  onEvaluate: () => void;
  onCirculate: () => void;
};

/** The next stage of the pipeline (R2.4), or null at its end. */
export function nextStage(status: ProjectStatus): PipelineStage | null {
  const index = PIPELINE_STAGES.indexOf(status as PipelineStage);
  return index >= 0 && index < PIPELINE_STAGES.length - 1 ? PIPELINE_STAGES[index + 1]! : null;
}

/**
 * What this user may do with this project now. The buttons ask the same domain rules the server applies
 * (checkTransition, evaluationProblem), so a button that shows is a move the server accepts; a disabled one
 * says why in its tooltip.
 */
export function ProjectActions({ project, evaluations, me, onEvaluate, onCirculate }: Props) {
  const [moving, setMoving] = useState<StageMove | null>(null);
  const role = me.role;
  const latest = evaluations[0];
  const verdict = (to: ProjectStatus, reason: string | null = null) =>
    checkTransition({
      from: project.status,
      to,
      role,
      actorPlatformKey: me.platformKey,
      projectPlatformKey: project.platformKey,
      isDuplicate: !project.firstReport,
      hasEvaluation: latest !== undefined,
      latestEvaluationPasses: latest?.passes ?? false,
      reason,
    });

  const move = (to: ProjectStatus) => {
    setMoving({ project, to });
  };

  if (!can(role, 'projects.move')) return null;
  // D10: a project circulated away stays readable by the platform that first negotiated it; the host acts on it.
  if (role === 'platform' && project.platformKey !== me.platformKey) return null;
  if (!isOpenStatus(project.status)) return <UndoMoveButton project={project} me={me} />;
  const next = nextStage(project.status);
  const nextVerdict = next && roleMayMoveTo(role, next, me.platformKey, project.platformKey) ? verdict(next) : null;
  const mayEvaluate =
    roleMayMoveTo(role, 'evaluated', me.platformKey, project.platformKey) &&
    evaluationProblem(project.status, !project.firstReport) === null;
  const mayClose = roleMayMoveTo(role, 'lost', me.platformKey, project.platformKey);

  return (
    <Space wrap data-testid="project-actions">
      {next && nextVerdict && (
        <Tooltip title={nextVerdict.allowed ? undefined : plainText(nextVerdict.message)}>
          <Button
            type="primary"
            icon={<ArrowRightOutlined />}
            disabled={!nextVerdict.allowed}
            onClick={() => {
              move(next);
            }}
            data-testid="project-advance"
            data-to={next}
          >
            {next === 'tracked' ? '确认入盯引库' : `推进到“${PROJECT_STATUS_LABELS[next]}”`}
          </Button>
        </Tooltip>
      )}
      {mayEvaluate && (
        <Button icon={<FormOutlined />} onClick={onEvaluate} data-testid="project-evaluate">
          {latest ? '重新评估' : '准入评估'}
        </Button>
      )}
      {can(role, 'projects.circulate') && (
        <Button icon={<SwapOutlined />} onClick={onCirculate} data-testid="project-circulate">
          流转
        </Button>
      )}
      {mayClose && (
        <>
          <Button
            danger
            icon={<CloseCircleOutlined />}
            onClick={() => {
              move('lost');
            }}
            data-testid="project-lost"
          >
            标记流失
          </Button>
          <Button
            danger
            onClick={() => {
              move('rejected');
            }}
            data-testid="project-reject"
          >
            否决
          </Button>
        </>
      )}
      <UndoMoveButton project={project} me={me} />
      <StageMoveModal
        move={moving}
        onClose={() => {
          setMoving(null);
        }}
      />
    </Space>
  );
}

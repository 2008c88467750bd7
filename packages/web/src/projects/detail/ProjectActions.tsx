import { useState } from 'react';
import { App, Button, Space, Tooltip } from 'antd';
import { ArrowRightOutlined, CloseCircleOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  checkTransition,
  evaluationProblem,
  isOpenStatus,
  PIPELINE_STAGES,
  PROJECT_STATUS_LABELS,
  roleMayMoveTo,
  type PipelineStage,
  type ProjectEvaluationRecord,
  type ProjectStatus,
} from '@pgs/domain';
import { can, type Role } from '@pgs/domain/platform/roles';
import type { SessionUser } from '../../auth/session.ts';
import { moveProject, projectKeys, type ProjectDetail } from '../projects.api.ts';
import { ReasonModal } from '../components/ReasonModal.tsx';

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState<'lost' | 'rejected' | null>(null);
  const [busy, setBusy] = useState(false);
  const role = me.role as Role;
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

  const move = async (to: ProjectStatus, reason?: string) => {
    setBusy(true);
    try {
      await moveProject(project.id, { to, version: project.version, reason });
      message.success(`项目已转为“${PROJECT_STATUS_LABELS[to]}”`);
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      return true;
    } catch {
      // the central handler has shown the server's sentence (409 also refetches)
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!can(role, 'projects.move') || !isOpenStatus(project.status)) return null;
  const next = nextStage(project.status);
  const nextVerdict = next && roleMayMoveTo(role, next, me.platformKey, project.platformKey) ? verdict(next) : null;
  const mayEvaluate = roleMayMoveTo(role, 'evaluated', me.platformKey, project.platformKey) && evaluationProblem(project.status, !project.firstReport) === null;
  const mayClose = roleMayMoveTo(role, 'lost', me.platformKey, project.platformKey);

  return (
    <Space wrap data-testid="project-actions">
      {next && nextVerdict && (
        <Tooltip title={nextVerdict.allowed ? undefined : nextVerdict.message}>
          <Button
            type="primary"
            icon={<ArrowRightOutlined />}
            disabled={!nextVerdict.allowed}
            loading={busy}
            onClick={() => void move(next)}
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
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setClosing('lost')} data-testid="project-lost">
            标记流失
          </Button>
          <Button danger onClick={() => setClosing('rejected')} data-testid="project-reject">
            否决
          </Button>
        </>
      )}
      <ReasonModal
        open={closing !== null}
        title={closing === 'lost' ? '标记项目流失' : '否决项目'}
        label="原因（R2.4 必填）"
        okText="确定"
        busy={busy}
        testId="close"
        onCancel={() => setClosing(null)}
        onSubmit={async (reason) => {
          const moved = closing !== null && (await move(closing, reason));
          if (moved) setClosing(null);
          return moved;
        }}
      />
    </Space>
  );
}

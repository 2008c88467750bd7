import { useState, type DragEvent } from 'react';
import { App, Badge, Card, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import {
  boardDropProblem,
  PIPELINE_STAGES,
  PROJECT_STATUS_LABELS,
  type PipelineStage,
  type ProjectView,
} from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import { useMe, type SessionUser } from '../../auth/session.ts';
import { useProjects } from '../projects.api.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { formatYi, platformShortName } from '../components/project-format.ts';
import { StageMoveModal, type StageMove } from '../components/StageMoveModal.tsx';

const CARDS_PER_COLUMN = 30;

/**
 * 阶段看板: the pipeline of R2.4 as columns. A card dragged onto the next column moves the project there with the
 * version on the card (a stale one gets 409 and the board reloads); the server decides, the board only offers
 * the moves the user's role may make.
 */
export function StageBoardPage() {
  const { data: me } = useMe();
  const [platformKey, setPlatformKey] = useState<string | undefined>(undefined);
  const [dragged, setDragged] = useState<ProjectView | null>(null);
  const [moving, setMoving] = useState<StageMove | null>(null);
  if (!me) return null;
  const fixed = me.role === 'platform';
  return (
    // A plain block, not a Space: a Space item grows to the board's width and the page would clip 签约 and 落地.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Space>
        <PlatformSelect names="short" value={platformKey} onChange={setPlatformKey} data-testid="board-platform" />
        <Typography.Text type="secondary">
          {can(me.role, 'projects.move')
            ? '把项目卡片拖到下一阶段，确认日期后推进；终止、评估与流转请在项目页操作。看板可左右滚动。'
            : '只读：您的角色可查看看板，不能推进项目。'}
        </Typography.Text>
      </Space>
      <div
        style={{ display: 'flex', gap: 12, overflowX: 'scroll', paddingBottom: 8, maxWidth: '100%' }}
        data-testid="stage-board"
      >
        {PIPELINE_STAGES.map((stage) => (
          <StageColumn
            key={stage}
            stage={stage}
            platformKey={fixed ? undefined : platformKey}
            me={me}
            dragged={dragged}
            onDrag={setDragged}
            onMove={setMoving}
          />
        ))}
      </div>
      <StageMoveModal
        move={moving}
        onClose={() => {
          setMoving(null);
        }}
      />
    </div>
  );
}

type ColumnProps = {
  stage: PipelineStage;
  platformKey?: string;
  me: SessionUser;
  dragged: ProjectView | null;
  onDrag: (p: ProjectView | null) => void;
  onMove: (move: StageMove) => void;
};

function StageColumn({ stage, platformKey, me, dragged, onDrag, onMove }: ColumnProps) {
  const { message } = App.useApp();
  const projects = useProjects({ status: stage, platformKey }, 1, CARDS_PER_COLUMN);
  const [over, setOver] = useState(false);
  // The pipeline rules say which moves are legal for which role; a drop anywhere else says why (issue #9).
  const problem = dragged
    ? boardDropProblem({ project: dragged, to: stage, role: me.role, actorPlatformKey: me.platformKey })
    : null;
  const accepts = dragged !== null && problem === null;

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!dragged) return;
    const project = dragged;
    onDrag(null);
    if (project.status === stage) return;
    if (problem) {
      message.warning({ content: problem, key: 'board-drop' });
      return;
    }
    onMove({ project, to: stage });
  };

  const total = projects.data?.total ?? 0;
  return (
    <div
      data-testid={`board-column-${stage}`}
      onDragOver={(event) => {
        if (!dragged) return;
        // Every column takes the drop, so a refused one can say why.
        event.preventDefault();
        setOver(accepts);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={drop}
      style={{
        flex: '0 0 200px',
        background: over ? '#e6f4ff' : accepts ? '#f6ffed' : '#f5f5f5',
        border: accepts ? '1px dashed #52c41a' : '1px solid transparent',
        borderRadius: 8,
        padding: 8,
        minHeight: 400,
      }}
    >
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{PROJECT_STATUS_LABELS[stage]}</Typography.Text>
        <Badge
          count={total}
          showZero
          overflowCount={9999}
          color={total ? '#1f5fad' : '#bfbfbf'}
          data-testid={`board-count-${stage}`}
        />
      </Space>
      {projects.data && projects.data.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" />
      )}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {projects.data?.items.map((project) => (
          <Card
            key={project.id}
            size="small"
            draggable={can(me.role, 'projects.move')}
            onDragStart={() => {
              onDrag(project);
            }}
            onDragEnd={() => {
              onDrag(null);
            }}
            style={{ cursor: can(me.role, 'projects.move') ? 'grab' : 'default' }}
            data-testid={`board-card-${project.id}`}
          >
            <Tooltip title={project.name}>
              <Link
                to={`/projects/${project.id}`}
                style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              >
                {project.name}
              </Link>
            </Tooltip>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {platformShortName(project.platformKey)} · {formatYi(project.totalInvestment)}
              </Typography.Text>
            </div>
            <Space size={4} wrap>
              {!project.firstReport && <Tag color="orange">重复报送</Tag>}
              {project.overdue && <Tag color="red">逾期</Tag>}
            </Space>
          </Card>
        ))}
        {total > CARDS_PER_COLUMN && (
          <Link to={`/projects?status=${stage}${platformKey ? `&platformKey=${platformKey}` : ''}`}>
            在台账中查看全部 {total} 个
          </Link>
        )}
      </Space>
    </div>
  );
}

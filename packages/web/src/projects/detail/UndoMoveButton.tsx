import { useState } from 'react';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { checkUndo, PROJECT_STATUS_LABELS } from '@pgs/domain';
import type { SessionUser } from '../../auth/session.ts';
import { projectKeys, undoMove, useProjectSettings, type ProjectDetail } from '../projects.api.ts';
import { showRefusal } from '../components/refusal.ts';

/**
 * 撤销上一步 (issue #9): shown only when the same domain rule the server applies allows it — the newest history entry
 * is a stage move made by this role (and platform) within the configured days. The undo is a new history entry.
 */
export function UndoMoveButton({ project, me }: { project: ProjectDetail; me: SessionUser }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useProjectSettings();
  const [busy, setBusy] = useState(false);
  const last = project.history.at(-1);
  if (!settings.data || !last) return null;
  const verdict = checkUndo({
    lastEvent: { ...last, at: new Date(last.at) },
    projectVersion: project.version,
    actorRole: me.role,
    actorPlatformKey: me.platformKey,
    now: new Date(),
    windowDays: settings.data.undoWindowDays,
  });
  if (!verdict.allowed) return null;
  const undo = async () => {
    setBusy(true);
    try {
      await undoMove(project.id, project.version);
      message.success(
        `已撤销“${PROJECT_STATUS_LABELS[verdict.undoing]}”，项目退回“${PROJECT_STATUS_LABELS[verdict.backTo]}”`,
      );
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
    } catch (error) {
      await showRefusal(error, queryClient);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title="撤销上一步"
      description={`把项目从“${PROJECT_STATUS_LABELS[verdict.undoing]}”退回“${PROJECT_STATUS_LABELS[verdict.backTo]}”？撤销会作为新的一条记入项目历程。`}
      okText="撤销"
      cancelText="取消"
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits a returned promise to keep its OK button loading; the promise never rejects (undo catches its errors)
      onConfirm={undo}
      okButtonProps={{ 'data-testid': 'undo-confirm' }}
    >
      <Tooltip title={`${settings.data.undoWindowDays} 天内可由同一角色撤销误操作`}>
        <Button icon={<UndoOutlined />} loading={busy} data-testid="project-undo">
          撤销上一步
        </Button>
      </Tooltip>
    </Popconfirm>
  );
}

import { Alert } from 'antd';
import type { SessionUser } from '../../auth/session.ts';
import type { ProjectDetail } from '../projects.api.ts';
import { platformShortName } from '../components/project-format.ts';

export const sharePercent = (share: number) => `${Math.round(share * 10000) / 100}%`;

/**
 * D10: a circulated project names both platforms and their credit shares; the first-negotiation platform reads it
 * here (read-only, it keeps its share) while the host platform acts on it.
 */
export function CirculationNotice({ project, me }: { project: ProjectDetail; me: SessionUser }) {
  const c = project.circulation!;
  const readOnly = me.role === 'platform' && me.platformKey !== project.platformKey;
  return (
    <Alert
      type={readOnly ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="circulation-notice"
      title={
        readOnly
          ? `本项目已流转至${platformShortName(c.toPlatformKey)}，本平台只读`
          : `本项目由${platformShortName(c.fromPlatformKey)}流转至${platformShortName(c.toPlatformKey)}`
      }
      description={
        <span data-testid="circulation-shares">
          招商引资任务分成：首谈地{platformShortName(c.fromPlatformKey)} {sharePercent(c.firstPlaceShare)}，落地地
          {platformShortName(c.toPlatformKey)} {sharePercent(c.hostShare)}。
          {readOnly
            ? `后续推进由${platformShortName(c.toPlatformKey)}办理；落地后本平台按 ${sharePercent(c.firstPlaceShare)} 计入完成数。`
            : ''}
        </span>
      }
    />
  );
}

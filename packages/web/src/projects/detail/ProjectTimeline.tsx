import { Timeline, Typography } from 'antd';
import { labelOr, plainText, PROJECT_STATUS_LABELS } from '@pgs/domain';
import { formatDateTime } from '../../shared/format.ts';
import type { ProjectEvent } from '../projects.api.ts';
import { platformShortName } from '../components/project-format.ts';

const KIND_LABELS: Record<string, string> = {
  reported: '首报登记',
  transition: '阶段变更',
  evaluation: '准入评估',
  circulation: '项目流转',
  undo: '撤销阶段变更',
};
const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 10000) / 100}%`);
const label = (status: string | null) => (status ? labelOr(PROJECT_STATUS_LABELS, status) : '');

type EventDetails = {
  total?: number;
  reasons?: string[];
  fromPlatformKey?: string;
  toPlatformKey?: string;
  firstPlaceShare?: number;
  hostShare?: number;
  explanation?: string;
};

function summary(event: ProjectEvent): string {
  const details = (event.details ?? {}) as EventDetails;
  if (event.kind === 'reported') return `登记为“${label(event.toStatus)}”`;
  if (event.kind === 'evaluation') return `评分 ${details.total ?? '—'} 分`;
  if (event.kind === 'circulation') {
    return `由${platformShortName(details.fromPlatformKey)}流转至${platformShortName(details.toPlatformKey)}，首谈地分成 ${percent(details.firstPlaceShare)}，落地地分成 ${percent(details.hostShare)}`;
  }
  return `${label(event.fromStatus)} → ${label(event.toStatus)}`;
}

/** The project's whole history, oldest first: every change with its version, date, who and why (D8). */
export function ProjectTimeline({ history }: { history: ProjectEvent[] }) {
  return (
    <Timeline
      data-testid="project-timeline"
      items={history.map((event) => ({
        color:
          event.kind === 'evaluation'
            ? 'purple'
            : event.kind === 'undo'
              ? 'gray'
              : event.toStatus === 'lost' || event.toStatus === 'rejected'
                ? 'red'
                : event.toStatus === 'landed'
                  ? 'green'
                  : 'blue',
        content: (
          <div data-testid={`timeline-v${event.version}`}>
            <Typography.Text strong>
              v{event.version} · {KIND_LABELS[event.kind] ?? event.kind}
            </Typography.Text>{' '}
            <Typography.Text>{summary(event)}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(event.at)} · {event.actorDisplayName} · 发生日期 {event.effectiveDate}
              </Typography.Text>
            </div>
            {event.reason && (
              <div>
                {event.kind === 'undo' || event.kind === 'evaluation' ? '说明' : '原因'}：{plainText(event.reason)}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

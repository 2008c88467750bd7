import { Tag } from 'antd';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@pgs/domain';

/** Early stages blue, the tracking library and after purple/cyan, landed green, closed early grey/red. */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  reported: 'blue',
  feasible: 'blue',
  plan_submitted: 'geekblue',
  evaluated: 'geekblue',
  tracked: 'purple',
  negotiating: 'cyan',
  signed: 'gold',
  landed: 'green',
  lost: 'default',
  rejected: 'red',
};

export function StatusTag({ status }: { status: ProjectStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {PROJECT_STATUS_LABELS[status]}
    </Tag>
  );
}

import { Tag } from 'antd';
import { RUN_STATUS_LABELS, type RunStatus } from '../mu-evaluation.api.ts';

const COLORS: Record<RunStatus, string> = { draft: 'gold', published: 'green', superseded: 'default' };

export function RunStatusTag({ status }: { status: RunStatus }) {
  return (
    <Tag color={COLORS[status]} data-status={status} data-testid="run-status">
      {RUN_STATUS_LABELS[status]}
    </Tag>
  );
}

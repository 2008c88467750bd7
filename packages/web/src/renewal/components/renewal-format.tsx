import { Tag, Tooltip } from 'antd';
import {
  completedLabel,
  DISPOSAL_WAY_LABELS,
  ELIMINATION_MEASURE_LABELS,
  EXIT_WAY_LABELS,
  RENEWAL_STATUS_LABELS,
  type RenewalCaseView,
} from '@pgs/domain';

/** The status as people say it: a zombie case that is done is 已出清. */
export function statusLabel(c: Pick<RenewalCaseView, 'status' | 'track'>): string {
  return c.status === 'completed' ? completedLabel(c.track) : RENEWAL_STATUS_LABELS[c.status];
}

const STATUS_COLORS = {
  planned: 'default',
  in_progress: 'processing',
  completed: 'success',
  withdrawn: 'default',
} as const;

export function StatusTag({ c }: { c: Pick<RenewalCaseView, 'status' | 'track'> }) {
  return <Tag color={STATUS_COLORS[c.status]}>{statusLabel(c)}</Tag>;
}

/** The red flag of an open case past its deadline (the deadline day itself is still in time). */
export function OverdueTag({
  c,
}: {
  c: Pick<RenewalCaseView, 'overdue' | 'daysOverdue' | 'completedLate' | 'deadline' | 'asOf'>;
}) {
  if (c.overdue)
    return (
      <Tooltip title={`完成期限 ${c.deadline}，截至 ${c.asOf} 已超过 ${c.daysOverdue} 天（期限当天仍算按期）`}>
        <Tag color="red" data-testid="overdue-tag">
          逾期 {c.daysOverdue} 天
        </Tag>
      </Tooltip>
    );
  if (c.completedLate) return <Tag color="orange">逾期完成</Tag>;
  return null;
}

/** The measure, exit way or disposal way of a case, whichever its track has. */
export function wayLabel(c: Pick<RenewalCaseView, 'measure' | 'exitWay' | 'disposalWay'>): string {
  if (c.measure) return ELIMINATION_MEASURE_LABELS[c.measure];
  if (c.exitWay) return EXIT_WAY_LABELS[c.exitWay];
  if (c.disposalWay) return DISPOSAL_WAY_LABELS[c.disposalWay];
  return '';
}

export const percent = (fraction: number | null) => (fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`);
export const signedPercent = (fraction: number | null) =>
  fraction === null ? '—' : `${fraction > 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;

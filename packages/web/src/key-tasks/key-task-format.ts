import { KEY_TASK_STATUS_LABELS, PLATFORMS, ROLE_LABELS, type KeyTaskStatus, type LeadDepartment } from '@pgs/domain';

export const STATUS_COLORS: Record<KeyTaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  overdue: 'error',
};
export const statusLabel = (status: KeyTaskStatus) => KEY_TASK_STATUS_LABELS[status];
export const leadLabel = (lead: LeadDepartment) => ROLE_LABELS[lead];
export const partLabel = (key: string | null) =>
  key === null ? '全部（牵头部门）' : (PLATFORMS.find((p) => p.key === key)?.shortName ?? key);
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

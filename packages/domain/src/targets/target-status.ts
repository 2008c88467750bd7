/**
 * A target's status (issue #13): 线索 → 接触 → 洽谈 → 已报项目, or 放弃 (with a reason) from any open status.
 * Forward moves may skip a step (a lead met once and reported at once); nothing moves back, and the two ends stay.
 */
export const TARGET_STATUSES = ['lead', 'contact', 'negotiating', 'reported', 'dropped'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  lead: '线索',
  contact: '接触',
  negotiating: '洽谈',
  reported: '已报项目',
  dropped: '放弃',
};

const ORDER: Record<TargetStatus, number> = { lead: 0, contact: 1, negotiating: 2, reported: 3, dropped: 9 };

export function isOpenTargetStatus(status: TargetStatus): boolean {
  return status === 'lead' || status === 'contact' || status === 'negotiating';
}

/** Whether a target in this status has been contacted (the funnel's second step). */
export function hasBeenContacted(status: TargetStatus): boolean {
  return status === 'contact' || status === 'negotiating' || status === 'reported';
}

/** Why a status change is refused, or null when it is allowed. */
export function statusMoveProblem(
  from: TargetStatus,
  to: TargetStatus,
  reason: string | null | undefined,
): string | null {
  if (from === to) return null;
  if (!isOpenTargetStatus(from)) return `目标企业已是“${TARGET_STATUS_LABELS[from]}”，状态不能再改变`;
  if (to === 'dropped') return reason?.trim() ? null : '放弃目标企业必须填写原因';
  if (ORDER[to] < ORDER[from])
    return `状态只能向前推进：不能从“${TARGET_STATUS_LABELS[from]}”退回“${TARGET_STATUS_LABELS[to]}”`;
  return null;
}

export { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@pgs/domain/platform/audit-actions';

export function labelOptions(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** Why the chain check stopped, in the auditor's words (the server's message names the row). */
export const AUDIT_VERIFY_REASON_LABELS: Record<string, string> = {
  missing: '记录缺失（被删除）',
  unlinked: '记录与前一条接不上（被插入或替换）',
  edited: '记录被修改',
  forged: '伪造的记录（不是本系统写入的）',
  anchor_mismatch: '记录与锚点不符（锚定后被删除或替换）',
  anchor_beyond_end: '最新的记录被删除（锚点超出日志末尾）',
  anchor_forged: '锚点被伪造或改动',
};

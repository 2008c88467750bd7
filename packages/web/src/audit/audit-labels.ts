export { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@pgs/domain/platform/audit-actions';

export function labelOptions(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

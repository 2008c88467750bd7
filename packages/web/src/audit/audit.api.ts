import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { AuditVerifyResult, Page } from '../api/contract.ts';

/** The filters of GET /audit and of its Excel export; dates are 'YYYY-MM-DD' in Asia/Shanghai. */
export type AuditFilters = { entityType?: string; action?: string; actor?: string; from?: string; to?: string };

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters, page: number, pageSize: number) => ['audit', 'list', filters, page, pageSize] as const,
};

export function useAuditEvents(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => api<Page<AuditEvent>>('/audit', { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return api<AuditVerifyResult>('/audit/verify');
}

export function exportAudit(filters: AuditFilters): Promise<void> {
  return download('/audit/export.xlsx', { query: filters, fallbackName: '审计日志.xlsx' });
}

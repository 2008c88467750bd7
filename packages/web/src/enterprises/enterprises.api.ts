import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  EnterpriseImportReport,
  EnterpriseKind,
  EnterpriseRecordView,
  EnterpriseScale,
  EnterpriseSubDatabase,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { Page } from '../api/contract.ts';

/**
 * The base database of §三 (R3.1): yearly enterprise records, their import and the sub-database lists, typed by the
 * shared contract (enterprises.contract.ts). Quantities are exact decimal strings (D1); null is a missing figure (D14).
 */
export type { EnterpriseRecordView };
export type Quantity = string | number | null;

/** R3.1 sub-databases this module keeps, in the order of the policy's list; the land ones come with the land module. */
export const SUB_DATABASES: readonly EnterpriseSubDatabase[] = ['backward', 'low_efficiency', 'zombie'];
export type SubDatabase = EnterpriseSubDatabase;
export const SUB_DATABASE_LABELS: Record<SubDatabase, string> = {
  backward: '淘汰落后类',
  low_efficiency: '低效产出类',
  zombie: '停产僵尸类',
};
export type EnterpriseFilters = {
  year?: number;
  /** A platform, or 'none' (NO_PLATFORM) for enterprises elsewhere in the city. */
  platformKey?: string;
  kind?: EnterpriseKind;
  scale?: EnterpriseScale;
  subDatabase?: SubDatabase;
  q?: string;
};

export type EnterpriseDetail = { creditCode: string; name: string; records: EnterpriseRecordView[] };
export type RecordYear = { year: number; count: number };
export type RowError = EnterpriseImportReport['errors'][number];
export type RecordImportReport = EnterpriseImportReport;

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  years: ['enterprises', 'years'] as const,
  list: (filters: EnterpriseFilters, page: number, pageSize: number) =>
    ['enterprises', 'list', filters, page, pageSize] as const,
  detail: (creditCode: string) => ['enterprises', 'detail', creditCode] as const,
};

/** GET /enterprise-records/years, newest first; a bare array or a list page. */
export function useRecordYears() {
  return useQuery({
    queryKey: enterpriseKeys.years,
    queryFn: async () => {
      const answer = await api<RecordYear[] | Page<RecordYear>>('/enterprise-records/years');
      const years = Array.isArray(answer) ? answer : answer.items;
      return [...years].sort((a, b) => b.year - a.year);
    },
    staleTime: 60_000,
  });
}

export function useEnterprises(filters: EnterpriseFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api<Page<EnterpriseRecordView> & { year: number | null }>('/enterprises', {
        query: { ...filters, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEnterprise(creditCode: string) {
  return useQuery({
    queryKey: enterpriseKeys.detail(creditCode),
    queryFn: () => api<EnterpriseDetail>(`/enterprises/${encodeURIComponent(creditCode)}`),
    retry: false,
    meta: { silent: true },
  });
}

export function exportEnterprises(filters: EnterpriseFilters): Promise<void> {
  const year = filters.year ? `${filters.year}年` : '';
  const sub = filters.subDatabase ? `（${SUB_DATABASE_LABELS[filters.subDatabase]}）` : '';
  return download('/enterprises/export.xlsx', { query: filters, fallbackName: `${year}企业库${sub}.xlsx` });
}

export function downloadRecordTemplate(): Promise<void> {
  return download('/enterprise-records/template.xlsx', { fallbackName: '企业年度数据导入模板.xlsx' });
}

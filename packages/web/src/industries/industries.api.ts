import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Industry, IndustryLevel } from '@pgs/domain';
import { api, upload } from '../api/client.ts';
import type { IndustryDetail, IndustryImportResult, Page } from '../api/contract.ts';

export type IndustryListParams = { q?: string; parent?: string; level?: IndustryLevel; page: number; pageSize: number };

export const industryKeys = {
  all: ['industries'] as const,
  list: (params: IndustryListParams) => ['industries', 'list', params] as const,
  detail: (code: string) => ['industries', 'detail', code] as const,
};

export function fetchIndustries(params: IndustryListParams, signal?: AbortSignal): Promise<Page<Industry>> {
  return api<Page<Industry>>('/industries', { query: params, signal });
}

export function useIndustries(params: IndustryListParams, enabled = true) {
  return useQuery({
    queryKey: industryKeys.list(params),
    queryFn: ({ signal }) => fetchIndustries(params, signal),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useIndustry(code: string | null) {
  return useQuery({
    queryKey: industryKeys.detail(code ?? ''),
    queryFn: () => api<IndustryDetail>(`/industries/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function importIndustries(file: File): Promise<IndustryImportResult> {
  return upload<IndustryImportResult>('/industries/import', file);
}

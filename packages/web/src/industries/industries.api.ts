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

/** One industry by code; `silent` when the page shows "not found" itself (a code being typed). */
export function useIndustry(code: string | null, options: { silent?: boolean } = {}) {
  return useQuery({
    queryKey: industryKeys.detail(code ?? ''),
    queryFn: () => api<IndustryDetail>(`/industries/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: options.silent ?? false },
  });
}

export function importIndustries(file: File): Promise<IndustryImportResult> {
  return upload<IndustryImportResult>('/industries/import', file);
}

/**
 * The whole GB/T 4754 table (about 2 000 codes) for work done in the browser, such as suggesting codes from a
 * description; read once per session in pages of the API's maximum size.
 */
export function useAllIndustries() {
  return useQuery({
    queryKey: ['industries', 'all'] as const,
    queryFn: async ({ signal }) => {
      const pageSize = 500;
      const first = await fetchIndustries({ page: 1, pageSize }, signal);
      const pages = Math.ceil(first.total / pageSize);
      const rest = await Promise.all(
        Array.from({ length: pages - 1 }, (_, i) => fetchIndustries({ page: i + 2, pageSize }, signal)),
      );
      return [first, ...rest].flatMap((page) => page.items);
    },
    staleTime: Infinity,
  });
}

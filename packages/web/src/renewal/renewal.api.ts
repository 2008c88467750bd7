import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  candidateListSchema,
  closeRenewalCaseSchema,
  consequencesSchema,
  createRenewalCaseSchema,
  IndustryProfileView,
  overdueListSchema,
  profileRowsSchema,
  recordStepSchema,
  RenewalCaseDetail,
  RenewalCaseView,
  RenewalStatus,
  RenewalTrack,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type OverdueList = Out<typeof overdueListSchema>;
export type CandidateList = Out<typeof candidateListSchema>;
export type Consequences = Out<typeof consequencesSchema>;
export type ProfileRows = Out<typeof profileRowsSchema>;

/** The list's filters, as GET /renewal-cases and its Excel export take them. */
export type CaseFilters = {
  platformKey?: string;
  track?: RenewalTrack;
  status?: RenewalStatus;
  overdue?: 'true' | 'false';
  asOf?: string;
  q?: string;
  parcelCode?: string;
};

export const renewalKeys = {
  all: ['renewal'] as const,
  list: (filters: CaseFilters, page: number, pageSize: number) => ['renewal', 'list', filters, page, pageSize] as const,
  detail: (id: number) => ['renewal', 'detail', id] as const,
};

export function useRenewalCases(filters: CaseFilters, page = 1, pageSize = 50) {
  return useQuery({
    queryKey: renewalKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api<Page<RenewalCaseView>>('/renewal-cases', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRenewalCase(id: number) {
  return useQuery({
    queryKey: renewalKeys.detail(id),
    queryFn: () => api<RenewalCaseDetail>(`/renewal-cases/${id}`),
    retry: false,
    meta: { silent: true },
    enabled: id > 0,
  });
}

export const exportCases = (filters: CaseFilters) =>
  download('/renewal-cases/export.xlsx', { query: filters, fallbackName: '存量更新案件.xlsx' });

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: In<typeof createRenewalCaseSchema>) =>
      api<RenewalCaseDetail>('/renewal-cases', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: renewalKeys.all }),
  });
}

export function useRecordStep(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: In<typeof recordStepSchema>) =>
      api<RenewalCaseDetail>(`/renewal-cases/${id}/steps`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: renewalKeys.all }),
  });
}

export function useWithdrawCase(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: In<typeof closeRenewalCaseSchema>) =>
      api<RenewalCaseDetail>(`/renewal-cases/${id}/close`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: renewalKeys.all }),
  });
}

export function useOverdue(query: { platformKey?: string; asOf?: string }) {
  return useQuery({
    queryKey: ['renewal', 'overdue', query],
    queryFn: () => api<OverdueList>('/renewal-cases/overdue', { query }),
  });
}

export function useCandidates(query: { platformKey?: string }) {
  return useQuery({
    queryKey: ['renewal', 'candidates', query],
    queryFn: () => api<CandidateList>('/renewal-cases/candidates', { query }),
  });
}

export function useConsequences(platformKey: string) {
  return useQuery({
    queryKey: ['renewal', 'consequences', platformKey],
    queryFn: () => api<Consequences>('/renewal-cases/catalog-consequences', { query: { platformKey } }),
  });
}

export function useIndustryProfile(platformKey: string, year?: number) {
  return useQuery({
    queryKey: ['renewal', 'profile', platformKey, year],
    queryFn: () => api<IndustryProfileView>(`/industry-profiles/${platformKey}`, { query: { year } }),
  });
}

export function useProfileRows(
  platformKey: string,
  query: { year?: number; by: 'division' | 'leading' | 'total'; key?: string } | null,
) {
  return useQuery({
    queryKey: ['renewal', 'profile-rows', platformKey, query],
    queryFn: () => api<ProfileRows>(`/industry-profiles/${platformKey}/enterprises`, { query: query! }),
    enabled: query !== null,
  });
}

export const exportProfile = (platformKey: string, year?: number) =>
  download(`/industry-profiles/${platformKey}/export.xlsx`, { query: { year }, fallbackName: '平台产业概况.xlsx' });

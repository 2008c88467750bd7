import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ClockView,
  LandSettingsAnswer,
  ParcelDetail,
  ParcelView,
  createParcelSchema,
  landSettingsInputSchema,
  parcelMatchesSchema,
  publicParcelListSchema,
  dueItemSchema,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type DueItem = Out<typeof dueItemSchema>;
export type PublicParcels = Out<typeof publicParcelListSchema>;
export type ParcelMatches = Out<typeof parcelMatchesSchema>;

/** The ledger's filters, as GET /parcels and its export take them. */
export type ParcelFilters = {
  platformKey?: string;
  subDatabase?: 'approved_not_supplied' | 'supplied_not_used' | 'vacated';
  state?: string;
  clockStatus?: 'normal' | 'idle' | 'recovery';
  q?: string;
  asOf?: string;
};
export type DueFilters = {
  platformKey?: string;
  asOf?: string;
  withinDays?: number;
  which?: 'upcoming' | 'past' | 'all';
  mine?: 'true';
};

export const landKeys = {
  all: ['land'] as const,
  list: (filters: ParcelFilters, page: number, pageSize: number) => ['land', 'list', filters, page, pageSize] as const,
  detail: (id: number, asOf?: string) => ['land', 'detail', id, asOf ?? ''] as const,
  due: (filters: DueFilters, page: number, pageSize: number) => ['land', 'due', filters, page, pageSize] as const,
  matches: (projectId: number) => ['land', 'matches', projectId] as const,
  settings: ['land', 'settings'] as const,
};

export function useParcels(filters: ParcelFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: landKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api<Page<ParcelView>>('/parcels', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useParcel(id: number, asOf?: string) {
  return useQuery({
    queryKey: landKeys.detail(id, asOf),
    queryFn: ({ signal }) => api<ParcelDetail>(`/parcels/${id}`, { query: { asOf }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDue(filters: DueFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: landKeys.due(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api<Page<DueItem> & { asOf: string; withinDays: number }>('/parcels/due', {
        query: { ...filters, page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useParcelMatches(projectId: number) {
  return useQuery({
    queryKey: landKeys.matches(projectId),
    queryFn: ({ signal }) => api<ParcelMatches>(`/projects/${projectId}/parcel-matches`, { signal }),
  });
}

export function usePublicParcels() {
  return useQuery({
    queryKey: ['public-parcels'],
    queryFn: ({ signal }) => api<PublicParcels>('/public/parcels', { signal }),
  });
}

export function parcelAction(id: number, path: string, body: Record<string, unknown>): Promise<ParcelDetail> {
  return api<ParcelDetail>(`/parcels/${id}/${path}`, { method: 'POST', body });
}

export function createParcel(body: In<typeof createParcelSchema>): Promise<ParcelDetail> {
  return api<ParcelDetail>('/parcels', { method: 'POST', body });
}

export function useLandSettings() {
  return useQuery({
    queryKey: landKeys.settings,
    queryFn: ({ signal }) => api<LandSettingsAnswer>('/land-settings', { signal }),
  });
}

export function saveLandSettings(body: In<typeof landSettingsInputSchema>): Promise<LandSettingsAnswer> {
  return api<LandSettingsAnswer>('/land-settings', { method: 'PUT', body });
}

export function exportParcels(filters: ParcelFilters): Promise<void> {
  return download('/parcels/export.xlsx', { query: filters, fallbackName: '地块台账.xlsx' });
}

export function exportDue(filters: DueFilters): Promise<void> {
  return download('/parcels/due/export.xlsx', { query: filters, fallbackName: '地块到期提醒.xlsx' });
}

export type { ClockView, ParcelDetail, ParcelView };

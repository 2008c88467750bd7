import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  carryForwardResultSchema,
  carryForwardSchema,
  createTargetSchema,
  channelContractSchema,
  createChannelSchema,
  channelSchema,
  chinaMapSchema,
  FunnelView,
  quarterDiffSchema,
  quarterStateSchema,
  targetDetailSchema,
  TargetView,
  updateChannelSchema,
  updateTargetSchema,
  wenzhouMapSchema,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type TargetDetail = Out<typeof targetDetailSchema>;
export type QuarterState = Out<typeof quarterStateSchema>;
export type QuarterDiff = Out<typeof quarterDiffSchema>;
export type CarryForwardResult = Out<typeof carryForwardResultSchema>;
export type Channel = Out<typeof channelSchema>;
export type ChinaMap = Out<typeof chinaMapSchema>;
export type WenzhouMap = Out<typeof wenzhouMapSchema>;
export type { TargetView, FunnelView };

export type TargetFilters = {
  platformKey?: string;
  quarter?: string;
  tier?: string;
  type?: string;
  status?: string;
  channelId?: number;
  hqProvince?: string;
  hqCity?: string;
  focus?: 'true' | 'false';
  q?: string;
  /** The list only (not the export): tier order, see the domain's TIER_ORDER. */
  sort?: 'tier' | 'tier_reverse';
};

export const targetKeys = {
  all: ['targets'] as const,
  list: (filters: TargetFilters, page: number, pageSize: number) =>
    ['targets', 'list', filters, page, pageSize] as const,
  detail: (id: number) => ['targets', 'detail', id] as const,
  quarters: (platformKey: string) => ['targets', 'quarters', platformKey] as const,
  diff: (platformKey: string, quarter: string) => ['targets', 'diff', platformKey, quarter] as const,
  funnel: (query: Record<string, unknown>) => ['targets', 'funnel', query] as const,
  channels: (platformKey?: string) => ['targets', 'channels', platformKey ?? ''] as const,
};

export function useTargets(filters: TargetFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: targetKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api<Page<TargetView>>('/targets', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTarget(id: number) {
  return useQuery({
    queryKey: targetKeys.detail(id),
    queryFn: () => api<TargetDetail>(`/targets/${id}`),
    retry: false,
    meta: { silent: true },
    enabled: id > 0,
  });
}

export function useQuarters(platformKey: string | undefined) {
  return useQuery({
    queryKey: targetKeys.quarters(platformKey ?? ''),
    queryFn: () => api<QuarterState[]>('/targets/quarters', { query: { platformKey } }),
    enabled: Boolean(platformKey),
  });
}

export function useQuarterDiff(platformKey: string | undefined, quarter: string | undefined) {
  return useQuery({
    queryKey: targetKeys.diff(platformKey ?? '', quarter ?? ''),
    queryFn: () => api<QuarterDiff>('/targets/diff', { query: { platformKey, quarter } }),
    enabled: Boolean(platformKey && quarter),
  });
}

export function useChannels(platformKey?: string) {
  return useQuery({
    queryKey: targetKeys.channels(platformKey),
    queryFn: () => api<Page<Channel>>('/target-channels', { query: { platformKey } }),
  });
}

export type FunnelQuery = { platformKey?: string; quarter?: string; year?: number; groupBy: string };

export function useFunnel(query: FunnelQuery) {
  return useQuery({
    queryKey: targetKeys.funnel(query),
    queryFn: () => api<FunnelView>('/targets/funnel', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useChinaMap(query: { platformKey?: string; quarter?: string }) {
  return useQuery({
    queryKey: ['targets', 'map', 'china', query],
    queryFn: () => api<ChinaMap>('/targets/map/china', { query }),
  });
}

export function useWenzhouMap() {
  return useQuery({ queryKey: ['targets', 'map', 'wenzhou'], queryFn: () => api<WenzhouMap>('/targets/map/wenzhou') });
}

export const createTarget = (body: In<typeof createTargetSchema>) =>
  api<TargetDetail>('/targets', { method: 'POST', body });
export const updateTarget = (id: number, body: In<typeof updateTargetSchema>) =>
  api<TargetDetail>(`/targets/${id}`, { method: 'PUT', body });
export const linkProject = (id: number, projectId: number | null, version: number) =>
  api<TargetDetail>(`/targets/${id}/project`, { method: 'POST', body: { projectId, version } });
export const carryForward = (body: In<typeof carryForwardSchema>) =>
  api<CarryForwardResult>('/targets/carry-forward', { method: 'POST', body });
export const closeQuarter = (platformKey: string, quarter: string) =>
  api<QuarterState>('/targets/close', { method: 'POST', body: { platformKey, quarter } });
export const saveChannel = (
  id: number | null,
  body: In<typeof createChannelSchema> | In<typeof updateChannelSchema>,
) =>
  id === null
    ? api<Channel>('/target-channels', { method: 'POST', body })
    : api<Channel>(`/target-channels/${id}`, { method: 'PUT', body });
export const addContract = (id: number, body: In<typeof channelContractSchema>) =>
  api<Channel>(`/target-channels/${id}/contracts`, { method: 'POST', body });

export const exportTargets = (filters: TargetFilters) =>
  download('/targets/export.xlsx', { query: filters, fallbackName: '拟招引目标企业库.xlsx' });
export const exportFunnel = (query: FunnelQuery) =>
  download('/targets/funnel/export.xlsx', { query, fallbackName: '招商漏斗.xlsx' });
export const exportChannels = (platformKey?: string) =>
  download('/target-channels/export.xlsx', { query: { platformKey }, fallbackName: '招商渠道.xlsx' });

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CockpitView } from '@pgs/domain';
import { api, download } from '../api/client.ts';

/** 驾驶舱: one request for every figure of the page (the server reads the modules in parallel). */
export function useCockpit(year: number, asOf: string | undefined) {
  return useQuery({
    queryKey: ['cockpit', year, asOf ?? null] as const,
    queryFn: ({ signal }) => api<CockpitView>('/cockpit', { query: { year, asOf }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const exportCockpit = (year: number, asOf: string | undefined) =>
  download('/cockpit/export.xlsx', { query: { year, asOf }, fallbackName: `${year}年驾驶舱指标.xlsx` });

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  circulationInputSchema,
  circulationResultSchema,
  evaluationInputSchema,
  projectSettingsInputSchema,
  reportProjectSchema,
  transitionSchema,
  evaluationResultSchema,
  investmentSummarySchema,
  ProjectEvaluationRecord,
  ProjectSettingsView,
  ProjectStatus,
  ProjectView,
  projectDetailSchema,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type ProjectDetail = Out<typeof projectDetailSchema>;
export type ProjectEvent = ProjectDetail['history'][number];
export type EvaluationResult = Out<typeof evaluationResultSchema>;
export type CirculationResult = Out<typeof circulationResultSchema>;
export type InvestmentSummary = Out<typeof investmentSummarySchema>;

/** The ledger's filters, as GET /projects and its Excel export take them. */
export type LedgerFilters = {
  platformKey?: string;
  status?: ProjectStatus;
  category?: string;
  sizeTier?: '5yi' | '20yi' | '50yi';
  overdue?: 'true' | 'false';
  q?: string;
};

export const projectKeys = {
  all: ['projects'] as const,
  list: (filters: LedgerFilters, page: number, pageSize: number) =>
    ['projects', 'list', filters, page, pageSize] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
  evaluations: (id: number) => ['projects', 'evaluations', id] as const,
  summary: (platformKey: string, year: number) => ['projects', 'summary', platformKey, year] as const,
  settings: ['projects', 'settings'] as const,
};

export function useProjects(filters: LedgerFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: projectKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api<Page<ProjectView>>('/projects', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * A page of projects with only the given fields (and the id): GET /projects `fields`, so a list downloads only what it
 * shows (issue #15). Cached apart from the whole rows other pages read.
 */
export function useProjectFields<F extends keyof ProjectView>(
  fields: readonly F[],
  filters: LedgerFilters,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...projectKeys.list(filters, page, pageSize), fields] as const,
    queryFn: ({ signal }) =>
      api<Page<Pick<ProjectView, F | 'id'>>>('/projects', {
        query: { ...filters, page, pageSize, fields: fields.join(',') },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number, enabled = true) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => api<ProjectDetail>(`/projects/${id}`),
    retry: false,
    meta: { silent: true },
    enabled: enabled && id > 0,
  });
}

export function useProjectEvaluations(id: number) {
  return useQuery({
    queryKey: projectKeys.evaluations(id),
    queryFn: () => api<ProjectEvaluationRecord[]>(`/projects/${id}/evaluations`),
  });
}

export function useInvestmentSummary(platformKey: string, year: number) {
  return useQuery({
    queryKey: projectKeys.summary(platformKey, year),
    queryFn: () => api<InvestmentSummary>(`/platforms/${platformKey}/investment-summary`, { query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectSettings() {
  return useQuery({
    queryKey: projectKeys.settings,
    queryFn: () => api<ProjectSettingsView>('/project-settings'),
    staleTime: 60_000,
  });
}

export type ReportValues = In<typeof reportProjectSchema>;

export function reportProject(values: ReportValues): Promise<ProjectDetail> {
  return api<ProjectDetail>('/projects', { method: 'POST', body: values });
}

export function moveProject(id: number, body: In<typeof transitionSchema>): Promise<ProjectDetail> {
  return api<ProjectDetail>(`/projects/${id}/transitions`, { method: 'POST', body });
}

/** Undo the newest stage move (same role, within the configured days), with the version the user saw. */
export function undoMove(id: number, version: number): Promise<ProjectDetail> {
  return api<ProjectDetail>(`/projects/${id}/transitions/undo`, { method: 'POST', body: { version } });
}

export function evaluateProject(id: number, body: In<typeof evaluationInputSchema>): Promise<EvaluationResult> {
  return api<EvaluationResult>(`/projects/${id}/evaluation`, { method: 'POST', body });
}

export function circulateProject(id: number, body: In<typeof circulationInputSchema>): Promise<CirculationResult> {
  return api<CirculationResult>(`/projects/${id}/circulations`, { method: 'POST', body });
}

export function saveProjectSettings(body: In<typeof projectSettingsInputSchema>): Promise<ProjectSettingsView> {
  return api<ProjectSettingsView>('/project-settings', { method: 'PUT', body });
}

export function exportLedger(filters: LedgerFilters): Promise<void> {
  return download('/projects/export.xlsx', { query: filters, fallbackName: '招商项目台账.xlsx' });
}

export function exportInvestmentSummary(platformKey: string, year: number, platformName: string): Promise<void> {
  return download(`/platforms/${platformKey}/investment-summary.xlsx`, {
    query: { year },
    fallbackName: `年度招商完成情况-${platformName}-${year}.xlsx`,
  });
}

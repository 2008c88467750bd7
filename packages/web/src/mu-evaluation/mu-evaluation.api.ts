import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  EvaluationClass,
  EvaluationMethod,
  EvaluationSetKey,
  MeasureSettings,
  RectificationSettings,
} from '@pgs/domain';
import type { RunProgress } from '@pgs/domain/mu-evaluation/run-progress';
import type {
  EvaluationMethodView,
  EvaluationResultView,
  EvaluationRunDetail,
  EvaluationRunStatus,
  EvaluationRunSummary,
  MeasureItemView,
  RectificationItemView,
  SimulationView,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import { usePolledProgress } from '../shared/usePolledProgress.ts';
import type { Page } from '../api/contract.ts';

/**
 * The yearly ABCD evaluation (R3.2), its measures (R3.3) and rectification list (R3.4), typed by the shared contract
 * (evaluations.contract.ts). Shares travel as fractions (D2: 0.05 is 5 %) and are shown as percentages.
 */
export type {
  EvaluationMethodView,
  EvaluationResultView,
  EvaluationRunDetail,
  EvaluationRunSummary,
  MeasureItemView,
  RectificationItemView,
  SimulationView,
};
export type ClassCounts = Record<EvaluationClass, number>;
export type RunStatus = EvaluationRunStatus;
/** The contract's EVALUATION_RUN_STATUS_LABELS, repeated here so the list page does not load the zod schemas. */
export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被替代',
};
export type PlatformRule = EvaluationRunSummary['platforms'][number];
export type IndicatorResult = EvaluationResultView['indicators'][number];
export type MeasureView = MeasureItemView['measures'][number];
export type ClassChangeView = SimulationView['sample'][number];
export type MethodView = EvaluationMethodView;
/** A run as the pages use it: the summary of the list, with the detail's extra fields once loaded. */
export type EvaluationRunView = EvaluationRunSummary &
  Partial<Pick<EvaluationRunDetail, 'sets' | 'method' | 'measures' | 'rectification'>>;

export type ResultFilters = { platformKey?: string; class?: EvaluationClass; set?: EvaluationSetKey; q?: string };
export type { MeasureSettings, RectificationSettings };

export const evaluationKeys = {
  all: ['evaluations'] as const,
  runs: (year: number) => ['evaluations', 'runs', year] as const,
  run: (id: number) => ['evaluations', 'run', id] as const,
  results: (id: number, filters: ResultFilters, page: number, pageSize: number) =>
    ['evaluations', 'results', id, filters, page, pageSize] as const,
  method: (year: number) => ['evaluations', 'method', year] as const,
  measures: (id: number, platformKey: string | undefined) =>
    ['evaluations', 'measures', id, platformKey ?? ''] as const,
  rectification: (id: number, platformKey: string | undefined, track: string | undefined) =>
    ['evaluations', 'rectification', id, platformKey ?? '', track ?? ''] as const,
};

const itemsOf = <T>(answer: T[] | Page<T>): T[] => (Array.isArray(answer) ? answer : answer.items);

export function useRuns(year: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.runs(year ?? 0),
    queryFn: async () =>
      itemsOf(
        await api<EvaluationRunSummary[] | Page<EvaluationRunSummary>>('/evaluations', {
          query: { year, pageSize: 100 },
        }),
      ).sort((a, b) => b.id - a.id),
    enabled: year !== undefined,
  });
}

export function useRun(id: number | null) {
  return useQuery({
    queryKey: evaluationKeys.run(id ?? 0),
    queryFn: () => api<EvaluationRunDetail>(`/evaluations/${id}`),
    enabled: id !== null && Number.isInteger(id) && id > 0,
  });
}

export function useResults(id: number | null, filters: ResultFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: evaluationKeys.results(id ?? 0, filters, page, pageSize),
    queryFn: ({ signal }) =>
      api<Page<EvaluationResultView>>(`/evaluations/${id}/results`, { query: { ...filters, page, pageSize }, signal }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMethod(year: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.method(year ?? 0),
    queryFn: () => api<MethodView>(`/evaluation-methods/${year}`),
    enabled: year !== undefined,
  });
}

export function saveMethod(
  year: number,
  body: Pick<MethodView, 'method' | 'measures' | 'rectification' | 'version'>,
): Promise<MethodView> {
  return api<MethodView>(`/evaluation-methods/${year}`, { method: 'PUT', body });
}

export function simulate(year: number, method: EvaluationMethod): Promise<SimulationView> {
  return api<SimulationView>('/evaluations/simulate', { method: 'POST', body: { year, method } });
}

/** Starts a run; `progressKey` lets the page poll its progress while it waits (useRunProgress). */
export function runEvaluation(year: number, progressKey?: string): Promise<EvaluationRunSummary> {
  return api<EvaluationRunSummary>('/evaluations', { method: 'POST', body: { year, progressKey } });
}

/** The progress of the run started with `key`, polled while `running`; null until the server has a report. */
export function useRunProgress(key: string | null, running: boolean) {
  return usePolledProgress<RunProgress>(key === null ? null : `/evaluations/progress/${key}`, running);
}

export function publishRun(id: number): Promise<EvaluationRunSummary> {
  return api<EvaluationRunSummary>(`/evaluations/${id}/publish`, { method: 'POST' });
}

/** A list answer as a page, whether the server pages it (D19) or answers the bare array. */
function pageOf<T>(answer: T[] | Page<T>, page: number, pageSize: number): Page<T> {
  return Array.isArray(answer) ? { items: answer, total: answer.length, page, pageSize } : answer;
}

export function useMeasures(
  id: number,
  platformKey: string | undefined,
  cls: 'C' | 'D' | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...evaluationKeys.measures(id, platformKey), cls ?? '', page, pageSize],
    queryFn: async () =>
      pageOf(
        await api<MeasureItemView[] | Page<MeasureItemView>>(`/evaluations/${id}/measures`, {
          query: { platformKey, class: cls, page, pageSize },
        }),
        page,
        pageSize,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRectification(
  id: number,
  platformKey: string | undefined,
  track: string | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...evaluationKeys.rectification(id, platformKey, track), page, pageSize],
    queryFn: async () =>
      pageOf(
        await api<RectificationItemView[] | Page<RectificationItemView>>(`/evaluations/${id}/rectification`, {
          query: { platformKey, track, page, pageSize },
        }),
        page,
        pageSize,
      ),
    placeholderData: keepPreviousData,
  });
}

export function exportResults(run: Pick<EvaluationRunView, 'id' | 'year'>, filters: ResultFilters): Promise<void> {
  return download(`/evaluations/${run.id}/results/export.xlsx`, {
    query: filters,
    fallbackName: `${run.year}年亩均效益综合评价结果.xlsx`,
  });
}

export function exportMeasures(
  run: Pick<EvaluationRunView, 'id' | 'year'>,
  platformKey: string | undefined,
  cls?: 'C' | 'D',
): Promise<void> {
  return download(`/evaluations/${run.id}/measures/export.xlsx`, {
    query: { platformKey, class: cls },
    fallbackName: `${run.year}年C、D类企业差别化措施清单.xlsx`,
  });
}

export function exportRectification(
  run: Pick<EvaluationRunView, 'id' | 'year'>,
  platformKey: string | undefined,
  track: string | undefined,
): Promise<void> {
  return download(`/evaluations/${run.id}/rectification/export.xlsx`, {
    query: { platformKey, track },
    fallbackName: `${run.year}年亩均税收整治名单.xlsx`,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  completionSchema,
  KeyTaskDetail,
  KeyTaskImportReport,
  keyTaskInputSchema,
  KeyTaskStatus,
  keyTaskUpdateSchema,
  KeyTaskView,
  progressInputSchema,
} from '@pgs/domain';
import { api, download, upload } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type Completion = Out<typeof completionSchema>;
export type KeyTaskFilters = { status?: KeyTaskStatus; platformKey?: string; q?: string; asOf?: string };

export const keyTaskKeys = {
  all: ['key-tasks'] as const,
  list: (year: number, filters: KeyTaskFilters) => ['key-tasks', 'list', year, filters] as const,
  detail: (id: number) => ['key-tasks', 'detail', id] as const,
  completion: (year: number, asOf?: string) => ['key-tasks', 'completion', year, asOf] as const,
};

export function useKeyTasks(year: number, filters: KeyTaskFilters) {
  return useQuery({
    queryKey: keyTaskKeys.list(year, filters),
    queryFn: ({ signal }) =>
      api<Page<KeyTaskView>>('/key-tasks', { query: { year, ...filters, page: 1, pageSize: 500 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKeyTask(id: number | null) {
  return useQuery({
    queryKey: keyTaskKeys.detail(id ?? 0),
    queryFn: () => api<KeyTaskDetail>(`/key-tasks/${id}`),
    enabled: id !== null,
  });
}

export function useCompletion(year: number, asOf?: string) {
  return useQuery({
    queryKey: keyTaskKeys.completion(year, asOf),
    queryFn: () => api<Completion>('/key-tasks/completion', { query: { year, asOf } }),
  });
}

export const createKeyTask = (body: In<typeof keyTaskInputSchema>) =>
  api<KeyTaskDetail>('/key-tasks', { method: 'POST', body });
export const updateKeyTask = (id: number, body: In<typeof keyTaskUpdateSchema>) =>
  api<KeyTaskDetail>(`/key-tasks/${id}`, { method: 'PUT', body });
export const deleteKeyTask = (id: number, version: number) =>
  api<undefined>(`/key-tasks/${id}`, { method: 'DELETE', query: { version } });
export const reportProgress = (id: number, body: In<typeof progressInputSchema>) =>
  api<KeyTaskDetail>(`/key-tasks/${id}/progress`, { method: 'POST', body });
export const importKeyTasks = (year: number, file: File, dryRun: boolean) =>
  upload<KeyTaskImportReport>(`/key-tasks/import?year=${year}&dryRun=${dryRun}`, file);
export const exportKeyTasks = (year: number, filters: KeyTaskFilters) =>
  download('/key-tasks/export.xlsx', { query: { year, ...filters }, fallbackName: `${year}年重点任务清单.xlsx` });
export const downloadTemplate = (year: number) =>
  download('/key-tasks/template.xlsx', { query: { year }, fallbackName: `${year}年重点任务导入模板.xlsx` });

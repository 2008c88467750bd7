import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AssessmentSummary,
  noticeDetailSchema,
  NoticeView,
  PublicEntry,
  PublicNoticeView,
  EvaluationRunSummary,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type NoticeDetail = Out<typeof noticeDetailSchema>;

export const noticeKeys = {
  all: ['notices'] as const,
  list: ['notices', 'list'] as const,
  detail: (id: number) => ['notices', 'detail', id] as const,
  publicList: ['public-notices'] as const,
  entries: (id: number, q: string, page: number) => ['public-notices', id, q, page] as const,
};

export const useNotices = () =>
  useQuery({
    queryKey: noticeKeys.list,
    queryFn: () => api<Page<NoticeView>>('/notices', { query: { pageSize: 200 } }),
  });
export const useNotice = (id: number | null) =>
  useQuery({
    queryKey: noticeKeys.detail(id ?? 0),
    queryFn: () => api<NoticeDetail>(`/notices/${id}`),
    enabled: id !== null,
  });
export const usePublishedRuns = (enabled: boolean) =>
  useQuery({
    queryKey: ['evaluations', 'published-for-notice'],
    queryFn: () => api<Page<EvaluationRunSummary>>('/evaluations', { query: { status: 'published', pageSize: 100 } }),
    enabled,
  });
/** The drc's published yearly assessments (R4.2), the second kind of notice. */
export const usePublishedAssessments = (enabled: boolean) =>
  useQuery({
    queryKey: ['assessments', 'published-for-notice'],
    queryFn: () => api<Page<AssessmentSummary>>('/assessments', { query: { status: 'published', pageSize: 100 } }),
    enabled,
  });
export const createNotice = (body: object) => api<NoticeView>('/notices', { method: 'POST', body });
export const answerObjection = (noticeId: number, objectionId: number, body: object) =>
  api<NoticeDetail>(`/notices/${noticeId}/objections/${objectionId}/answer`, { method: 'POST', body });
export const exportObjections = (notice: NoticeView) =>
  download(`/notices/${notice.id}/objections.xlsx`, { fallbackName: `${notice.title}异议.xlsx` });

// The public side (no sign-in).
export const usePublicNotices = () =>
  useQuery({
    queryKey: noticeKeys.publicList,
    queryFn: () => api<Page<PublicNoticeView>>('/public/notices', { query: { pageSize: 50 } }),
    meta: { silent: true },
  });
export const usePublicEntries = (id: number | null, q: string, page: number) =>
  useQuery({
    queryKey: noticeKeys.entries(id ?? 0, q, page),
    queryFn: () =>
      api<Page<PublicEntry>>(`/public/notices/${id}/entries`, { query: { q: q || undefined, page, pageSize: 20 } }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
export const lodgeObjection = (id: number, body: object) =>
  api<{ reference: string; submittedAt: string }>(`/public/notices/${id}/objections`, { method: 'POST', body });

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  answerObjectionSchema,
  AssessmentSummary,
  createNoticeSchema,
  lodgeObjectionSchema,
  noticeDetailSchema,
  NoticeView,
  PublicEntry,
  PublicNoticeView,
  EvaluationRunSummary,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { In, Out, Page } from '../api/contract.ts';

export type NoticeDetail = Out<typeof noticeDetailSchema>;

export const noticeKeys = {
  all: ['notices'] as const,
  list: ['notices', 'list'] as const,
  detail: (id: number) => ['notices', 'detail', id] as const,
  publicList: ['public-notices'] as const,
  entries: (id: number, q: string, page: number, pageSize: number) =>
    ['public-notices', id, q, page, pageSize] as const,
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
export const createNotice = (body: In<typeof createNoticeSchema>) =>
  api<NoticeView>('/notices', { method: 'POST', body });
export const answerObjection = (noticeId: number, objectionId: number, body: In<typeof answerObjectionSchema>) =>
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
export const usePublicEntries = (id: number | null, q: string, page: number, pageSize: number) =>
  useQuery({
    queryKey: noticeKeys.entries(id ?? 0, q, page, pageSize),
    queryFn: () =>
      api<Page<PublicEntry>>(`/public/notices/${id}/entries`, { query: { q: q || undefined, page, pageSize } }),
    enabled: id !== null,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
export type ObjectionBody = In<typeof lodgeObjectionSchema>;
export const lodgeObjection = (id: number, body: ObjectionBody) =>
  api<{ reference: string; submittedAt: string }>(`/public/notices/${id}/objections`, { method: 'POST', body });

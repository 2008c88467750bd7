import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AssessmentSummary,
  AssessmentView,
  createAssessmentSchema,
  FigureRow,
  InterviewInput,
  InterviewView,
  KeyProjectView,
  MilestoneInput,
  Rubric,
  RubricView,
} from '@pgs/domain';
import { api, download } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

/** The platforms' yearly assessment (平台考核, R4.2–R4.3), typed by the shared contract (assessment.contract.ts). */
export type { AssessmentSummary, AssessmentView, InterviewView, KeyProjectView, Rubric, RubricView };
export type PlatformRow = AssessmentView['platforms'][number];
export type ScoredCriterion = PlatformRow['criteria'][number];

export const assessmentKeys = {
  all: ['assessment'] as const,
  list: (year: number) => ['assessment', 'list', year] as const,
  one: (id: number) => ['assessment', 'one', id] as const,
  rubric: (year: number) => ['assessment', 'rubric', year] as const,
  rows: (id: number, source: string, platformKey: string, page: number) =>
    ['assessment', 'rows', id, source, platformKey, page] as const,
  interviews: () => ['assessment', 'interviews'] as const,
  milestones: (year: number, quarter: number, lateOnly: boolean) =>
    ['assessment', 'milestones', year, quarter, lateOnly] as const,
};

export function useAssessments(year: number) {
  return useQuery({
    queryKey: assessmentKeys.list(year),
    queryFn: () => api<Page<AssessmentSummary>>('/assessments', { query: { year, pageSize: 100 } }),
  });
}

export function useAssessment(id: number | null) {
  return useQuery({
    queryKey: assessmentKeys.one(id ?? 0),
    queryFn: () => api<AssessmentView>(`/assessments/${id}`),
    enabled: id !== null && id > 0,
  });
}

export const FIGURE_ROWS_PAGE_SIZE = 20;

/** One page of the rows behind a platform's figure (the drawer pages through them; the previous page stays shown). */
export function useFigureRows(id: number | null, figure: { source: string; platformKey: string } | null, page: number) {
  return useQuery({
    queryKey: assessmentKeys.rows(id ?? 0, figure?.source ?? '', figure?.platformKey ?? '', page),
    queryFn: () =>
      api<Page<FigureRow>>(`/assessments/${id}/figures/${figure!.source}/rows`, {
        query: { platformKey: figure!.platformKey, page, pageSize: FIGURE_ROWS_PAGE_SIZE },
      }),
    enabled: id !== null && figure !== null,
    placeholderData: keepPreviousData,
  });
}

export function runAssessment(body: In<typeof createAssessmentSchema>) {
  return api<AssessmentView>('/assessments', { method: 'POST', body });
}

export function publishAssessment(id: number) {
  return api<AssessmentView>(`/assessments/${id}/publish`, { method: 'POST' });
}

export const downloadCircular = (view: AssessmentSummary) =>
  download(`/assessments/${view.id}/circular.docx`, { fallbackName: `${view.year}年度平台考核结果通报.docx` });
export const downloadScores = (view: AssessmentSummary) =>
  download(`/assessments/${view.id}/scores.xlsx`, { fallbackName: `${view.year}年度平台考核得分表.xlsx` });

/** Every row behind one platform's figure, as a workbook (the drawer shows them a page at a time). */
export const downloadFigureRows = (id: number, source: string, platformKey: string, fallbackName: string) =>
  download(`/assessments/${id}/figures/${source}/rows.xlsx`, { query: { platformKey }, fallbackName });

export function useRubric(year: number) {
  return useQuery({
    queryKey: assessmentKeys.rubric(year),
    queryFn: () => api<RubricView>(`/assessment-rubrics/${year}`),
  });
}

export function saveRubric(year: number, rubric: Rubric, version: number) {
  return api<RubricView>(`/assessment-rubrics/${year}`, { method: 'PUT', body: { rubric, version } });
}

export function useInterviews() {
  return useQuery({
    queryKey: assessmentKeys.interviews(),
    queryFn: () => api<Page<InterviewView>>('/assessment-interviews', { query: { pageSize: 200 } }),
  });
}

export const exportInterviews = () => download('/assessment-interviews/export.xlsx', { fallbackName: '约谈记录.xlsx' });

export const exportKeyProjects = (year: number, quarter: number, lateOnly: boolean) =>
  download('/assessment-milestones/export.xlsx', {
    query: { year, quarter, lateOnly: lateOnly || undefined },
    fallbackName: `${year}年第${quarter}季度重点项目节点.xlsx`,
  });

export function recordInterview(body: InterviewInput) {
  return api<InterviewView>('/assessment-interviews', { method: 'POST', body });
}

export function useKeyProjects(year: number, quarter: number, lateOnly: boolean) {
  return useQuery({
    queryKey: assessmentKeys.milestones(year, quarter, lateOnly),
    queryFn: () =>
      api<Page<KeyProjectView>>('/assessment-milestones', {
        query: { year, quarter, lateOnly: lateOnly || undefined },
      }),
  });
}

export function saveMilestones(projectId: number, body: MilestoneInput) {
  return api<KeyProjectView>(`/assessment-milestones/${projectId}`, { method: 'PUT', body });
}

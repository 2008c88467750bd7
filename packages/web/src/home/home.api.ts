import { useQueries, useQuery } from '@tanstack/react-query';
import { PIPELINE_STAGES, type EvaluationRunSummary } from '@pgs/domain';
import { api } from '../api/client.ts';
import type { CatalogSummary, Page } from '../api/contract.ts';

/**
 * What the 工作台 cards read: existing list endpoints asked for one row (pageSize=1) when only their `total`
 * is wanted. Fresh on every visit (staleTime 0): the home page is where a user looks for what changed.
 */
const fresh = { staleTime: 0 } as const;

async function totalOf(path: string, query: Record<string, string | number> = {}): Promise<number> {
  const page = await api<Page<unknown>>(path, { query: { ...query, page: 1, pageSize: 1 } });
  return page.total;
}

/** Projects waiting for the bureau's confirmation into the tracking library (stage 准入评估 done, R2.4). */
export function useProjectCount(filter: Record<string, string>) {
  return useQuery({ queryKey: ['home', 'projects', filter], queryFn: () => totalOf('/projects', filter), ...fresh });
}

/** A count per pipeline stage (the platform sees its own projects only, D10; others see all). */
export function useProjectsByStage() {
  return useQueries({
    queries: PIPELINE_STAGES.map((status) => ({
      queryKey: ['home', 'projects', { status }],
      queryFn: () => totalOf('/projects', { status }),
      ...fresh,
    })),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      isError: results.some((result) => result.isError),
      counts: PIPELINE_STAGES.map((status, i) => ({ status, count: results[i]?.data ?? 0 })),
    }),
  });
}

export type RecordYear = { year: number; count: number };

/** The years with enterprise records, newest first. */
export function useRecordYears() {
  return useQuery({
    queryKey: ['home', 'record-years'],
    queryFn: async () => {
      const answer = await api<RecordYear[] | Page<RecordYear>>('/enterprise-records/years');
      const years = Array.isArray(answer) ? answer : answer.items;
      return [...years].sort((a, b) => b.year - a.year);
    },
    ...fresh,
  });
}

/** The newest evaluation run the user may see (the eitc: drafts too; others: published only, D17). */
export function useLatestRun() {
  return useQuery({
    queryKey: ['home', 'latest-run'],
    queryFn: async () =>
      (await api<Page<EvaluationRunSummary>>('/evaluations', { query: { page: 1, pageSize: 1 } })).items[0] ?? null,
    ...fresh,
  });
}

export function useRectificationCount(runId: number | undefined) {
  return useQuery({
    queryKey: ['home', 'rectification', runId],
    queryFn: () => totalOf(`/evaluations/${runId}/rectification`),
    enabled: runId !== undefined,
    ...fresh,
  });
}

export function useCatalogSummaries() {
  return useQuery({ queryKey: ['home', 'catalogs'], queryFn: () => api<CatalogSummary[]>('/catalogs'), ...fresh });
}

export function useAuditTotal() {
  return useQuery({ queryKey: ['home', 'audit-total'], queryFn: () => totalOf('/audit'), ...fresh });
}

type UserRow = { id: number; username: string; displayName: string; lockedUntil: string | null; disabled: boolean };

/** Accounts locked now by failed logins (the admin's users list carries `lockedUntil`). */
export function useLockedUsers() {
  return useQuery({
    queryKey: ['home', 'locked-users'],
    queryFn: async () => {
      const page = await api<Page<UserRow>>('/users', { query: { page: 1, pageSize: 500 } });
      const now = Date.now();
      return page.items.filter((user) => user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now);
    },
    ...fresh,
  });
}

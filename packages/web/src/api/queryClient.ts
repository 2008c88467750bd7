import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.ts';
import { notifyError, notifyWarning } from './notify.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent`: the page shows this error itself (an inline form error, an error table). */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/** What the user sees when someone else saved first (HTTP 409, optimistic concurrency). */
export const STALE_MESSAGE = '数据已被他人修改，请刷新后重试';

export function isStaleError(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'STALE_VERSION';
}

/**
 * The one error handler (ant-design-pro habit): the server's Chinese message in a toast; a stale write also
 * refetches what is on screen so the user retries on fresh data.
 */
export function handleError(error: unknown): void {
  if (isStaleError(error)) {
    notifyWarning(STALE_MESSAGE, 'stale');
    void queryClient.invalidateQueries();
    return;
  }
  if (isApiError(error)) {
    // One toast per distinct message: an expired session fails every query on screen at once.
    notifyError(error.message, `${error.status}:${error.message}`);
    return;
  }
  notifyError(error instanceof Error ? error.message : String(error));
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!query.meta?.silent) handleError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (!mutation.meta?.silent) handleError(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        !(isApiError(error) && error.status > 0 && error.status < 500) && failureCount < 1,
    },
  },
});

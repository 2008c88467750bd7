import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../api/client.ts';

/**
 * Long jobs' progress (DESIGN.md): the page makes a key, sends it with the job's request, and polls the job's
 * progress route under it while it waits. The server answers 404 until its first report, which reads as "not yet".
 */

/** 32 hex digits from the browser's random source (crypto.getRandomValues works on plain http too). */
export function newProgressKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The latest report at `path` (null before the first), polled every 300 ms while `running`. */
export function usePolledProgress<Progress>(path: string | null, running: boolean) {
  return useQuery({
    queryKey: ['job-progress', path],
    queryFn: async (): Promise<Progress | null> => {
      try {
        return await api<Progress>(path!);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled: running && path !== null,
    refetchInterval: running ? 300 : false,
    retry: false,
    gcTime: 0,
  });
}

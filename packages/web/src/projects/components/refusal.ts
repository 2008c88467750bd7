import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { notifyError } from '../../api/notify.ts';
import { handleError, isStaleError } from '../../api/queryClient.ts';
import { projectKeys } from '../projects.api.ts';
import { plainText } from '@pgs/domain';

/**
 * A refused project change (404 circulated away or gone, 409 someone else moved it first, 422 not a legal move or
 * date): the server's own Chinese sentence in a toast, and everything about projects fetched again so the screen
 * shows what is true now. Never silent (issue #9).
 */
export async function showRefusal(error: unknown, queryClient: QueryClient): Promise<void> {
  if (isStaleError(error)) handleError(error);
  else if (isApiError(error)) notifyError(plainText(error.message), `${error.status}:${error.message}`);
  else handleError(error);
  await queryClient.invalidateQueries({ queryKey: projectKeys.all });
}

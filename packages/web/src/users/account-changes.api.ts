import { useQuery } from '@tanstack/react-query';
import type { AccountChange } from '@pgs/domain';
import { api } from '../api/client.ts';
import type { Page } from '../api/contract.ts';

export const accountChangeKeys = {
  all: ['account-changes'] as const,
  unreviewed: ['account-changes', 'unreviewed'] as const,
};

/** The account changes the auditor has not reviewed yet, newest first (三员分立, #10.11). */
export function useUnreviewedAccountChanges() {
  return useQuery({
    queryKey: accountChangeKeys.unreviewed,
    queryFn: () => api<Page<AccountChange>>('/account-changes', { query: { reviewed: 'false', pageSize: 200 } }),
  });
}

export function reviewAccountChange(id: number): Promise<AccountChange> {
  return api<AccountChange>(`/account-changes/${id}/review`, { method: 'POST' });
}

import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { User } from '@pgs/domain';
import { api, isApiError } from '../api/client.ts';

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'platformKey' | 'mustChangePassword'>;

/** Where a user whose password was set by the admin goes before anything else (#10.11). */
export const CHANGE_PASSWORD_PATH = '/change-password';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
async function fetchMe(): Promise<SessionUser | null> {
  try {
    const { user } = await api<{ user: SessionUser }>('/auth/me');
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const { user } = await api<{ user: SessionUser }>('/auth/login', { method: 'POST', body: { username, password } });
  return user;
}

export async function logout(): Promise<void> {
  await api<undefined>('/auth/logout', { method: 'POST' });
}

export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return api<undefined>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

/** After the temporary password is changed: the same user, free to use the app. */
export function passwordChanged(client: QueryClient): void {
  const user = client.getQueryData<SessionUser | null>(ME_KEY);
  if (user) client.setQueryData(ME_KEY, { ...user, mustChangePassword: false });
}

/** Drops the user and every cached page: the guard then sends the browser to the login page. */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  client.setQueryData(ME_KEY, null);
}

/** After login: the new user, nothing cached from the previous one. */
export function startSession(client: QueryClient, user: SessionUser): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  client.setQueryData(ME_KEY, user);
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { createUserSchema, updateUserSchema, User } from '@pgs/domain';
import { api } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

export const userKeys = {
  all: ['users'] as const,
  list: (page: number, pageSize: number) => ['users', 'list', page, pageSize] as const,
};

export function useUsers(page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.list(page, pageSize),
    queryFn: () => api<Page<User>>('/users', { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export type NewUser = In<typeof createUserSchema>;
export type UserChanges = In<typeof updateUserSchema>;

export function createUser(body: NewUser): Promise<User> {
  return api<User>('/users', { method: 'POST', body });
}

export function updateUser(id: number, body: UserChanges): Promise<User> {
  return api<User>(`/users/${id}`, { method: 'PATCH', body });
}

export function resetPassword(id: number, password: string): Promise<void> {
  return api<undefined>(`/users/${id}/password`, { method: 'POST', body: { password } });
}

export function unlockUser(id: number): Promise<void> {
  return api<undefined>(`/users/${id}/unlock`, { method: 'POST' });
}

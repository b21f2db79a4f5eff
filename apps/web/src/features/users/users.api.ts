import type { CreateUserInput, Page, UpdateUserInput, User } from '@sht/domain';
import { http } from '../../api/http-client';

export type UserListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  orgId?: string;
  role?: string;
  isActive?: string;
};

const one = (id: string) => `/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) => http.get<Page<User>>('/users', params, signal),
  get: (id: string) => http.get<User>(one(id)),
  create: (input: CreateUserInput) => http.post<User>('/users', input),
  update: (id: string, input: UpdateUserInput) => http.patch<User>(one(id), input),
  disable: (id: string) => http.post<User>(`${one(id)}/disable`),
  enable: (id: string) => http.post<User>(`${one(id)}/enable`),
  resetPassword: (id: string, newPassword: string) => http.post<void>(`${one(id)}/reset-password`, { newPassword }),
  unlock: (id: string) => http.post<User>(`${one(id)}/unlock`),
};

import type { ApiToken } from '@sht/domain';
import { http } from '../../api/http-client';

export type CreatedApiToken = ApiToken & { token: string };

export const accountApi = {
  changePassword: (input: { currentPassword: string; newPassword: string }) => http.post<void>('/auth/password', input),
  listTokens: (signal?: AbortSignal) => http.get<ApiToken[]>('/auth/tokens', undefined, signal),
  createToken: (input: { name: string; expiresInDays?: number }) => http.post<CreatedApiToken>('/auth/tokens', input),
  revokeToken: (id: string) => http.delete(`/auth/tokens/${encodeURIComponent(id)}`),
};

import type { QueryParams } from './http-client';

// Every cache key in one place, so invalidation after a mutation hits the right lists.
export const queryKeys = {
  me: ['auth', 'me'] as const,
  apiTokens: ['auth', 'tokens'] as const,
  orgs: {
    all: ['orgs'] as const,
    tree: ['orgs', 'tree'] as const,
    list: (params: QueryParams) => ['orgs', 'list', params] as const,
    detail: (id: string) => ['orgs', 'detail', id] as const,
  },
  users: {
    all: ['users'] as const,
    list: (params: QueryParams) => ['users', 'list', params] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (params: QueryParams) => ['audit', 'list', params] as const,
  },
};

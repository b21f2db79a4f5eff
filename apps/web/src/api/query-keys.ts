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
  customers: {
    all: ['customers'] as const,
    list: (params: QueryParams) => ['customers', 'list', params] as const,
    search: (q: string) => ['customers', 'search', q] as const,
    duplicates: (params: QueryParams) => ['customers', 'duplicates', params] as const,
    detail: (id: string) => ['customers', 'detail', id] as const,
  },
  // Static reference data bundled with the app (no request to the server).
  divisions: ['divisions', 'pca'] as const,
  audit: {
    all: ['audit'] as const,
    list: (params: QueryParams) => ['audit', 'list', params] as const,
  },
};

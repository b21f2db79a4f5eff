import type { CreateOrgInput, Org, OrgTreeNode, Page, UpdateOrgInput } from '@sht/domain';
import { http } from '../../api/http-client';

export type OrgListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  kind?: string;
  parentId?: string;
  serviceLevel?: string;
  isActive?: string;
};

export const orgsApi = {
  tree: (signal?: AbortSignal) => http.get<OrgTreeNode[]>('/orgs/tree', undefined, signal),
  list: (params: OrgListParams, signal?: AbortSignal) => http.get<Page<Org>>('/orgs', params, signal),
  get: (id: string) => http.get<Org>(`/orgs/${encodeURIComponent(id)}`),
  create: (input: CreateOrgInput) => http.post<Org>('/orgs', input),
  update: (id: string, input: UpdateOrgInput) => http.patch<Org>(`/orgs/${encodeURIComponent(id)}`, input),
  move: (id: string, parentId: string) => http.post<Org>(`/orgs/${encodeURIComponent(id)}/move`, { parentId }),
  deactivate: (id: string) => http.post<Org>(`/orgs/${encodeURIComponent(id)}/deactivate`),
  activate: (id: string) => http.post<Org>(`/orgs/${encodeURIComponent(id)}/activate`),
};

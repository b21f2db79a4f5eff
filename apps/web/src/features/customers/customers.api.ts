import type { CreateCustomerInput, Customer, CustomerSummary, DuplicateMatch, Page, UpdateCustomerInput } from '@sht/domain';
import { http } from '../../api/http-client';

export type CustomerListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  kind?: string;
  grade?: string;
  source?: string;
  orgId?: string;
  isActive?: string;
};

export type DuplicateParams = { phone?: string; name?: string; excludeId?: string };

const one = (id: string) => `/customers/${encodeURIComponent(id)}`;

export const customersApi = {
  list: (params: CustomerListParams, signal?: AbortSignal) => http.get<Page<CustomerSummary>>('/customers', params, signal),
  search: (q: string, limit: number, signal?: AbortSignal) =>
    http.get<{ items: CustomerSummary[] }>('/customers/search', { q, limit }, signal),
  duplicates: (params: DuplicateParams, signal?: AbortSignal) =>
    http.get<{ matches: DuplicateMatch[] }>('/customers/duplicates', params, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Customer>(one(id), undefined, signal),
  create: (input: CreateCustomerInput) => http.post<Customer>('/customers', input),
  update: (id: string, input: UpdateCustomerInput) => http.patch<Customer>(one(id), input),
  deactivate: (id: string) => http.post<Customer>(`${one(id)}/deactivate`),
  activate: (id: string) => http.post<Customer>(`${one(id)}/activate`),
};

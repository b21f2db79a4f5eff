import type {
  ComplaintResponseInput, CreateWorkOrderInput, DispatchSuggestion, ServiceReport, ServiceReportInput, SparePart, Equipment, Page, TransitionInput, User, WorkOrder, WorkOrderDetail, WorkOrderEvent,
} from '@sht/domain';
import { http, request, type QueryParams } from '../../api/http-client';

export type WorkOrderListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  /** Number (exact), caller phone (exact) or a part of the title. */
  q?: string;
  status?: string;
  type?: string;
  priority?: string;
  customerId?: string;
  equipmentId?: string;
  assigneeId?: string;
  orgId?: string;
};

const one = (id: string) => `/work-orders/${encodeURIComponent(id)}`;

export const workOrdersApi = {
  list: (params: WorkOrderListParams, signal?: AbortSignal) => http.get<Page<WorkOrder>>('/work-orders', params, signal),
  get: (id: string, signal?: AbortSignal) => http.get<WorkOrderDetail>(one(id), undefined, signal),
  events: (id: string, signal?: AbortSignal) => http.get<{ items: WorkOrderEvent[] }>(`${one(id)}/events`, undefined, signal),
  create: (input: CreateWorkOrderInput) => http.post<WorkOrderDetail>('/work-orders', input),
  transition: (id: string, input: TransitionInput) => http.post<WorkOrderDetail>(`${one(id)}/transitions`, input),
  respondToComplaint: (id: string, input: ComplaintResponseInput) => http.post<WorkOrderDetail>(`${one(id)}/complaint-response`, input),
  report: (id: string, signal?: AbortSignal) => http.get<ServiceReport>(`${one(id)}/report`, undefined, signal),
  saveReport: (id: string, input: ServiceReportInput) => request<ServiceReport>('PUT', `${one(id)}/report`, { body: input }),
  spareParts: (q: string | undefined, signal?: AbortSignal) =>
    http.get<Page<SparePart>>('/catalogue/spare-parts', { q, isActive: 'true', pageSize: 30 }, signal),
  // The units a caller owns, to pick the one that broke down.
  customerUnits: (customerId: string, signal?: AbortSignal) =>
    http.get<Page<Equipment>>('/equipment', { customerId, pageSize: 100, sort: 'serialNo' }, signal),
  // Technicians ranked for the order by skill, distance, load and coverage (only those it may be dispatched to).
  suggestions: (id: string, signal?: AbortSignal) =>
    http.get<{ items: DispatchSuggestion[] }>(`${one(id)}/dispatch-suggestions`, undefined, signal),
  // Dispatch candidates: active technicians in the caller's scope (the server checks the order's subtree).
  technicians: (signal?: AbortSignal) =>
    http.get<Page<User>>('/users', { role: 'technician', isActive: 'true', pageSize: 200, sort: 'name' }, signal),
};

// Cache keys of this feature; every write invalidates `all`, so lists and the order refresh together.
export const workOrderKeys = {
  all: ['work-orders'] as const,
  list: (params: QueryParams) => ['work-orders', 'list', params] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
  events: (id: string) => ['work-orders', 'events', id] as const,
  units: (customerId: string) => ['work-orders', 'units', customerId] as const,
  technicians: ['work-orders', 'technicians'] as const,
  report: (id: string) => ['work-orders', 'report', id] as const,
  suggestions: (id: string) => ['work-orders', 'suggestions', id] as const,
  parts: (q: string) => ['work-orders', 'parts', q] as const,
};

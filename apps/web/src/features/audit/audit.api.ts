import type { AuditEntry, Page } from '@sht/domain';
import { http } from '../../api/http-client';

export type AuditListParams = {
  page: number;
  pageSize: number;
  order?: 'asc' | 'desc';
  q?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
};

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) => http.get<Page<AuditEntry>>('/audit', params, signal),
};

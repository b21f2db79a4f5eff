import type { DashboardSummary } from '@sht/domain';
import { http } from '../../api/http-client';

export const dashboardApi = {
  summary: (signal?: AbortSignal) => http.get<DashboardSummary>('/dashboard/summary', undefined, signal),
};

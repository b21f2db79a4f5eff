import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplaintResponseInput, CreateWorkOrderInput, GeoPosition, ServiceReportInput, TransitionInput, WorkOrderDetail } from '@sht/domain';
import { isApiError } from '../../../api/api-error';
import { workOrderKeys, workOrdersApi, type WorkOrderListParams } from '../workorders.api';

/** The work-order table's page query, for `useServerList`. */
export const workOrderListQuery = (params: WorkOrderListParams) => ({
  queryKey: workOrderKeys.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => workOrdersApi.list(params, signal),
});

export function useWorkOrder(id: string) {
  return useQuery({ queryKey: workOrderKeys.detail(id), queryFn: ({ signal }) => workOrdersApi.get(id, signal) });
}

export function useWorkOrderEvents(id: string) {
  return useQuery({ queryKey: workOrderKeys.events(id), queryFn: ({ signal }) => workOrdersApi.events(id, signal) });
}

// A technician's open jobs; re-read every minute so the SLA colours stay current on a phone left open.
export function useMyJobs() {
  const params: WorkOrderListParams = { page: 1, pageSize: 100, status: 'open', assigneeId: 'me', sort: 'resolutionDueAt', order: 'asc' };
  return useQuery({ ...workOrderListQuery(params), refetchInterval: 60_000, placeholderData: keepPreviousData });
}

export function useCustomerUnits(customerId: string | undefined) {
  return useQuery({
    queryKey: workOrderKeys.units(customerId ?? ''),
    queryFn: ({ signal }) => workOrdersApi.customerUnits(customerId ?? '', signal),
    enabled: Boolean(customerId),
  });
}

export function useDispatchSuggestions(id: string, enabled: boolean) {
  return useQuery({ queryKey: workOrderKeys.suggestions(id), queryFn: ({ signal }) => workOrdersApi.suggestions(id, signal), enabled });
}

export function useTechnicians(enabled: boolean) {
  return useQuery({ queryKey: workOrderKeys.technicians, queryFn: ({ signal }) => workOrdersApi.technicians(signal), enabled, staleTime: 60_000 });
}

export function useCreateWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWorkOrderInput) => workOrdersApi.create(input),
    onSuccess: (order) => {
      queryClient.setQueryData(workOrderKeys.detail(order.id), order);
      return queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
    },
  });
}

/** One lifecycle step; the answer is the order as it now stands, the timeline is re-read. */
export function useTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TransitionInput }) => workOrdersApi.transition(id, input),
    onSuccess: (order: WorkOrderDetail) => {
      queryClient.setQueryData(workOrderKeys.detail(order.id), order);
      return queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
    },
    // A stale version (409) or an illegal step: the order on screen is outdated, load it again.
    onError: (_err, { id }) => queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
  });
}

/** The at-fault department's answer to a complaint (explanation, apology, improvement). */
export function useComplaintResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ComplaintResponseInput }) => workOrdersApi.respondToComplaint(id, input),
    onSuccess: (order: WorkOrderDetail) => {
      queryClient.setQueryData(workOrderKeys.detail(order.id), order);
      return queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
    },
    onError: (_err, { id }) => queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
  });
}

/** The on-site report, or null while none has been written (the server answers REPORT_NOT_FOUND). */
export function useServiceReport(id: string) {
  return useQuery({
    queryKey: workOrderKeys.report(id),
    queryFn: ({ signal }) =>
      workOrdersApi.report(id, signal).catch((err: unknown) => {
        if (isApiError(err, 'REPORT_NOT_FOUND')) return null;
        throw err;
      }),
  });
}

export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ServiceReportInput }) => workOrdersApi.saveReport(id, input),
    onSuccess: (report, { id }) => {
      queryClient.setQueryData(workOrderKeys.report(id), report);
      return queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(id) });
    },
    onError: (_err, { id }) => queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
  });
}

/** Active spare parts matching a code or name, for the report's parts list. */
export function useSpareParts(term: string) {
  return useQuery({
    queryKey: workOrderKeys.parts(term),
    queryFn: ({ signal }) => workOrdersApi.spareParts(term || undefined, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * Where the phone is, if the browser knows and the user allows it; never fails — a check-in
 * without a position is still a check-in.
 */
export function currentPosition(timeoutMs = 5000): Promise<GeoPosition | undefined> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: Number.isFinite(p.coords.accuracy) ? Math.min(100_000, Math.round(p.coords.accuracy)) : undefined,
        });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

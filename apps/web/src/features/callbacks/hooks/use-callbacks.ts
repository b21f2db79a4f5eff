import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallbackPolicyInput, RecordCallbackOutcomeInput, RecoverySettings, ServiceLevel } from '@sht/domain';
import type { QueryParams } from '../../../api/http-client';
import { callbacksApi } from '../callbacks.api';

export const callbackKeys = {
  all: ['callbacks'] as const,
  list: (params: QueryParams) => ['callbacks', 'list', params] as const,
  detail: (id: string) => ['callbacks', 'detail', id] as const,
  stats: (from: string, to: string) => ['callbacks', 'stats', from, to] as const,
  policies: ['callbacks', 'policies'] as const,
  recovery: (params: QueryParams) => ['callbacks', 'recovery', params] as const,
  recoverySettings: ['callbacks', 'recovery-settings'] as const,
};

export const callbackListQuery = (params: QueryParams) => ({
  queryKey: callbackKeys.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => callbacksApi.list(params, signal),
});

export const recoveryListQuery = (params: QueryParams) => ({
  queryKey: callbackKeys.recovery(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => callbacksApi.recoveryCases(params, signal),
});

export const useCallbackTask = (id: string) => useQuery({ queryKey: callbackKeys.detail(id), queryFn: ({ signal }) => callbacksApi.get(id, signal) });
export const useCallbackStats = (from: string, to: string) =>
  useQuery({ queryKey: callbackKeys.stats(from, to), queryFn: ({ signal }) => callbacksApi.stats({ from, to }, signal) });
export const useCallbackPolicies = () => useQuery({ queryKey: callbackKeys.policies, queryFn: ({ signal }) => callbacksApi.policies(signal) });
export const useRecoverySettings = () => useQuery({ queryKey: callbackKeys.recoverySettings, queryFn: ({ signal }) => callbacksApi.recoverySettings(signal) });

export function useCallbackMutations() {
  const queryClient = useQueryClient();
  // Outcomes can reopen orders and open recovery orders: refresh those lists too.
  const onSuccess = () => Promise.all([queryClient.invalidateQueries({ queryKey: callbackKeys.all }), queryClient.invalidateQueries({ queryKey: ['work-orders'] })]);
  return {
    claim: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => callbacksApi.claim(id, version), onSuccess }),
    record: useMutation({ mutationFn: ({ id, input }: { id: string; input: RecordCallbackOutcomeInput }) => callbacksApi.record(id, input), onSuccess }),
    updatePolicy: useMutation({ mutationFn: ({ level, input }: { level: ServiceLevel; input: CallbackPolicyInput }) => callbacksApi.updatePolicy(level, input), onSuccess }),
    updateRecoverySettings: useMutation({ mutationFn: (input: RecoverySettings) => callbacksApi.updateRecoverySettings(input), onSuccess }),
  };
}

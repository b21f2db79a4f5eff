import type {
  CallbackDetail, CallbackPolicy, CallbackPolicyInput, CallbackStats, CallbackTask, Page, RecordCallbackOutcomeInput, RecoveryCase, RecoverySettings, ServiceLevel,
} from '@sht/domain';
import { http, type QueryParams } from '../../api/http-client';

const one = (id: string) => `/callbacks/${encodeURIComponent(id)}`;

export const callbacksApi = {
  list: (params: QueryParams, signal?: AbortSignal) => http.get<Page<CallbackTask>>('/callbacks', params, signal),
  get: (id: string, signal?: AbortSignal) => http.get<CallbackDetail>(one(id), undefined, signal),
  claim: (id: string, version: number) => http.post<CallbackDetail>(`${one(id)}/claim`, { version }),
  record: (id: string, input: RecordCallbackOutcomeInput) => http.post<CallbackDetail>(`${one(id)}/outcome`, input),
  stats: (params: { from: string; to: string }, signal?: AbortSignal) => http.get<CallbackStats>('/callbacks/stats', params, signal),
  policies: (signal?: AbortSignal) => http.get<{ items: CallbackPolicy[] }>('/callbacks/policies', undefined, signal),
  updatePolicy: (level: ServiceLevel, input: CallbackPolicyInput) => http.put<CallbackPolicy>(`/callbacks/policies/${level}`, input),
  recoveryCases: (params: QueryParams, signal?: AbortSignal) => http.get<Page<RecoveryCase>>('/recovery-cases', params, signal),
  recoveryCase: (id: string, signal?: AbortSignal) => http.get<RecoveryCase>(`/recovery-cases/${encodeURIComponent(id)}`, undefined, signal),
  recoverySettings: (signal?: AbortSignal) => http.get<RecoverySettings>('/recovery-cases/settings', undefined, signal),
  updateRecoverySettings: (input: RecoverySettings) => http.put<RecoverySettings>('/recovery-cases/settings', input),
};

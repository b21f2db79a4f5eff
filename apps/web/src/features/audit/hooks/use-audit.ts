import { queryKeys } from '../../../api/query-keys';
import { auditApi, type AuditListParams } from '../audit.api';

/** The audit log's page query, for `useServerList`. */
export const auditListQuery = (params: AuditListParams) => ({
  queryKey: queryKeys.audit.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => auditApi.list(params, signal),
});

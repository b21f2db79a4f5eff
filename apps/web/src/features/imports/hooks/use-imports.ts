import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportMode } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { importsApi } from '../imports.api';

export const importKeys = { job: (token: string | null) => ['imports', 'job', token] as const };

/** The job of a running commit, polled so the page can show how many rows are written. */
export function useImportJob(token: string | null, isRunning: boolean) {
  return useQuery({
    queryKey: importKeys.job(token),
    queryFn: ({ signal }) => importsApi.job(token ?? '', signal),
    enabled: token !== null && isRunning,
    refetchInterval: isRunning ? 500 : false,
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ token, mode }: { token: string; mode: ImportMode }) => importsApi.commit(token, { mode }),
    onSettled: async () => {
      // Imported rows show up in the lists they belong to.
      await queryClient.invalidateQueries({ queryKey: queryKeys.customers.all });
      await queryClient.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgInput, UpdateOrgInput } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { orgsApi, type OrgListParams } from '../orgs.api';

export function useOrgTree() {
  return useQuery({
    queryKey: queryKeys.orgs.tree,
    queryFn: ({ signal }) => orgsApi.tree(signal),
  });
}

/** The orgs table's page query, for `useServerList`. */
export const orgListQuery = (params: OrgListParams) => ({
  queryKey: queryKeys.orgs.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => orgsApi.list(params, signal),
});

export function useOrgMutations() {
  const queryClient = useQueryClient();
  // Tree, lists and user rows (which show org names) all change with an org.
  const onSuccess = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.orgs.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
    ]);
  };
  return {
    create: useMutation({ mutationFn: (input: CreateOrgInput) => orgsApi.create(input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateOrgInput }) => orgsApi.update(id, input),
      onSuccess,
    }),
    move: useMutation({
      mutationFn: ({ id, parentId }: { id: string; parentId: string }) => orgsApi.move(id, parentId),
      onSuccess,
    }),
    setActive: useMutation({
      mutationFn: ({ id, active }: { id: string; active: boolean }) =>
        active ? orgsApi.activate(id) : orgsApi.deactivate(id),
      onSuccess,
    }),
  };
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { usersApi, type UserListParams } from '../users.api';

/** The users table's page query, for `useServerList`. */
export const userListQuery = (params: UserListParams) => ({
  queryKey: queryKeys.users.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => usersApi.list(params, signal),
});

export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
  return {
    create: useMutation({ mutationFn: (input: CreateUserInput) => usersApi.create(input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => usersApi.update(id, input),
      onSuccess,
    }),
    setActive: useMutation({
      mutationFn: ({ id, active }: { id: string; active: boolean }) =>
        active ? usersApi.enable(id) : usersApi.disable(id),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => usersApi.resetPassword(id, newPassword),
      onSuccess,
    }),
    unlock: useMutation({ mutationFn: (id: string) => usersApi.unlock(id), onSuccess }),
  };
}

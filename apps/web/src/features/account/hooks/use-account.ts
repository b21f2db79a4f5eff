import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { accountApi } from '../account.api';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: accountApi.changePassword,
    // The session may be re-issued (new CSRF token, mustChangePassword cleared): reload who we are.
    onSuccess: () => queryClient.refetchQueries({ queryKey: queryKeys.me }),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: queryKeys.apiTokens, queryFn: ({ signal }) => accountApi.listTokens(signal) });
}

export function useApiTokenMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
  return {
    create: useMutation({ mutationFn: accountApi.createToken, onSuccess }),
    revoke: useMutation({ mutationFn: accountApi.revokeToken, onSuccess }),
  };
}

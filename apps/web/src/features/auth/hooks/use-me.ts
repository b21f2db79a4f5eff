import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, type Me, type Permission } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { fetchMe, login, logout } from '../auth.api';

export function useMeQuery() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}

export const SessionContext = createContext<Me | null>(null);

/** The logged-in user; only valid below RequireAuth. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside RequireAuth');
  return me;
}

/** Permission check for menus and buttons; the server enforces the same rules. */
export function useCan(): (permission: Permission) => boolean {
  const me = useSession();
  return (permission) => can(me.roles, permission);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // A different user may log in on the same tab: drop everything cached for the last one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}

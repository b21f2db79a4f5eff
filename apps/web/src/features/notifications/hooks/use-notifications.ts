import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationKeys, notificationsApi, type NotificationListParams } from '../notifications.api';

// The bell asks every 30 s (and when the tab regains focus): cheap, one indexed count.
const UNREAD_POLL_MS = 30_000;

/** The inbox table's page query, for `useServerList`. */
export const notificationListQuery = (params: NotificationListParams) => ({
  queryKey: notificationKeys.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => notificationsApi.list(params, signal),
});

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useNotificationMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    markRead: useMutation({ mutationFn: (id: string) => notificationsApi.markRead(id), onSuccess }),
    markAllRead: useMutation({ mutationFn: () => notificationsApi.markAllRead(), onSuccess }),
  };
}

import type { Notification, Page, ReadAllResult, UnreadCount } from '@sht/domain';
import { http, type QueryParams } from '../../api/http-client';

export type NotificationListParams = {
  page: number;
  pageSize: number;
  order?: 'asc' | 'desc';
  sort?: string;
  q?: string;
  unread?: string;
  kind?: string;
};

export const notificationsApi = {
  list: (params: NotificationListParams, signal?: AbortSignal) => http.get<Page<Notification>>('/notifications', params, signal),
  unreadCount: (signal?: AbortSignal) => http.get<UnreadCount>('/notifications/unread-count', undefined, signal),
  markRead: (id: string) => http.post<Notification>(`/notifications/${id}/read`),
  markAllRead: () => http.post<ReadAllResult>('/notifications/read-all'),
};

// The feature's cache keys; every mutation invalidates the whole `notifications` family.
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: QueryParams) => ['notifications', 'list', params] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
};

import type { notificationsZh } from './notifications.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const notificationsEn: Widen<typeof notificationsZh> = {
  title: 'Inbox',
  bell: 'Notifications',
  bellUnread: '{{count}} unread notifications',
  searchPlaceholder: 'Title or text',
  filter: { all: 'All', unread: 'Unread' },
  fields: { kind: 'Kind', title: 'Message', createdAt: 'Time', status: 'Status' },
  kind: {
    assignment: 'Assignment',
    sla_warning: 'SLA warning',
    sla_breach: 'SLA breached',
    escalation: 'Escalation',
    customer_message: 'Customer message',
    status_update: 'Status update',
  },
  unread: 'Unread',
  read: 'Read',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  markedAllRead: '{{count}} notifications marked read',
  empty: 'No notifications',
};

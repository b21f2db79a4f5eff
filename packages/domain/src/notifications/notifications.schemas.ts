import { z } from 'zod';
import { isoInstantSchema, listQuerySchema, pageSchema } from '../common/common.schemas.js';

export const notificationKinds = ['assignment', 'sla_warning', 'sla_breach', 'escalation', 'customer_message', 'status_update'] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** An in-app path the inbox may navigate to: absolute within the app, never another origin. */
export const appLinkSchema = z.string().max(500).regex(/^\/(?![/\\])[^\s]*$/, { message: 'must be an app path such as /work-orders/…' });

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: isoInstantSchema,
  readAt: isoInstantSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

// Query strings carry booleans as text; anything but true/1 would be a typo, so it is refused.
const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const listNotificationsQuerySchema = listQuerySchema(['createdAt'] as const).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  unread: queryBool.optional(),
  kind: notificationKindSchema.optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
export const notificationPageSchema = pageSchema(notificationSchema);

export const unreadCountSchema = z.object({ count: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;
export const readAllResultSchema = z.object({ updated: z.number().int() });
export type ReadAllResult = z.infer<typeof readAllResultSchema>;

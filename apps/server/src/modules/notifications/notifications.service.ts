import {
  appLinkSchema, clip, kindChannels, NOTIFICATION_BODY_MAX, NOTIFICATION_TITLE_MAX, smsNumber, smsText,
  type ListNotificationsQuery, type Notification, type NotificationKind, type OutboxChannel, type Page, type ReadAllResult,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { NotificationOutboxTable, NotificationsTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { ServiceContext } from '../../context.js';
import { notificationErrors } from './notifications.errors.js';
import * as repo from './notifications.repository.js';

export type NotifyInput = {
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null; // an app path, e.g. `/work-orders/${id}`
  entity?: { type: string; id: string } | null;
  // External channels; by default those of the kind (kindChannels). [] keeps it in the inbox.
  channels?: readonly OutboxChannel[];
  // The acting user is not told about their own action unless this is set.
  includeActor?: boolean;
};

export type CustomerMessage = { phone?: string | null; email?: string | null; subject?: string; text: string; link?: string | null };

const instantOf = (at: ServiceContext | Date): Date => (at instanceof Date ? at : at.now);

function checkedLink(link: string | null | undefined): string | null {
  if (!link) return null;
  // Callers are our own modules: a bad link is a programming error, not user input.
  if (!appLinkSchema.safeParse(link).success) throw new Error(`notify: link must be an app path, got ${link}`);
  return link;
}

function outboxRow(channel: OutboxChannel, to: string, text: { subject: string | null; body: string }, link: string | null, notificationId: string | null, now: string): NotificationOutboxTable {
  return {
    id: newId(), channel, to_address: to, subject: text.subject, body: text.body, link, notification_id: notificationId,
    status: 'pending', attempts: 0, last_error: null, next_attempt_at: now, created_at: now, sent_at: null,
  };
}

/**
 * Tells users about something that happened: one inbox row each, plus e-mail/SMS outbox rows for
 * those with an address on record. Call it inside the transaction of the change it reports, so
 * the notification exists exactly when the change does; the dispatcher sends after commit.
 */
export async function notify(db: Db, at: ServiceContext | Date, input: NotifyInput): Promise<{ notificationIds: string[]; outboxIds: string[] }> {
  const now = instantOf(at).toISOString();
  const actorId = at instanceof Date ? null : at.actor.userId;
  const userIds = [...new Set(input.userIds)].filter((id) => input.includeActor || id !== actorId);
  if (userIds.length === 0) return { notificationIds: [], outboxIds: [] };
  const link = checkedLink(input.link);
  const title = clip(input.title, NOTIFICATION_TITLE_MAX);
  const body = clip(input.body, NOTIFICATION_BODY_MAX);
  const channels = new Set(input.channels ?? kindChannels[input.kind]);

  const recipients = await repo.listRecipients(db, userIds);
  const inbox: NotificationsTable[] = [];
  const outbox: NotificationOutboxTable[] = [];
  for (const user of recipients) {
    const id = newId();
    inbox.push({
      id, user_id: user.id, kind: input.kind, title, body, link, entity_type: input.entity?.type ?? null,
      entity_id: input.entity?.id ?? null, created_at: now, read_at: null,
    });
    if (!user.is_active) continue;
    if (channels.has('email') && user.email) outbox.push(outboxRow('email', user.email, { subject: title, body }, link, id, now));
    const mobile = smsNumber(user.phone);
    if (channels.has('sms') && mobile) outbox.push(outboxRow('sms', mobile, { subject: null, body: smsText(title, body) }, null, id, now));
  }
  await repo.insertNotifications(db, inbox);
  await repo.insertOutbox(db, outbox);
  return { notificationIds: inbox.map((r) => r.id), outboxIds: outbox.map((r) => r.id) };
}

/**
 * A status update for a customer (no account, no inbox): an SMS to a mobile number and, when given,
 * an e-mail. Landlines are skipped. Call it inside the transaction of the change it reports.
 */
export async function notifyCustomer(db: Db, at: ServiceContext | Date, msg: CustomerMessage): Promise<{ outboxIds: string[] }> {
  const now = instantOf(at).toISOString();
  const link = checkedLink(msg.link);
  const rows: NotificationOutboxTable[] = [];
  const mobile = smsNumber(msg.phone);
  if (mobile) rows.push(outboxRow('sms', mobile, { subject: null, body: smsText(msg.text, '') }, null, null, now));
  if (msg.email) {
    const subject = clip(msg.subject ?? msg.text, NOTIFICATION_TITLE_MAX);
    rows.push(outboxRow('email', msg.email, { subject, body: clip(msg.text, NOTIFICATION_BODY_MAX) }, link, null, now));
  }
  await repo.insertOutbox(db, rows);
  return { outboxIds: rows.map((r) => r.id) };
}

function toNotification(r: NotificationsTable): Notification {
  return {
    id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, entityType: r.entity_type, entityId: r.entity_id,
    createdAt: r.created_at, readAt: r.read_at,
  };
}

export async function listMyNotifications(db: Db, ctx: ServiceContext, q: ListNotificationsQuery): Promise<Page<Notification>> {
  const { rows, total } = await repo.listForRecipient(db, ctx.actor.userId, q);
  return { items: rows.map(toNotification), total, page: q.page, pageSize: q.pageSize };
}

export async function getUnreadCount(db: Db, ctx: ServiceContext): Promise<{ count: number }> {
  return { count: await repo.countUnread(db, ctx.actor.userId) };
}

// Reading is the recipient's own bookkeeping, not a change to shared data: it is not audited.
export async function markNotificationRead(db: Db, ctx: ServiceContext, id: string): Promise<Notification> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findForRecipient(trx, ctx.actor.userId, id);
    if (!row) throw notificationErrors.NOTIFICATION_NOT_FOUND();
    if (row.read_at) return toNotification(row);
    const readAt = ctx.now.toISOString();
    await repo.markRead(trx, ctx.actor.userId, id, readAt);
    return toNotification({ ...row, read_at: readAt });
  });
}

export async function markAllNotificationsRead(db: Db, ctx: ServiceContext): Promise<ReadAllResult> {
  return { updated: await repo.markAllRead(db, ctx.actor.userId, ctx.now.toISOString()) };
}

import { sql } from 'kysely';
import type { ListNotificationsQuery } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { NotificationOutboxTable, NotificationsTable } from '../../db/schema.js';
import { fetchPage } from '../../db/paging.js';

// Inbox queries are scoped by recipient: every read and write names the caller's own user id,
// so another user's notification is simply not found.

export async function insertNotifications(db: Db, rows: NotificationsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

export async function insertOutbox(db: Db, rows: NotificationOutboxTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notification_outbox').values(rows).execute();
}

/** Contact details of the recipients; inactive accounts get nothing sent outside the app. */
export function listRecipients(db: Db, userIds: readonly string[]) {
  return db.selectFrom('users').select(['id', 'email', 'phone', 'is_active']).where('id', 'in', userIds).execute();
}

// A search for "100%" means the text, not a wildcard: escape LIKE's metacharacters.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const containing = (column: 'title' | 'body', pattern: string) => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;

export function listForRecipient(db: Db, recipientId: string, q: ListNotificationsQuery) {
  let base = db.selectFrom('notifications').where('user_id', '=', recipientId);
  if (q.unread === true) base = base.where('read_at', 'is', null);
  if (q.unread === false) base = base.where('read_at', 'is not', null);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    base = base.where((eb) => eb.or([containing('title', pattern), containing('body', pattern)]));
  }
  const pageQuery = base
    .selectAll()
    .orderBy('created_at', q.order)
    .orderBy('id', q.order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const countQuery = base.select((eb) => eb.fn.countAll<number>().as('n'));
  return fetchPage(db, pageQuery, countQuery, q.page, q.pageSize);
}

export async function countUnread(db: Db, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findForRecipient(db: Db, recipientId: string, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', recipientId).executeTakeFirst();
}

export async function markRead(db: Db, recipientId: string, id: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', recipientId).where('read_at', 'is', null).execute();
}

export async function markAllRead(db: Db, recipientId: string, at: string): Promise<number> {
  const res = await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', recipientId).where('read_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// ---- outbox ----

/** Ids of rows due for a delivery attempt, oldest first. */
export async function listDueOutbox(db: Db, now: string, limit: number) {
  return db
    .selectFrom('notification_outbox')
    .select(['id', 'attempts', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Claims a due row for one dispatcher: counts the attempt and pushes `next_attempt_at` to the end
 * of a lease, guarded by the values it was seen with. Of several app servers racing for the row,
 * one updates it; the others update nothing. A dispatcher that dies mid-send leaves the row
 * pending, to be retried when the lease runs out.
 */
export async function claimOutbox(db: Db, seen: { id: string; attempts: number; next_attempt_at: string }, leaseUntil: string) {
  const res = await db
    .updateTable('notification_outbox')
    .set({ attempts: seen.attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', seen.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', seen.attempts)
    .where('next_attempt_at', '=', seen.next_attempt_at)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('notification_outbox').selectAll().where('id', '=', seen.id).executeTakeFirstOrThrow();
}
export type OutboxRow = NotificationOutboxTable;

export async function markOutboxSent(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('notification_outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).execute();
}

export async function markOutboxRetry(db: Db, id: string, error: string, nextAttemptAt: string): Promise<void> {
  await db.updateTable('notification_outbox').set({ last_error: error, next_attempt_at: nextAttemptAt }).where('id', '=', id).execute();
}

export async function markOutboxFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('notification_outbox').set({ status: 'failed', last_error: error }).where('id', '=', id).execute();
}

/** Sent rows are only a delivery log: drop them after a while (failed rows stay for inspection). */
export async function deleteSentOutbox(db: Db, sentBefore: string): Promise<number> {
  const res = await db.deleteFrom('notification_outbox').where('status', '=', 'sent').where('sent_at', '<', sentBefore).executeTakeFirst();
  return Number(res.numDeletedRows);
}

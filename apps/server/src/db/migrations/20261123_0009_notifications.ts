import type { Kysely } from 'kysely';
import { instantType } from './migration-helpers.js';

// In-app inbox (`notifications`, one row per recipient) and the outbox of external deliveries
// (`notification_outbox`): rows are written in the transaction of the change they report and sent
// after commit by a dispatcher that any app server may run (a row is claimed by a guarded UPDATE).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'varchar(2000)', (c) => c.notNull())
    .addColumn('link', 'varchar(500)')
    .addColumn('entity_type', 'varchar(40)')
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema.createIndex('notifications_user_created_idx').on('notifications').columns(['user_id', 'created_at']).execute();
  // The bell's unread count: `user_id = ? and read_at is null`.
  await db.schema.createIndex('notifications_user_read_idx').on('notifications').columns(['user_id', 'read_at']).execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('to_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)')
    .addColumn('body', 'varchar(4000)', (c) => c.notNull())
    .addColumn('link', 'varchar(500)')
    .addColumn('notification_id', 'varchar(36)', (c) => c.references('notifications.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'varchar(1000)')
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema.createIndex('notification_outbox_due_idx').on('notification_outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_outbox').execute();
  await db.schema.dropTable('notifications').execute();
}

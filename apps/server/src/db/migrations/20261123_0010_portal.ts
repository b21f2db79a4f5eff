import type { Kysely } from 'kysely';
import { instantType } from './migration-helpers.js';

// Customer portal: one-time login codes (only their hash) and portal sessions, kept apart from
// staff sessions so that neither kind of cookie can ever be taken for the other.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  await db.schema
    .createTable('portal_otps')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('phone', 'varchar(20)', (c) => c.notNull()) // normalised digits
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', ts)
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('portal_otps_phone_created_idx').on('portal_otps').columns(['phone', 'created_at']).execute();

  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey()) // sha256 of the cookie value
    .addColumn('phone', 'varchar(20)', (c) => c.notNull())
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema.createIndex('portal_sessions_expires_idx').on('portal_sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('portal_sessions').execute();
  await db.schema.dropTable('portal_otps').execute();
}

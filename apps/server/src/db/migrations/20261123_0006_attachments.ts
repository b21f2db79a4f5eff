import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres } from './migration-helpers.js';

// Attachments: metadata in `attachments`, the bytes in `attachment_chunks` (fixed-size pieces,
// so a download streams and a range request reads only the pieces it needs). Keeping the bytes
// in the database lets any app server behind a load balancer answer, on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('org_path', 'varchar(1000)', (c) => c.notNull()) // the owner's org when uploaded
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .addColumn('deleted_by', 'varchar(36)', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('attachments_owner_idx').on('attachments').columns(['owner_type', 'owner_id', 'uploaded_at']).execute();

  await db.schema
    .createTable('attachment_chunks')
    .addColumn('attachment_id', 'varchar(36)', (c) => c.notNull().references('attachments.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_chunks_pk', ['attachment_id', 'seq'])
    .execute();
  // Large values: keep PostgreSQL from trying to compress media that is compressed already.
  if (isPostgres(db)) await sql`alter table attachment_chunks alter column data set storage external`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachment_chunks').execute();
  await db.schema.dropTable('attachments').execute();
}

import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres } from './migration-helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);

  await db.schema
    .createTable('orgs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('parent_id', 'varchar(36)', (c) => c.references('orgs.id'))
    .addColumn('path', 'varchar(1000)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('province', 'varchar(30)')
    .addColumn('city', 'varchar(30)')
    .addColumn('address', 'varchar(200)')
    .addColumn('contact_name', 'varchar(50)')
    .addColumn('contact_phone', 'varchar(30)')
    .addColumn('service_level', 'varchar(1)', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgs_path_idx').on('orgs').column('path').execute();
  await db.schema.createIndex('orgs_parent_idx').on('orgs').column('parent_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('orgs.id'))
    .addColumn('username', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('phone', 'varchar(30)')
    .addColumn('email', 'varchar(120)')
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull())
    .addColumn('must_change_password', 'boolean', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull())
    .addColumn('locked_until', ts)
    .addColumn('last_login_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();
  await db.schema.createIndex('user_roles_role_idx').on('user_roles').columns(['role', 'user_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('expires_at', ts)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(50)')
    .addColumn('org_path', 'varchar(1000)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'varchar(64)')
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('audit_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_path_idx').on('audit_log').columns(['org_path', 'at']).execute();

  if (isPostgres(db)) {
    // Subtree scoping is `path LIKE 'prefix%'`: PostgreSQL needs pattern ops to use an index for it.
    await sql`create index orgs_path_pattern_idx on orgs (path varchar_pattern_ops)`.execute(db);
    await sql`create index audit_path_pattern_idx on audit_log (org_path varchar_pattern_ops)`.execute(db);
  }

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['app_meta', 'audit_log', 'api_tokens', 'sessions', 'user_roles', 'users', 'orgs']) {
    await db.schema.dropTable(t).execute();
  }
}

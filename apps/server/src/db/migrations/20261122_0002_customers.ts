import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres } from './migration-helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  const pg = isPostgres(db);

  await db.schema
    .createTable('customers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_pinyin', 'varchar(700)', (c) => c.notNull())
    .addColumn('name_initials', 'varchar(100)', (c) => c.notNull())
    .addColumn('province_code', 'varchar(2)')
    .addColumn('province_name', 'varchar(30)')
    .addColumn('city_code', 'varchar(4)')
    .addColumn('city_name', 'varchar(30)')
    .addColumn('county_code', 'varchar(6)')
    .addColumn('county_name', 'varchar(30)')
    .addColumn('address', 'varchar(200)')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('grade', 'varchar(1)')
    .addColumn('notes', 'varchar(2000)')
    .addColumn('is_active', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_org_idx').on('customers').column('org_id').execute();
  await db.schema.createIndex('customers_name_idx').on('customers').column('name').execute();
  // Lists sort by name in pinyin order.
  await db.schema.createIndex('customers_pinyin_idx').on('customers').columns(['name_pinyin', 'id']).execute();
  await db.schema.createIndex('customers_created_idx').on('customers').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('customers_province_idx').on('customers').column('province_code').execute();

  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('title', 'varchar(50)')
    .addColumn('is_primary', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_contacts_customer_idx').on('customer_contacts').columns(['customer_id', 'position']).execute();

  await db.schema
    .createTable('customer_phones')
    .addColumn('contact_id', 'varchar(36)', (c) => c.notNull().references('customer_contacts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('phone', 'varchar(30)', (c) => c.notNull())
    .addColumn('digits', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_phones_pk', ['contact_id', 'position'])
    .execute();
  // Duplicate detection looks phones up by their normalised digits.
  await db.schema.createIndex('customer_phones_digits_idx').on('customer_phones').column('digits').execute();
  await db.schema.createIndex('customer_phones_customer_idx').on('customer_phones').column('customer_id').execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('tag', 'varchar(20)', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .execute();
  await db.schema.createIndex('customer_tags_tag_idx').on('customer_tags').columns(['tag', 'customer_id']).execute();

  // Find-as-you-type: name suffixes, pinyin and phone-digit suffixes, matched by prefix.
  // The term is compared byte-wise so `LIKE 'q%'` runs on the primary key on both databases:
  // SQLite's LIKE optimisation needs a NOCASE index (terms are lower-case, so nothing changes),
  // PostgreSQL uses a btree for prefix LIKE when the column collation is "C".
  let terms = db.schema
    .createTable('customer_search_terms')
    .addColumn('kind', 'varchar(1)', (c) => c.notNull())
    .addColumn('term', 'varchar(32)', (c) => c.notNull().modifyEnd(pg ? sql`collate "C"` : sql`collate nocase`))
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addPrimaryKeyConstraint('customer_search_terms_pk', ['kind', 'term', 'customer_id']);
  if (!pg) terms = terms.modifyEnd(sql`without rowid`);
  await terms.execute();
  await db.schema.createIndex('customer_search_terms_customer_idx').on('customer_search_terms').column('customer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['customer_search_terms', 'customer_tags', 'customer_phones', 'customer_contacts', 'customers']) {
    await db.schema.dropTable(t).execute();
  }
}

import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres } from './migration-helpers.js';

// Product catalogue (global) and the equipment archive (装机档案). Calendar dates are
// 'YYYY-MM-DD' text on both databases; warranty policies are JSON text validated by the domain.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);

  await db.schema
    .createTable('product_categories')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('policy_json', 'text')
    .addColumn('is_active', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('product_models')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(36)', (c) => c.notNull().references('product_categories.id'))
    .addColumn('meter_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('main_parts_json', 'text', (c) => c.notNull())
    .addColumn('policy_json', 'text')
    .addColumn('is_active', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('product_models_category_idx').on('product_models').columns(['category_id', 'code']).execute();

  await db.schema
    .createTable('spare_parts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit', 'varchar(10)', (c) => c.notNull())
    .addColumn('price_fen', 'bigint', (c) => c.notNull())
    .addColumn('is_wear_part', 'boolean', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('spare_part_models')
    .addColumn('part_id', 'varchar(36)', (c) => c.notNull().references('spare_parts.id'))
    .addColumn('model_id', 'varchar(36)', (c) => c.notNull().references('product_models.id'))
    .addPrimaryKeyConstraint('spare_part_models_pk', ['part_id', 'model_id'])
    .execute();
  await db.schema.createIndex('spare_part_models_model_idx').on('spare_part_models').columns(['model_id', 'part_id']).execute();

  await db.schema
    .createTable('equipment_units')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('serial_no', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('model_id', 'varchar(36)', (c) => c.notNull().references('product_models.id'))
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('outlet_org_id', 'varchar(36)', (c) => c.references('orgs.id'))
    .addColumn('site_address', 'varchar(200)')
    .addColumn('site_province_code', 'varchar(2)')
    .addColumn('site_city_code', 'varchar(4)')
    .addColumn('site_county_code', 'varchar(6)')
    .addColumn('sale_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('delivery_date', 'varchar(10)')
    .addColumn('installation_date', 'varchar(10)')
    .addColumn('acceptance_date', 'varchar(10)')
    .addColumn('warranty_start_event', 'varchar(16)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('notes', 'varchar(2000)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Serial find-as-you-type is `serial_no LIKE 'PREFIX%'` on upper-case serials: PostgreSQL needs
  // pattern ops for an index to serve it, SQLite's LIKE optimisation a NOCASE index.
  if (isPostgres(db)) await sql`create index equipment_units_serial_pattern_idx on equipment_units (serial_no varchar_pattern_ops)`.execute(db);
  else await sql`create index equipment_units_serial_nocase_idx on equipment_units (serial_no collate nocase)`.execute(db);
  await db.schema.createIndex('equipment_units_customer_idx').on('equipment_units').columns(['customer_id', 'serial_no']).execute();
  await db.schema.createIndex('equipment_units_model_idx').on('equipment_units').column('model_id').execute();
  await db.schema.createIndex('equipment_units_outlet_idx').on('equipment_units').column('outlet_org_id').execute();

  await db.schema
    .createTable('equipment_readings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('equipment_units.id'))
    .addColumn('reading_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'varchar(200)')
    .addColumn('recorded_by', 'varchar(50)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('equipment_readings_unit_idx').on('equipment_readings').columns(['unit_id', 'reading_date']).execute();

  await db.schema
    .createTable('equipment_transfers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('equipment_units.id'))
    .addColumn('from_customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('to_customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('transfer_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('recorded_by', 'varchar(50)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('equipment_transfers_unit_idx').on('equipment_transfers').columns(['unit_id', 'transfer_date']).execute();

  await db.schema
    .createTable('equipment_contracts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('equipment_units.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('contract_no', 'varchar(50)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('covered_parts_json', 'text')
    .addColumn('usage_limit', 'double precision')
    .addColumn('price_fen', 'bigint')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('equipment_contracts_unit_idx').on('equipment_contracts').columns(['unit_id', 'start_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['equipment_contracts', 'equipment_transfers', 'equipment_readings', 'equipment_units', 'spare_part_models', 'spare_parts', 'product_models', 'product_categories']) {
    await db.schema.dropTable(t).execute();
  }
}

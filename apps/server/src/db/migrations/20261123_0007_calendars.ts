import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { instantType } from './migration-helpers.js';

// Business calendars (working windows, time zone, which holidays apply) and China's yearly
// holiday notices (国务院办公厅 节假日安排), kept per year in revisions so past deadlines can be
// re-derived. The notices themselves are synced from the domain package at run time.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  await db.schema
    .createTable('calendars')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    // The whole definition (windows per weekday, working weekdays, holidays) as validated JSON.
    .addColumn('definition_json', 'text', (c) => c.notNull())
    // The org that works by this calendar (its subtree inherits it); null for shared calendars.
    .addColumn('org_id', 'varchar(36)', (c) => c.references('orgs.id').unique())
    .addColumn('is_default', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // At most one default calendar.
  await sql`create unique index calendars_one_default_idx on calendars (is_default) where is_default = true`.execute(db);

  await db.schema
    .createTable('holiday_notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('version', 'varchar(200)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('notice_json', 'text', (c) => c.notNull())
    .addColumn('loaded_at', ts, (c) => c.notNull())
    .addColumn('loaded_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('loaded_by_name', 'varchar(50)')
    .addUniqueConstraint('holiday_notices_year_revision_uq', ['year', 'revision'])
    .addUniqueConstraint('holiday_notices_year_version_uq', ['year', 'version'])
    .execute();

  // Every installation starts with the China office-hours calendar (the default) and a 24×7 one.
  const now = new Date().toISOString();
  const office = {
    kind: 'business',
    name: '标准工作时间',
    timeZone: 'Asia/Shanghai',
    holidays: 'cn_statutory',
    windows: [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5],
    weekdayWindows: {},
  };
  const always = { kind: '24x7', name: '7×24 小时', timeZone: 'Asia/Shanghai' };
  const row = (code: string, definition: { kind: string; name: string }, isDefault: boolean) => ({
    id: randomUUID(), code, name: definition.name, kind: definition.kind, time_zone: 'Asia/Shanghai',
    definition_json: JSON.stringify(definition), org_id: null, is_default: isDefault ? 1 : 0, version: 1,
    created_at: now, updated_at: now,
  });
  await (db as Kysely<{ calendars: ReturnType<typeof row> }>)
    .insertInto('calendars')
    .values([row('CN-OFFICE', office, true), row('24X7', always, false)])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('holiday_notices').execute();
  await db.schema.dropTable('calendars').execute();
}

import { sql, type Kysely } from 'kysely';
import { isPostgres } from './migration-helpers.js';

// Serial find-as-you-type becomes a byte-wise range on the unique serial index, read in serial
// order so that a page stops after pageSize units (equipment.repository listUnits). SQLite
// compares text byte-wise already; PostgreSQL gets collate "C" on the column, which rebuilds the
// unique index in byte order (a "C" btree also serves prefix LIKE, so the pattern-ops index goes).
// SQLite's NOCASE index served only the old `LIKE … ESCAPE` search.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table equipment_units alter column serial_no type varchar(64) collate "C"`.execute(db);
    await sql`drop index equipment_units_serial_pattern_idx`.execute(db);
  } else {
    await sql`drop index equipment_units_serial_nocase_idx`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table equipment_units alter column serial_no type varchar(64) collate "default"`.execute(db);
    await sql`create index equipment_units_serial_pattern_idx on equipment_units (serial_no varchar_pattern_ops)`.execute(db);
  } else {
    await sql`create index equipment_units_serial_nocase_idx on equipment_units (serial_no collate nocase)`.execute(db);
  }
}

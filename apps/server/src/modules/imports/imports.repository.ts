import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { EquipmentUnitsTable, ImportJobsTable } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';

const CHUNK = 500; // keeps `in (…)` lists well under both databases' parameter limits

async function inChunks<T, R>(values: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await run(values.slice(i, i + CHUNK))));
  return out;
}

// ── Jobs ─────────────────────────────────────────────────────────────────────────────────────
export async function insertJob(db: Db, row: ImportJobsTable): Promise<void> {
  await db.insertInto('import_jobs').values(row).execute();
}

/** Whether any user's job has this token (a client-chosen token must be new). */
export async function jobExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('import_jobs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** A job is seen only by whoever uploaded it. */
export function findJob(db: Db, id: string, userId: string) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('created_by', '=', userId).executeTakeFirst();
}

/** Moves a previewed job to committing; false when another request got there first. */
export async function claimJob(db: Db, id: string, now: string): Promise<boolean> {
  const res = await db.updateTable('import_jobs').set({ status: 'committing', updated_at: now }).where('id', '=', id).where('status', '=', 'previewed').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateJob(db: Db, id: string, patch: Partial<ImportJobsTable>): Promise<void> {
  await db.updateTable('import_jobs').set(patch).where('id', '=', id).execute();
}

// ── Look-ups for the rows of a file ──────────────────────────────────────────────────────────
export function findModelsByCode(db: Db, codes: readonly string[]) {
  return inChunks(codes, (c) => db.selectFrom('product_models').select(['id', 'code']).where('code', 'in', c).execute());
}

export function findCustomersByName(db: Db, scope: Scope, names: readonly string[]) {
  return inChunks(names, (c) =>
    db.selectFrom('customers').innerJoin('orgs', 'orgs.id', 'customers.org_id').select(['customers.id', 'customers.name'])
      .where((eb) => inScope(eb, 'orgs.path', scope)).where('customers.name', 'in', c).execute());
}

export function findCustomersByPhone(db: Db, scope: Scope, digits: readonly string[]) {
  return inChunks(digits, (c) =>
    db.selectFrom('customer_phones').innerJoin('customers', 'customers.id', 'customer_phones.customer_id').innerJoin('orgs', 'orgs.id', 'customers.org_id')
      .select(['customers.id', 'customer_phones.digits']).where((eb) => inScope(eb, 'orgs.path', scope)).where('customer_phones.digits', 'in', c).execute());
}

export function findOrgsByCode(db: Db, scope: Scope, codes: readonly string[]) {
  return inChunks(codes, (c) => db.selectFrom('orgs').select(['id', 'code', 'is_active']).where((eb) => inScope(eb, 'orgs.path', scope)).where('code', 'in', c).execute());
}

/** Customers with these phones, in any org: the caller's scope is checked against org_path. */
export function findPhoneOwners(db: Db, digits: readonly string[]) {
  return inChunks(digits, (c) =>
    db.selectFrom('customer_phones').innerJoin('customers', 'customers.id', 'customer_phones.customer_id').innerJoin('orgs', 'orgs.id', 'customers.org_id')
      .select(['customers.id', 'customer_phones.digits', 'orgs.path as org_path']).where('customer_phones.digits', 'in', c).execute());
}

/** Units with these serials, in any org: the caller's scope is checked against org_path. */
export function findUnitsBySerial(db: Db, serials: readonly string[]) {
  return inChunks(serials, (c) =>
    db.selectFrom('equipment_units').innerJoin('customers', 'customers.id', 'equipment_units.customer_id').innerJoin('orgs', 'orgs.id', 'customers.org_id')
      .select(['equipment_units.id', 'equipment_units.serial_no', 'equipment_units.customer_id', 'orgs.path as org_path'])
      .where('equipment_units.serial_no', 'in', c).execute());
}

/** Which of these serials are registered already (any org): the write path needs no more. */
export async function findRegisteredSerials(db: Db, serials: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks(serials, (c) => db.selectFrom('equipment_units').select('serial_no').where('serial_no', 'in', c).execute());
  return new Set(rows.map((r) => r.serial_no));
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────
const UNIT_COLUMNS = [
  'id', 'serial_no', 'model_id', 'customer_id', 'outlet_org_id', 'site_address', 'site_province_code', 'site_city_code', 'site_county_code',
  'sale_date', 'delivery_date', 'installation_date', 'acceptance_date', 'warranty_start_event', 'status', 'notes', 'version', 'created_at', 'updated_at',
] as const satisfies readonly (keyof EquipmentUnitsTable)[];
const pgArrayType = (c: (typeof UNIT_COLUMNS)[number]) => (c === 'version' ? 'int' : c === 'created_at' || c === 'updated_at' ? 'timestamptz' : 'text');
const sqliteInsertUnit = `insert into equipment_units (${UNIT_COLUMNS.join(', ')}) values (${UNIT_COLUMNS.map(() => '?').join(', ')})`;

/**
 * Bulk insert of imported units, the hot path of a 100,000-row import. Building a multi-row
 * VALUES list through the query builder costs more than the database's own work, so:
 * PostgreSQL gets one array per column and unnests them (a short statement per 5,000 rows);
 * SQLite runs one fixed single-row statement per unit, prepared once.
 */
export async function insertUnits(db: Db, rows: readonly EquipmentUnitsTable[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      const arrays = UNIT_COLUMNS.map((c) => sql`${chunk.map((r) => r[c])}::${sql.raw(pgArrayType(c))}[]`);
      await sql`insert into equipment_units (${sql.join(UNIT_COLUMNS.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
    }
    return;
  }
  for (const r of rows) await db.executeQuery(CompiledQuery.raw(sqliteInsertUnit, UNIT_COLUMNS.map((c) => r[c])));
}

type UnitPatch = Omit<EquipmentUnitsTable, 'id' | 'serial_no' | 'customer_id' | 'version' | 'created_at'>;

/** A re-imported serial updates its unit in place (the owner changes only through a transfer). */
export async function updateUnitBySerial(db: Db, serialNo: string, patch: UnitPatch): Promise<boolean> {
  const res = await db.updateTable('equipment_units').set((eb) => ({ ...patch, version: eb('version', '+', 1) })).where('serial_no', '=', serialNo).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

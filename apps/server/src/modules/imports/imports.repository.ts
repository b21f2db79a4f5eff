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

// ── Writes ───────────────────────────────────────────────────────────────────────────────────
export async function insertUnits(db: Db, rows: readonly EquipmentUnitsTable[]): Promise<void> {
  // 200 rows × 15 columns stay well under both databases' parameter limits.
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('equipment_units').values(rows.slice(i, i + 200)).execute();
}

type UnitPatch = Omit<EquipmentUnitsTable, 'id' | 'serial_no' | 'customer_id' | 'version' | 'created_at'>;

/** A re-imported serial updates its unit in place (the owner changes only through a transfer). */
export async function updateUnitBySerial(db: Db, serialNo: string, patch: UnitPatch): Promise<boolean> {
  const res = await db.updateTable('equipment_units').set((eb) => ({ ...patch, version: eb('version', '+', 1) })).where('serial_no', '=', serialNo).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

import type { ListEquipmentQuery, Scope } from '@sht/domain';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, EquipmentContractsTable, EquipmentReadingsTable, EquipmentTransfersTable, EquipmentUnitsTable } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';
import { fetchPage, fetchPageWithCappedTotal } from '../../db/paging.js';

// A unit is seen by whoever sees its owner: the owner customer's org node decides its scope.
function scopedUnits(db: Db, scope: Scope) {
  return db
    .selectFrom('equipment_units')
    .innerJoin('customers', 'customers.id', 'equipment_units.customer_id')
    .innerJoin('orgs', 'orgs.id', 'customers.org_id')
    .innerJoin('product_models', 'product_models.id', 'equipment_units.model_id')
    .innerJoin('product_categories', 'product_categories.id', 'product_models.category_id')
    .where((eb) => inScope(eb, 'orgs.path', scope));
}

const unitColumns = [
  'equipment_units.id', 'equipment_units.serial_no', 'equipment_units.model_id', 'equipment_units.customer_id', 'equipment_units.outlet_org_id',
  'equipment_units.site_address', 'equipment_units.site_province_code', 'equipment_units.site_city_code', 'equipment_units.site_county_code',
  'equipment_units.sale_date', 'equipment_units.delivery_date', 'equipment_units.installation_date', 'equipment_units.acceptance_date',
  'equipment_units.warranty_start_event', 'equipment_units.status', 'equipment_units.notes', 'equipment_units.version',
  'equipment_units.created_at', 'equipment_units.updated_at',
  'product_models.code as model_code', 'product_models.name as model_name', 'product_models.meter_kind', 'product_models.main_parts_json',
  'product_models.policy_json as model_policy_json', 'product_categories.name as category_name', 'product_categories.policy_json as category_policy_json',
  'customers.name as customer_name', 'customers.org_id', 'orgs.name as org_name', 'orgs.path as org_path',
] as const;

// The servicing outlet may lie outside the caller's subtree: its name is shown, nothing else.
const outletName = (eb: ExpressionBuilder<Database, 'equipment_units'>) =>
  eb.selectFrom('orgs as outlet').select('outlet.name').whereRef('outlet.id', '=', 'equipment_units.outlet_org_id').as('outlet_org_name');

export function findUnit(db: Db, scope: Scope, id: string) {
  return scopedUnits(db, scope).select(unitColumns).select(outletName).where('equipment_units.id', '=', id).executeTakeFirst();
}
export type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

/**
 * The public warranty check (no login) looks a unit up by serial across every org; it returns no
 * owner, site or contact columns, so nothing personal can leak from here.
 */
export function findUnitForPublicCheck(db: Db, serialNo: string) {
  return db
    .selectFrom('equipment_units')
    .innerJoin('product_models', 'product_models.id', 'equipment_units.model_id')
    .innerJoin('product_categories', 'product_categories.id', 'product_models.category_id')
    .select([
      'equipment_units.id', 'equipment_units.serial_no', 'equipment_units.sale_date', 'equipment_units.installation_date',
      'equipment_units.acceptance_date', 'equipment_units.warranty_start_event', 'product_models.name as model_name',
      'product_models.code as model_code', 'product_models.policy_json as model_policy_json', 'product_categories.policy_json as category_policy_json',
    ])
    .where('equipment_units.serial_no', '=', serialNo)
    .executeTakeFirst();
}

export async function isSerialTaken(db: Db, serialNo: string): Promise<boolean> {
  return (await db.selectFrom('equipment_units').select('id').where('serial_no', '=', serialNo).executeTakeFirst()) !== undefined;
}

const sortColumns = {
  serialNo: 'equipment_units.serial_no', saleDate: 'equipment_units.sale_date', createdAt: 'equipment_units.created_at', updatedAt: 'equipment_units.updated_at',
} as const;

/** A serial search counts its total up to this many units past the page, then says "100+". */
export const SERIAL_SEARCH_TOTAL_CAP = 100;

// Serials are upper-case letters, digits and . _ / - (serialNoSchema; every writer upper-cases),
// all below '~', so `serial_no >= P and serial_no < P || '~'` is exactly "starts with P". Compared
// byte-wise (binary on SQLite, collate "C" on PostgreSQL since migration 0005) the range runs on
// the unique serial index in serial order: a page stops after pageSize units instead of sorting
// every match, and no LIKE escaping is needed.
const serialRange = (prefix: string) => [prefix, `${prefix}~`] as const;

// Filters on the unit's own columns, shared by the page and the count.
function unitFilters(q: ListEquipmentQuery) {
  return (eb: ExpressionBuilder<Database, 'equipment_units'>) => {
    const and: Expression<SqlBool>[] = [];
    if (q.customerId) and.push(eb('equipment_units.customer_id', '=', q.customerId));
    if (q.modelId) and.push(eb('equipment_units.model_id', '=', q.modelId));
    if (q.categoryId) {
      and.push(eb('equipment_units.model_id', 'in', eb.selectFrom('product_models').select('product_models.id').where('product_models.category_id', '=', q.categoryId)));
    }
    if (q.outletOrgId) and.push(eb('equipment_units.outlet_org_id', '=', q.outletOrgId));
    if (q.status) and.push(eb('equipment_units.status', '=', q.status));
    if (q.isScrapped !== undefined) and.push(eb('equipment_units.status', q.isScrapped ? '=' : '<>', 'scrapped'));
    if (q.q) {
      const [from, to] = serialRange(q.q.toUpperCase());
      and.push(eb('equipment_units.serial_no', '>=', from), eb('equipment_units.serial_no', '<', to));
    }
    return eb.and(and);
  };
}

// The owner's org must lie in the caller's subtree. Asked per unit as a correlated subquery, not a
// join: PostgreSQL underestimates how many serials share a long prefix (10 estimated, 2,512 found)
// and with joins then hashes and sorts every match instead of walking the serial index to the LIMIT.
function ownerInScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'equipment_units'>) => {
    if (scope.all) return sql<SqlBool>`1 = 1`;
    const owner = eb.selectFrom('customers').innerJoin('orgs', 'orgs.id', 'customers.org_id').select(sql<number>`1`.as('one'))
      .whereRef('customers.id', '=', 'equipment_units.customer_id').where((e) => inScope(e, 'orgs.path', scope));
    // `is not null`, not `= 1`: PostgreSQL then expects nearly every unit to pass and walks the serial
    // index to the LIMIT; for `= 1` it guessed 0.5 % and bitmap-scanned and sorted every match.
    return eb(owner, 'is not', null);
  };
}

/**
 * Serial search: the page's units are picked from the serial index alone (in order, stopping after
 * the page), then joined for display; the total is counted up to the cap the same way.
 */
async function searchUnits(db: Db, scope: Scope, q: ListEquipmentQuery, totalCap: number) {
  const sort = sortColumns[q.sort ?? 'serialNo'];
  // Serials are unique: an `id` tie-break would stop PostgreSQL from taking the index order as is.
  const tieBreak = sort !== sortColumns.serialNo;
  const matches = db.selectFrom('equipment_units').select('equipment_units.id').where(unitFilters(q)).where(ownerInScope(scope));
  let pageIds = matches.orderBy(sort, q.order);
  if (tieBreak) pageIds = pageIds.orderBy('equipment_units.id');
  let page = scopedUnits(db, scope).select(unitColumns).select(outletName)
    .where('equipment_units.id', 'in', pageIds.limit(q.pageSize).offset((q.page - 1) * q.pageSize)).orderBy(sort, q.order);
  if (tieBreak) page = page.orderBy('equipment_units.id');
  return fetchPageWithCappedTotal(db, page, matches.orderBy('equipment_units.serial_no'), q.page, q.pageSize, totalCap);
}

export async function listUnits(db: Db, scope: Scope, q: ListEquipmentQuery, totalCap = SERIAL_SEARCH_TOTAL_CAP) {
  // Find-as-you-type by serial prefix gets a bounded count: one letter matches most of the archive.
  if (q.q) return searchUnits(db, scope, q, totalCap);
  const base = scopedUnits(db, scope).where(unitFilters(q));
  const page = base.select(unitColumns).select(outletName).orderBy(sortColumns[q.sort ?? 'serialNo'], q.order).orderBy('equipment_units.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { ...(await fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize)), isTotalCapped: false };
}

export async function insertUnit(db: Db, row: EquipmentUnitsTable): Promise<void> {
  await db.insertInto('equipment_units').values(row).execute();
}

/** Optimistic update: false when the version moved on. */
export async function updateUnit(db: Db, id: string, version: number, patch: Partial<EquipmentUnitsTable>): Promise<boolean> {
  const res = await db.updateTable('equipment_units').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ── Readings ─────────────────────────────────────────────────────────────────────────────────
export function listReadings(db: Db, unitId: string) {
  return db.selectFrom('equipment_readings').selectAll().where('unit_id', '=', unitId).orderBy('reading_date').orderBy('value').execute();
}

export async function latestReadings(db: Db, unitIds: readonly string[]): Promise<Map<string, { date: string; value: number }>> {
  const out = new Map<string, { date: string; value: number }>();
  if (unitIds.length === 0) return out;
  const rows = await db.selectFrom('equipment_readings').select(['unit_id', 'reading_date', 'value']).where('unit_id', 'in', unitIds)
    .orderBy('unit_id').orderBy('reading_date').orderBy('value').execute();
  for (const r of rows) out.set(r.unit_id, { date: r.reading_date, value: Number(r.value) }); // the last one wins
  return out;
}

/** The highest reading on or before `date` and the lowest one after it: a new reading must lie between. */
export async function readingNeighbours(db: Db, unitId: string, date: string) {
  const before = await db.selectFrom('equipment_readings').select(['reading_date', 'value']).where('unit_id', '=', unitId)
    .where('reading_date', '<=', date).orderBy('value', 'desc').limit(1).executeTakeFirst();
  const after = await db.selectFrom('equipment_readings').select(['reading_date', 'value']).where('unit_id', '=', unitId)
    .where('reading_date', '>', date).orderBy('value', 'asc').limit(1).executeTakeFirst();
  return { before, after };
}

export async function insertReading(db: Db, row: EquipmentReadingsTable): Promise<void> {
  await db.insertInto('equipment_readings').values(row).execute();
}

// ── Transfers ────────────────────────────────────────────────────────────────────────────────
export function listTransfers(db: Db, unitId: string) {
  return db
    .selectFrom('equipment_transfers as t')
    .innerJoin('customers as f', 'f.id', 't.from_customer_id')
    .innerJoin('customers as n', 'n.id', 't.to_customer_id')
    .select(['t.id', 't.transfer_date', 't.from_customer_id', 'f.name as from_name', 't.to_customer_id', 'n.name as to_name', 't.note', 't.recorded_by', 't.created_at'])
    .where('t.unit_id', '=', unitId)
    .orderBy('t.transfer_date')
    .orderBy('t.created_at')
    .execute();
}

export async function latestTransferDate(db: Db, unitId: string): Promise<string | null> {
  const row = await db.selectFrom('equipment_transfers').select('transfer_date').where('unit_id', '=', unitId).orderBy('transfer_date', 'desc').limit(1).executeTakeFirst();
  return row?.transfer_date ?? null;
}

export async function insertTransfer(db: Db, row: EquipmentTransfersTable): Promise<void> {
  await db.insertInto('equipment_transfers').values(row).execute();
}

// ── Contracts ────────────────────────────────────────────────────────────────────────────────
export function listContracts(db: Db, unitId: string) {
  return db.selectFrom('equipment_contracts').selectAll().where('unit_id', '=', unitId).orderBy('start_date').orderBy('id').execute();
}

export async function insertContract(db: Db, row: EquipmentContractsTable): Promise<void> {
  await db.insertInto('equipment_contracts').values(row).execute();
}

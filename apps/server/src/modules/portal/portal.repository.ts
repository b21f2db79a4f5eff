import type { Db } from '../../db/database.js';
import type { PortalOtpsTable, PortalSessionsTable } from '../../db/schema.js';

// Every query of the portal's login. Order reads go through the work-order service's
// customer functions, which name the customer in every query.

/** Active customers with this phone (normalised digits) on record, with their org for the audit. */
export function listCustomersByPhone(db: Db, digits: string) {
  return db
    .selectFrom('customer_phones')
    .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
    .innerJoin('orgs', 'orgs.id', 'customers.org_id')
    .select(['customers.id', 'customers.name', 'orgs.path as org_path'])
    .where('customer_phones.digits', '=', digits)
    .where('customers.is_active', '=', 1)
    .distinct()
    .orderBy('customers.name')
    .orderBy('customers.id')
    .execute();
}

export async function listOtpTimes(db: Db, phone: string, since: string): Promise<string[]> {
  const rows = await db.selectFrom('portal_otps').select('created_at').where('phone', '=', phone).where('created_at', '>', since).execute();
  return rows.map((r) => new Date(r.created_at).toISOString());
}

export async function insertOtp(db: Db, row: PortalOtpsTable) {
  await db.insertInto('portal_otps').values(row).execute();
}

/** Codes older than a day are of no use, not even for the hourly cap. */
export async function deleteOldOtps(db: Db, phone: string, before: string) {
  await db.deleteFrom('portal_otps').where('phone', '=', phone).where('created_at', '<', before).execute();
}

/** The phone's latest code: only the newest one counts, asking again voids the older ones. */
export function findLatestOtp(db: Db, phone: string) {
  return db.selectFrom('portal_otps').selectAll().where('phone', '=', phone).orderBy('created_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

/** Counts a wrong try, guarded by the count seen so concurrent tries cannot exceed the limit unseen. */
export async function addOtpAttempt(db: Db, id: string, seen: number): Promise<boolean> {
  const r = await db.updateTable('portal_otps').set({ attempts: seen + 1 }).where('id', '=', id).where('attempts', '=', seen).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function consumeOtp(db: Db, id: string, seen: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('portal_otps')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('attempts', '=', seen)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertSession(db: Db, row: PortalSessionsTable) {
  await db.insertInto('portal_sessions').values(row).execute();
}

export function findSession(db: Db, id: string) {
  return db.selectFrom('portal_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('portal_sessions').where('id', '=', id).execute();
}

/** Codes older than a day, of any phone (the periodic sweep; a phone's own are also cleared when it asks again). */
export async function deleteStaleOtps(db: Db, before: string) {
  await db.deleteFrom('portal_otps').where('created_at', '<', before).execute();
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom('portal_sessions').where('expires_at', '<=', now).execute();
}

/** Which of the caller's customers the order belongs to, if any. */
export async function findOrderOwner(db: Db, customerIds: readonly string[], orderId: string): Promise<string | undefined> {
  if (customerIds.length === 0) return undefined;
  const row = await db.selectFrom('work_orders').select('customer_id').where('id', '=', orderId).where('customer_id', 'in', customerIds).executeTakeFirst();
  return row?.customer_id;
}

/** The units the caller's customers own, for choosing one when reporting a problem. */
export function listUnitsOfCustomers(db: Db, customerIds: readonly string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('equipment_units')
    .innerJoin('product_models', 'product_models.id', 'equipment_units.model_id')
    .select(['equipment_units.id', 'equipment_units.customer_id', 'equipment_units.serial_no', 'equipment_units.site_address', 'product_models.name as model_name'])
    .where('equipment_units.customer_id', 'in', customerIds)
    .where('equipment_units.status', '!=', 'scrapped')
    .orderBy('equipment_units.serial_no')
    .limit(200)
    .execute();
}

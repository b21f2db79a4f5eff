import type { ListCustomersQuery, Scope, SearchPlan, SearchTerm } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { CustomerContactsTable, CustomerPhonesTable, CustomersTable } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';
import { fetchPage } from '../../db/paging.js';

const customerColumns = [
  'customers.id', 'customers.org_id', 'customers.kind', 'customers.name', 'customers.name_pinyin', 'customers.name_initials',
  'customers.province_code', 'customers.province_name', 'customers.city_code', 'customers.city_name', 'customers.county_code',
  'customers.county_name', 'customers.address', 'customers.lat', 'customers.lng', 'customers.source', 'customers.grade',
  'customers.notes', 'customers.is_active', 'customers.version', 'customers.created_at', 'customers.updated_at',
  'orgs.name as org_name', 'orgs.path as org_path',
] as const;

// Customers belong to an org node; the caller sees those whose node is in their subtree.
function scopedCustomers(db: Db, scope: Scope) {
  return db.selectFrom('customers').innerJoin('orgs', 'orgs.id', 'customers.org_id').where((eb) => inScope(eb, 'orgs.path', scope));
}

export function findCustomer(db: Db, scope: Scope, id: string) {
  return scopedCustomers(db, scope).select(customerColumns).where('customers.id', '=', id).executeTakeFirst();
}
export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

export function findCustomersByIds(db: Db, scope: Scope, ids: readonly string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return scopedCustomers(db, scope).select(customerColumns).where('customers.id', 'in', ids).execute();
}

const sortColumns = {
  name: 'customers.name_pinyin',
  createdAt: 'customers.created_at',
  updatedAt: 'customers.updated_at',
  grade: 'customers.grade',
} as const;

// Search terms hold only [a-z0-9] and Chinese characters (see planSearch), so the pattern needs no escaping.
const startsWith = (plan: SearchPlan) => `${plan.text}%`;

export async function listCustomers(db: Db, scope: Scope, q: ListCustomersQuery, filters: { orgPath?: string; plan?: SearchPlan }) {
  let base = scopedCustomers(db, scope);
  if (filters.orgPath) base = base.where('orgs.path', 'like', `${filters.orgPath}%`);
  if (q.kind) base = base.where('customers.kind', '=', q.kind);
  if (q.grade) base = base.where('customers.grade', '=', q.grade);
  if (q.source) base = base.where('customers.source', '=', q.source);
  if (q.provinceCode) base = base.where('customers.province_code', '=', q.provinceCode);
  if (q.isActive !== undefined) base = base.where('customers.is_active', '=', q.isActive ? 1 : 0);
  if (q.tag) {
    const tag = q.tag;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('customer_tags').select('customer_tags.tag').whereRef('customer_tags.customer_id', '=', 'customers.id').where('customer_tags.tag', '=', tag)),
    );
  }
  const plan = filters.plan;
  if (plan) {
    base = base.where('customers.id', 'in', (eb) =>
      eb.selectFrom('customer_search_terms').select('customer_search_terms.customer_id')
        .where('customer_search_terms.kind', 'in', plan.kinds).where('customer_search_terms.term', 'like', startsWith(plan)));
  }
  const pageQuery = base
    .select(customerColumns)
    .orderBy(sortColumns[q.sort ?? 'name'], q.order)
    .orderBy('customers.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, pageQuery, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

/**
 * Find-as-you-type: walks the search-term index from the typed prefix and stops at `max` rows
 * in scope. The term order (shorter and closer matches first) is the raw ranking.
 */
export async function searchCustomers(db: Db, scope: Scope, plan: SearchPlan, max: number, includeInactive: boolean): Promise<CustomerRow[]> {
  let query = db
    .selectFrom('customer_search_terms as t')
    .innerJoin('customers', 'customers.id', 't.customer_id')
    .innerJoin('orgs', 'orgs.id', 'customers.org_id')
    .select(customerColumns)
    .where('t.kind', 'in', plan.kinds)
    .where('t.term', 'like', startsWith(plan))
    .where((eb) => inScope(eb, 'orgs.path', scope));
  if (!includeInactive) query = query.where('customers.is_active', '=', 1);
  const rows = await query.limit(max).execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export async function findPhoneMatches(db: Db, scope: Scope, digits: readonly string[]) {
  if (digits.length === 0) return [];
  return scopedCustomers(db, scope)
    .innerJoin('customer_phones', 'customer_phones.customer_id', 'customers.id')
    .select(['customers.id', 'customer_phones.phone', 'customer_phones.digits'])
    .where('customer_phones.digits', 'in', digits)
    .orderBy('customers.id')
    .execute();
}

export function findNameMatches(db: Db, scope: Scope, name: string) {
  return scopedCustomers(db, scope).select(['customers.id', 'customers.name']).where('customers.name', '=', name).orderBy('customers.id').execute();
}

export type ContactWithPhones = CustomerContactsTable & { phones: string[] };

/** Contacts (in order, with their phones in order) of the given customers. */
export async function listContacts(db: Db, customerIds: readonly string[]): Promise<Map<string, ContactWithPhones[]>> {
  const out = new Map<string, ContactWithPhones[]>();
  if (customerIds.length === 0) return out;
  const contacts = await db.selectFrom('customer_contacts').selectAll().where('customer_id', 'in', customerIds).orderBy('customer_id').orderBy('position').execute();
  const phones = await db.selectFrom('customer_phones').select(['contact_id', 'phone']).where('customer_id', 'in', customerIds).orderBy('contact_id').orderBy('position').execute();
  const byContact = new Map<string, string[]>();
  for (const p of phones) byContact.set(p.contact_id, [...(byContact.get(p.contact_id) ?? []), p.phone]);
  for (const c of contacts) out.set(c.customer_id, [...(out.get(c.customer_id) ?? []), { ...c, phones: byContact.get(c.id) ?? [] }]);
  return out;
}

export async function listTags(db: Db, customerIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const rows = await db.selectFrom('customer_tags').selectAll().where('customer_id', 'in', customerIds).orderBy('customer_id').orderBy('tag').execute();
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.tag]);
  return out;
}

export async function insertCustomer(db: Db, row: CustomersTable): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

/** Optimistic update: returns false when the version moved on. */
export async function updateCustomer(db: Db, id: string, version: number, patch: Partial<CustomersTable>): Promise<boolean> {
  const res = await db
    .updateTable('customers')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export type ContactRows = { contact: CustomerContactsTable; phones: CustomerPhonesTable[] }[];

/** Replaces a customer's contacts and their phones. */
export async function replaceContacts(db: Db, customerId: string, rows: ContactRows): Promise<void> {
  await db.deleteFrom('customer_phones').where('customer_id', '=', customerId).execute();
  await db.deleteFrom('customer_contacts').where('customer_id', '=', customerId).execute();
  if (rows.length > 0) await db.insertInto('customer_contacts').values(rows.map((r) => r.contact)).execute();
  const phones = rows.flatMap((r) => r.phones);
  if (phones.length > 0) await db.insertInto('customer_phones').values(phones).execute();
}

export async function replaceTags(db: Db, customerId: string, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  if (tags.length > 0) await db.insertInto('customer_tags').values(tags.map((tag) => ({ customer_id: customerId, tag }))).execute();
}

export async function replaceSearchTerms(db: Db, customerId: string, terms: readonly SearchTerm[]): Promise<void> {
  await db.deleteFrom('customer_search_terms').where('customer_id', '=', customerId).execute();
  if (terms.length > 0) {
    await db.insertInto('customer_search_terms').values(terms.map((t) => ({ kind: t.kind, term: t.term, customer_id: customerId }))).execute();
  }
}

import {
  customerSearchTerms, nameReadings, normalizePhone, planSearch, withPrimaryContact,
  type AddressInput, type ContactInput, type CreateCustomerInput, type Customer, type CustomerSummary,
  type ListCustomersQuery, type Page, type UpdateCustomerInput,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { CustomersTable } from '../../db/schema.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { customerErrors } from './customers.errors.js';
import { summarize, toCustomer } from './customers.mapper.js';
import { findDuplicates } from './customers.search.service.js';
import * as repo from './customers.repository.js';
import type { CustomerRow } from './customers.repository.js';
import { resolveDivision } from './divisions.js';

async function loadCustomer(db: Db, ctx: ServiceContext, id: string): Promise<{ row: CustomerRow; customer: Customer }> {
  const row = await repo.findCustomer(db, ctx.actor.scope, id);
  if (!row) throw customerErrors.CUSTOMER_NOT_FOUND();
  const contacts = (await repo.listContacts(db, [id])).get(id) ?? [];
  const tags = (await repo.listTags(db, [id])).get(id) ?? [];
  return { row, customer: toCustomer(row, contacts, tags) };
}

export async function getCustomer(db: Db, ctx: ServiceContext, id: string): Promise<Customer> {
  return (await loadCustomer(db, ctx, id)).customer;
}

export async function listCustomers(db: Db, ctx: ServiceContext, q: ListCustomersQuery): Promise<Page<CustomerSummary>> {
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  let orgPath: string | undefined;
  if (q.orgId) {
    // Another subtree's node filters to nothing, like any out-of-scope id.
    const org = await findOrg(db, ctx.actor.scope, q.orgId);
    if (!org) return empty;
    orgPath = org.path;
  }
  const plan = q.q ? planSearch(q.q) : null;
  if (q.q && !plan) return empty;
  const { rows, total } = await repo.listCustomers(db, ctx.actor.scope, q, { ...(orgPath ? { orgPath } : {}), ...(plan ? { plan } : {}) });
  return { items: await summarize(db, rows), total, page: q.page, pageSize: q.pageSize };
}

// The owning node must be in the caller's subtree (else 404, as if it did not exist) and active.
async function owningOrg(db: Db, ctx: ServiceContext, orgId: string) {
  const org = await findOrg(db, ctx.actor.scope, orgId);
  if (!org) throw orgErrors.ORG_NOT_FOUND();
  if (!org.is_active) throw customerErrors.CUSTOMER_ORG_INACTIVE();
  return org;
}

type AddressColumns = Pick<CustomersTable, 'province_code' | 'province_name' | 'city_code' | 'city_name' | 'county_code' | 'county_name' | 'address' | 'lat' | 'lng'>;

export function addressColumns(a: AddressInput | null | undefined): AddressColumns {
  if (!a) {
    return { province_code: null, province_name: null, city_code: null, city_name: null, county_code: null, county_name: null, address: null, lat: null, lng: null };
  }
  const r = resolveDivision(a);
  if (!r.ok) {
    const { field, code, problem, expected } = r.problem;
    const details = { path: ['body', 'address', problem === 'unknown' ? field : field.replace('Code', 'Name')] };
    if (problem === 'unknown') throw customerErrors.DIVISION_UNKNOWN({ code }, details);
    throw customerErrors.DIVISION_NAME_MISMATCH({ code, expected: expected ?? '' }, details);
  }
  const d = r.value;
  return {
    province_code: d.provinceCode, province_name: d.provinceName, city_code: d.cityCode, city_name: d.cityName,
    county_code: d.countyCode, county_name: d.countyName, address: a.detail || null, lat: a.lat ?? null, lng: a.lng ?? null,
  };
}

export function nameColumns(name: string, kind: CustomersTable['kind']) {
  const [primary] = nameReadings(name, { isPerson: kind === 'individual' });
  return { name, name_pinyin: primary?.full ?? '', name_initials: (primary?.initials ?? '').slice(0, 100) };
}

/** Contacts, phones, tags and search terms: everything a customer has besides its own row. */
export async function writeDetails(db: Db, customerId: string, c: { name: string; kind: CustomersTable['kind']; contacts: ContactInput[]; tags: string[]; keepIds: Set<string> }) {
  const rows = withPrimaryContact(c.contacts).map((input, position) => {
    const id = input.id && c.keepIds.has(input.id) ? input.id : newId();
    return {
      contact: { id, customer_id: customerId, position, name: input.name, title: input.title || null, is_primary: bool(input.isPrimary) },
      phones: input.phones.map((phone, i) => ({ contact_id: id, position: i, customer_id: customerId, phone, digits: normalizePhone(phone) })),
    };
  });
  await repo.replaceContacts(db, customerId, rows);
  await repo.replaceTags(db, customerId, c.tags);
  const phones = c.contacts.flatMap((x) => x.phones);
  await repo.replaceSearchTerms(db, customerId, customerSearchTerms(c.name, phones, { isPerson: c.kind === 'individual' }));
}

/** Writes a new customer with all its details; no scope check or audit (the caller does those; the demo seed uses it too). */
export async function insertCustomerRecord(
  db: Db, c: { orgId: string; input: Omit<CreateCustomerInput, 'confirmDuplicate' | 'orgId'>; address?: AddressColumns; now: Date },
): Promise<string> {
  const { input } = c;
  const id = newId();
  const now = c.now.toISOString();
  await repo.insertCustomer(db, {
    id, org_id: c.orgId, kind: input.kind, ...nameColumns(input.name, input.kind), ...(c.address ?? addressColumns(input.address)),
    source: input.source, grade: input.grade ?? null, notes: input.notes || null, is_active: 1, version: 1, created_at: now, updated_at: now,
  });
  await writeDetails(db, id, { ...input, keepIds: new Set() });
  return id;
}

export async function createCustomer(db: Db, ctx: ServiceContext, input: CreateCustomerInput): Promise<Customer> {
  return db.transaction().execute(async (trx) => {
    const org = await owningOrg(trx, ctx, input.orgId ?? ctx.actor.orgId);
    const address = addressColumns(input.address); // checked before duplicates: bad input is a 4xx of its own
    if (!input.confirmDuplicate) {
      const matches = await findDuplicates(trx, ctx, { phones: input.contacts.flatMap((c) => c.phones), name: input.name });
      if (matches.length > 0) throw customerErrors.CUSTOMER_POSSIBLE_DUPLICATE({ count: new Set(matches.map((m) => m.customer.id)).size }, { matches });
    }
    const id = await insertCustomerRecord(trx, { orgId: org.id, input, address, now: ctx.now });
    const { customer } = await loadCustomer(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'customer', entityId: id, orgPath: org.path, action: 'create', after: customer });
    return customer;
  });
}

export async function updateCustomer(db: Db, ctx: ServiceContext, id: string, input: UpdateCustomerInput): Promise<Customer> {
  return db.transaction().execute(async (trx) => {
    const { row, customer: before } = await loadCustomer(trx, ctx, id);
    const kind = input.kind ?? row.kind;
    const name = input.name ?? row.name;
    const patch: Partial<CustomersTable> = { updated_at: ctx.now.toISOString(), kind, ...nameColumns(name, kind) };
    if (input.address !== undefined) Object.assign(patch, addressColumns(input.address));
    if (input.source !== undefined) patch.source = input.source;
    if (input.grade !== undefined) patch.grade = input.grade;
    if (input.notes !== undefined) patch.notes = input.notes || null;
    let orgPath = row.org_path;
    if (input.orgId !== undefined && input.orgId !== row.org_id) {
      const org = await owningOrg(trx, ctx, input.orgId);
      patch.org_id = org.id;
      orgPath = org.path;
    }
    if (!(await repo.updateCustomer(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    const contacts: ContactInput[] = input.contacts
      ?? before.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title ?? undefined, phones: c.phones, isPrimary: c.isPrimary }));
    await writeDetails(trx, id, { name, kind, contacts, tags: input.tags ?? before.tags, keepIds: new Set(before.contacts.map((c) => c.id)) });
    const { customer: after } = await loadCustomer(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'customer', entityId: id, orgPath, action: 'update', before, after });
    return after;
  });
}

export async function setCustomerActive(db: Db, ctx: ServiceContext, id: string, active: boolean): Promise<Customer> {
  return db.transaction().execute(async (trx) => {
    const { row, customer } = await loadCustomer(trx, ctx, id);
    if (customer.isActive === active) return customer;
    if (!(await repo.updateCustomer(trx, id, row.version, { is_active: bool(active), updated_at: ctx.now.toISOString() }))) {
      throw httpErrors.VERSION_CONFLICT();
    }
    await recordAudit(trx, ctx, {
      entityType: 'customer', entityId: id, orgPath: row.org_path, action: active ? 'activate' : 'deactivate',
      before: { isActive: !active }, after: { isActive: active },
    });
    return (await loadCustomer(trx, ctx, id)).customer;
  });
}

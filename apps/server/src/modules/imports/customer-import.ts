import { customerImportColumns as COL, customerImportRequired, isPathInScope, normalizePhone, type Contact, type ContactInput } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { CustomersTable } from '../../db/schema.js';
import { httpErrors } from '../../http/errors.js';
import { updateCustomer as updateCustomerRow } from '../customers/customers.repository.js';
import { addressColumns, getCustomer, insertCustomerRecord, nameColumns, writeDetails } from '../customers/customers.service.js';
import { findDivisionByNames } from '../customers/divisions.js';
import { phonesOf, validateCustomerRow, type CustomerImportRow, type CustomerLookups, type DivisionLookup } from './customer-rows.js';
import { columnTexts, distinct, group, type ImportSpec } from './import-spec.js';
import * as repo from './imports.repository.js';
import type { Sheet } from './imports.xlsx.js';

const digitsOf = (phones: readonly string[]) => distinct(phones.map(normalizePhone));

// A file repeats the same few provinces and cities: each distinct triple is resolved once.
function memoDivisions(): DivisionLookup {
  const memo = new Map<string, ReturnType<DivisionLookup>>();
  return (names) => {
    const key = `${names.province}|${names.city ?? ''}|${names.county ?? ''}`;
    const found = memo.get(key) ?? findDivisionByNames(names);
    memo.set(key, found);
    return found;
  };
}

async function lookUp(db: Db, ctx: ServiceContext, sheet: Sheet): Promise<CustomerLookups> {
  const scope = ctx.actor.scope;
  const owners = await repo.findPhoneOwners(db, digitsOf(sheet.rows.flatMap(phonesOf)));
  return {
    phoneOwners: group(owners.map((o) => [o.digits, { id: o.id, inScope: isPathInScope(scope, o.org_path) }])),
    orgs: new Map((await repo.findOrgsByCode(db, scope, columnTexts(sheet, COL.orgCode))).map((o) => [o.code, { id: o.id, isActive: Boolean(o.is_active) }])),
    division: memoDivisions(),
  };
}

/** The customer's contacts plus the row's phones it does not have yet: on the contact of that name, else on a new contact. */
function mergeContacts(existing: Contact[], incoming: ContactInput | undefined): ContactInput[] {
  const contacts: ContactInput[] = existing.map((c) => ({ id: c.id, name: c.name, title: c.title ?? undefined, phones: c.phones, isPrimary: c.isPrimary }));
  if (!incoming) return contacts;
  const known = new Set(existing.flatMap((c) => c.phones.map(normalizePhone)));
  const fresh = incoming.phones.filter((p) => !known.has(normalizePhone(p)));
  if (fresh.length === 0) return contacts;
  const same = contacts.find((c) => c.name === incoming.name && c.phones.length + fresh.length <= 5);
  if (same) same.phones = [...same.phones, ...fresh];
  else contacts.push({ name: incoming.name, phones: fresh, isPrimary: false });
  return contacts;
}

/** A re-imported customer: filled-in cells replace what it has, empty optional cells keep it. */
async function updateFromRow(db: Db, ctx: ServiceContext, id: string, r: CustomerImportRow): Promise<void> {
  const before = await getCustomer(db, ctx, id);
  const keeps = new Set(r.blank);
  const { input } = r;
  const patch: Partial<CustomersTable> = { updated_at: ctx.now.toISOString(), kind: input.kind, ...nameColumns(input.name, input.kind) };
  if (!keeps.has('province')) Object.assign(patch, addressColumns(input.address));
  if (!keeps.has('source')) patch.source = input.source;
  if (!keeps.has('grade')) patch.grade = input.grade ?? null;
  if (!keeps.has('notes')) patch.notes = input.notes || null;
  if (r.orgId && r.orgId !== before.orgId) patch.org_id = r.orgId;
  if (!(await updateCustomerRow(db, id, before.version, patch))) throw httpErrors.VERSION_CONFLICT();
  await writeDetails(db, id, {
    name: input.name, kind: input.kind, contacts: mergeContacts(before.contacts, input.contacts[0]),
    tags: keeps.has('tags') ? before.tags : input.tags, keepIds: new Set(before.contacts.map((c) => c.id)),
  });
}

/** Writes rows in the caller's transaction; a customer that already has one of the row's phones is updated. */
async function writeCustomers(db: Db, ctx: ServiceContext, rows: readonly CustomerImportRow[]): Promise<{ created: number; updated: number }> {
  // Matched again at write time: a phone may have been registered since the preview.
  const owners = group((await repo.findCustomersByPhone(db, ctx.actor.scope, digitsOf(rows.flatMap((r) => r.input.contacts.flatMap((c) => c.phones)))))
    .map((c) => [c.digits, c.id]));
  let updated = 0;
  for (const r of rows) {
    const id = digitsOf(r.input.contacts.flatMap((c) => c.phones)).flatMap((d) => owners.get(d) ?? [])[0];
    if (id) {
      await updateFromRow(db, ctx, id, r);
      updated += 1;
    } else {
      await insertCustomerRecord(db, { orgId: r.orgId ?? ctx.actor.orgId, input: r.input, now: ctx.now });
    }
  }
  return { created: rows.length - updated, updated };
}

/** 客户资料登记表: customers matched by phone; a known phone updates its customer instead of adding another. */
export const customerImport: ImportSpec<CustomerImportRow> = {
  kind: 'customers',
  permission: 'customer.write',
  template: { sheetName: '客户', headers: Object.values(COL), required: customerImportRequired.map((f) => COL[f]) },
  missingColumns: (headers) => customerImportRequired.map((f) => COL[f]).filter((h) => !headers.has(h)),
  uniqueKey: { column: COL.phones, zh: '电话', en: 'Phone', of: (r) => digitsOf(phonesOf(r)) },
  async prepare(db, ctx, sheet) {
    const look = await lookUp(db, ctx, sheet);
    return (r) => validateCustomerRow(r, look);
  },
  write: writeCustomers,
};

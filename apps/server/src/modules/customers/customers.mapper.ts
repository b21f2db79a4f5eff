import type { Customer, CustomerSummary } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ContactWithPhones, CustomerRow } from './customers.repository.js';
import { listContacts, listTags } from './customers.repository.js';

// Rows (snake_case) → API shapes (camelCase), mapped in one visible place.

export function toCustomer(r: CustomerRow, contacts: readonly ContactWithPhones[], tags: readonly string[]): Customer {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    namePinyin: r.name_pinyin,
    nameInitials: r.name_initials,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, phones: c.phones, isPrimary: Boolean(c.is_primary) })),
    address: r.province_code === null ? null : {
      provinceCode: r.province_code,
      provinceName: r.province_name ?? '',
      cityCode: r.city_code,
      cityName: r.city_name,
      countyCode: r.county_code,
      countyName: r.county_name,
      detail: r.address,
      lat: r.lat,
      lng: r.lng,
    },
    source: r.source,
    tags: [...tags],
    grade: r.grade,
    orgId: r.org_id,
    orgName: r.org_name,
    notes: r.notes,
    isActive: Boolean(r.is_active),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toSummary(r: CustomerRow, contacts: readonly ContactWithPhones[], tags: readonly string[]): CustomerSummary {
  const primary = contacts.find((c) => c.is_primary) ?? contacts[0];
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    primaryContact: primary?.name ?? null,
    phones: contacts.flatMap((c) => c.phones),
    provinceName: r.province_name,
    cityName: r.city_name,
    countyName: r.county_name,
    source: r.source,
    tags: [...tags],
    grade: r.grade,
    orgId: r.org_id,
    orgName: r.org_name,
    isActive: Boolean(r.is_active),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Summaries of rows, with their contacts and tags loaded in two queries. */
export async function summarize(db: Db, rows: readonly CustomerRow[]): Promise<CustomerSummary[]> {
  const ids = rows.map((r) => r.id);
  const [contacts, tags] = [await listContacts(db, ids), await listTags(db, ids)];
  return rows.map((r) => toSummary(r, contacts.get(r.id) ?? [], tags.get(r.id) ?? []));
}

import type { CreateCustomerInput, Customer, CustomerGrade, CustomerKind, CustomerSource, UpdateCustomerInput } from '@sht/domain';

export type ContactFormValues = { id?: string; name: string; title?: string; phones: string[]; isPrimary?: boolean };

/** What the customer form holds: the address as a cascader path plus its detail line. */
export type CustomerFormValues = {
  kind: CustomerKind;
  name: string;
  contacts: ContactFormValues[];
  region?: string[];
  detail?: string;
  source: CustomerSource;
  tags: string[];
  grade?: CustomerGrade | null;
  orgId: string;
  notes?: string;
};

/** The editable fields as the API takes them; cleared optional fields are null. */
export type CustomerFields = Omit<CreateCustomerInput, 'confirmDuplicate' | 'notes' | 'address' | 'grade'> & {
  address: NonNullable<CreateCustomerInput['address']> | null;
  grade: CustomerGrade | null;
  notes: string | null;
};

export function emptyContact(): ContactFormValues {
  return { name: '', title: '', phones: [''], isPrimary: false };
}

export function toFormValues(customer: Customer): CustomerFormValues {
  const a = customer.address;
  return {
    kind: customer.kind,
    name: customer.name,
    contacts: customer.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title ?? '',
      phones: c.phones.length > 0 ? [...c.phones] : [''],
      isPrimary: c.isPrimary,
    })),
    region: a ? [a.provinceCode, a.cityCode, a.countyCode].filter((c): c is string => Boolean(c)) : [],
    detail: a?.detail ?? '',
    source: customer.source,
    tags: [...customer.tags],
    grade: customer.grade,
    orgId: customer.orgId,
    notes: customer.notes ?? '',
  };
}

const trimmed = (s: string | undefined | null) => (s ?? '').trim();

export function toCustomerFields(v: CustomerFormValues): CustomerFields {
  const [provinceCode, cityCode, countyCode] = v.region ?? [];
  const detail = trimmed(v.detail);
  return {
    kind: v.kind,
    name: trimmed(v.name),
    contacts: (v.contacts ?? []).map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: trimmed(c.name),
      ...(trimmed(c.title) ? { title: trimmed(c.title) } : {}),
      phones: (c.phones ?? []).map(trimmed).filter(Boolean),
      isPrimary: Boolean(c.isPrimary),
    })),
    address: provinceCode
      ? {
          provinceCode,
          ...(cityCode ? { cityCode } : {}),
          ...(countyCode ? { countyCode } : {}),
          ...(detail ? { detail } : {}),
        }
      : null,
    source: v.source,
    tags: (v.tags ?? []).map(trimmed).filter(Boolean),
    grade: v.grade ?? null,
    orgId: v.orgId,
    notes: trimmed(v.notes) || null,
  };
}

export function toCreateInput(v: CustomerFormValues, confirmDuplicate: boolean): CreateCustomerInput {
  const { notes, ...fields } = toCustomerFields(v);
  return { ...fields, ...(notes ? { notes } : {}), confirmDuplicate };
}

/** Only what the user changed is sent, so the audit log records real edits and nothing else. */
export function changedCustomerFields(before: CustomerFields, after: CustomerFields): Omit<UpdateCustomerInput, 'version'> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CustomerFields)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return patch as Omit<UpdateCustomerInput, 'version'>;
}

/** Province, city and county in one line; municipalities do not repeat their name. */
export function regionText(parts: readonly (string | null | undefined)[]): string {
  const names = parts.filter((p): p is string => Boolean(p));
  return names.filter((n, i) => n !== names[i - 1]).join(' ');
}

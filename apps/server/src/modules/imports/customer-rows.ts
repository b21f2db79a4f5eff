import {
  createCustomerSchema, customerGradeSchema, customerImportColumns as COL, normalizePhone, parseCustomerKind, parseCustomerSource, phoneSchema,
  splitCellList, type CreateCustomerInput, type CustomerImportField,
} from '@sht/domain';
import type { CheckedRow, ImportRow, StoredRowError } from './import-spec.js';
import { cellText, type SheetRow } from './imports.xlsx.js';

export type CustomerRecordInput = Omit<CreateCustomerInput, 'confirmDuplicate' | 'orgId'>;

/** A checked customer row. `blank` lists the optional columns left empty: an update keeps what the customer has there. */
export type CustomerImportRow = ImportRow & { orgId: string | null; input: CustomerRecordInput; blank: CustomerImportField[] };

export type DivisionLookup = (names: { province: string; city: string | null; county: string | null }) =>
  { ok: true; value: { provinceCode: string; cityCode?: string; countyCode?: string } } | { ok: false; level: 'province' | 'city' | 'county' };

/** What the database knows about the values of a file, looked up in bulk beforehand. */
export type CustomerLookups = {
  phoneOwners: Map<string, { id: string; inScope: boolean }[]>; // digits → customers with that phone, in any org
  orgs: Map<string, { id: string; isActive: boolean }>; // code → org in scope
  division: DivisionLookup;
};

export const phonesOf = (r: SheetRow): string[] => splitCellList(cellText(r.cells.get(COL.phones)));

// The schema's field path → the column it came from.
function columnOf(path: readonly PropertyKey[]): string {
  const [field, , sub] = path;
  if (field === 'contacts') return sub === 'phones' ? COL.phones : COL.contactName;
  if (field === 'address') return path[1] === 'detail' ? COL.address : path[1] === 'countyCode' ? COL.county : path[1] === 'cityCode' ? COL.city : COL.province;
  return typeof field === 'string' && field in COL ? COL[field as CustomerImportField] : COL.name;
}

const levelColumn = { province: COL.province, city: COL.city, county: COL.county } as const;

/** Checks one row; returns the row to write, or the errors that keep it out. */
export function validateCustomerRow(r: SheetRow, look: CustomerLookups): CheckedRow<CustomerImportRow> {
  const errors: StoredRowError[] = [];
  const fail = (column: string, zh: string, en: string) => errors.push({ row: r.row, column, zh, en });
  const get = (field: CustomerImportField) => cellText(r.cells.get(COL[field]));
  const blank = (Object.keys(COL) as CustomerImportField[]).filter((f) => get(f) === null);

  const kindText = get('kind');
  const kind = kindText ? parseCustomerKind(kindText) : undefined;
  if (kindText && !kind) fail(COL.kind, `类型无效:${kindText}(应为 个人 或 单位)`, `Unknown kind: ${kindText} (个人 or 单位)`);
  const phones = phonesOf(r);
  for (const p of phones) if (!phoneSchema.safeParse(p).success) fail(COL.phones, `电话号码无效:${p}`, `Not a phone number: ${p}`);
  const sourceText = get('source');
  const source = sourceText ? parseCustomerSource(sourceText) : 'import';
  if (!source) fail(COL.source, `来源无效:${sourceText}`, `Unknown source: ${sourceText}`);
  const gradeText = get('grade')?.toUpperCase() ?? null;
  const grade = gradeText ? customerGradeSchema.safeParse(gradeText).data : null;
  if (gradeText && !grade) fail(COL.grade, `等级无效:${gradeText}(应为 A、B 或 C)`, `Unknown grade: ${gradeText} (A, B or C)`);
  const orgCode = get('orgCode');
  const org = orgCode ? look.orgs.get(orgCode) : undefined;
  if (orgCode && !org) fail(COL.orgCode, `机构编码不存在:${orgCode}`, `Unknown organisation code: ${orgCode}`);
  if (org && !org.isActive) fail(COL.orgCode, `机构已停用:${orgCode}`, `The organisation is inactive: ${orgCode}`);
  const address = addressOf(r, look, fail);

  const name = get('name') ?? '';
  const input = {
    kind: kind ?? 'individual', name, contacts: [{ name: get('contactName') ?? name, phones: phones.filter((p) => phoneSchema.safeParse(p).success), isPrimary: true }],
    address, source: source ?? 'import', tags: splitCellList(get('tags')), grade: grade ?? null, notes: get('notes') ?? undefined,
  };
  const parsed = createCustomerSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set(errors.map((e) => e.column));
    for (const issue of parsed.error.issues) {
      const column = columnOf(issue.path);
      // A blank contact takes the customer's name: its problem is the name's.
      if (seen.has(column) || (column === COL.contactName && get('contactName') === null)) continue;
      seen.add(column);
      if (issue.code === 'too_small' || (column === COL.name && name === '')) fail(column, '必填', 'Required');
      else if (issue.code === 'too_big') fail(column, `超出长度或数量上限(${String(issue.maximum)})`, issue.message);
      else fail(column, '取值不合法', issue.message);
    }
  }
  if (!kindText) fail(COL.kind, '必填', 'Required');

  const existingId = matchExisting(phones, look, fail);
  if (errors.length > 0 || !parsed.success) return { row: null, errors };
  const { confirmDuplicate: _ignored, orgId: _none, ...record } = parsed.data;
  return { row: { row: r.row, existingId, orgId: org?.id ?? null, input: record, blank }, errors };
}

function addressOf(r: SheetRow, look: CustomerLookups, fail: (column: string, zh: string, en: string) => void) {
  const get = (h: string) => cellText(r.cells.get(h));
  const [province, city, county, detail] = [get(COL.province), get(COL.city), get(COL.county), get(COL.address)];
  if (!province) {
    if (city || county || detail) fail(COL.province, '填写市、区县或详细地址时,省为必填', 'Required when a city, county or address is given');
    return null;
  }
  const found = look.division({ province, city, county });
  if (!found.ok) {
    const typed = { province, city, county }[found.level];
    fail(levelColumn[found.level], `行政区划不存在:${typed ?? ''}`, `Unknown division: ${typed ?? ''}`);
    return null;
  }
  return { ...found.value, ...(detail ? { detail } : {}) };
}

/** The customer the row updates: the one that already has any of its phones (in the caller's subtree). */
function matchExisting(phones: string[], look: CustomerLookups, fail: (column: string, zh: string, en: string) => void): string | null {
  const owners = phones.flatMap((p) => (look.phoneOwners.get(normalizePhone(p)) ?? []).map((o) => ({ ...o, phone: p })));
  const foreign = owners.find((o) => !o.inScope);
  if (foreign) {
    fail(COL.phones, `电话 ${foreign.phone} 已由其他机构的客户登记`, `Phone ${foreign.phone} belongs to another organisation's customer`);
    return null;
  }
  const ids = [...new Set(owners.map((o) => o.id))];
  if (ids.length > 1) fail(COL.phones, '这些电话属于多个已有客户,无法确定更新哪一个', 'These phones belong to several existing customers; cannot tell which to update');
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

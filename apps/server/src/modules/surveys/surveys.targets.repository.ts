import type { Db } from '../../db/database.js';

// The queries that find who a campaign could ask. Each returns candidates in a stable order
// (by respondent key) so that the seeded sample picks the same people for the same seed.

export type CandidateFilter = {
  orgPath: string | null; // subtree; null = everything
  provinceCodes: string[];
  modelIds: string[];
  orderTypes: string[];
  fromUtc: string | null; // window on the order's resolution instant
  toUtc: string | null;
};

export type OrderCandidate = {
  work_order_id: string;
  customer_id: string;
  customer_name: string;
  province_code: string | null;
  org_id: string;
  org_path: string;
  org_kind: string;
  assignee_id: string | null;
  model_id: string | null;
  equipment_outlet_id: string | null;
  type: string;
  caller_phone: string | null;
  resolved_at: string | null;
};

/** Finished orders (resolved, confirmed, closed) of active customers matching the target. */
export async function listOrderCandidates(db: Db, f: CandidateFilter): Promise<OrderCandidate[]> {
  let q = db.selectFrom('work_orders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .innerJoin('orgs as o', 'o.id', 'wo.org_id')
    .leftJoin('equipment_units as eu', 'eu.id', 'wo.equipment_id')
    .select([
      'wo.id as work_order_id', 'wo.customer_id', 'c.name as customer_name', 'c.province_code', 'wo.org_id', 'wo.org_path', 'o.kind as org_kind',
      'wo.assignee_id', 'eu.model_id', 'eu.outlet_org_id as equipment_outlet_id', 'wo.type', 'wo.caller_phone', 'wo.resolved_at',
    ])
    .where('wo.status', 'in', ['resolved', 'confirmed', 'closed'])
    .where('c.is_active', '=', 1);
  if (f.orgPath) q = q.where('wo.org_path', 'like', `${f.orgPath}%`);
  if (f.provinceCodes.length) q = q.where('c.province_code', 'in', f.provinceCodes);
  if (f.modelIds.length) q = q.where('eu.model_id', 'in', f.modelIds);
  if (f.orderTypes.length) q = q.where('wo.type', 'in', f.orderTypes as never[]);
  if (f.fromUtc) q = q.where('wo.resolved_at', '>=', f.fromUtc);
  if (f.toUtc) q = q.where('wo.resolved_at', '<', f.toUtc);
  return q.orderBy('wo.customer_id').orderBy('wo.resolved_at', 'desc').orderBy('wo.id').execute();
}

/** The first phone of each customer's primary (else first) contact. */
export async function customerPhones(db: Db, customerIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db.selectFrom('customer_phones as p')
      .innerJoin('customer_contacts as ct', 'ct.id', 'p.contact_id')
      .select(['p.customer_id', 'p.phone'])
      .where('p.customer_id', 'in', customerIds.slice(i, i + 500))
      .orderBy('p.customer_id').orderBy('ct.is_primary', 'desc').orderBy('ct.position').orderBy('p.position')
      .execute();
    for (const r of rows) if (!out.has(r.customer_id)) out.set(r.customer_id, r.phone);
  }
  return out;
}

export type OutletCandidate = { org_id: string; org_path: string; org_name: string; province: string | null; manager_id: string; manager_name: string };

/** Active outlets in the subtree with their manager (the first active outlet_manager by login). */
export async function listOutletCandidates(db: Db, orgPath: string | null): Promise<OutletCandidate[]> {
  let q = db.selectFrom('orgs as o')
    .innerJoin('users as u', 'u.org_id', 'o.id')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['o.id as org_id', 'o.path as org_path', 'o.name as org_name', 'o.province', 'u.id as manager_id', 'u.name as manager_name'])
    .where('o.kind', '=', 'outlet').where('o.is_active', '=', 1)
    .where('u.is_active', '=', 1).where('r.role', '=', 'outlet_manager');
  if (orgPath) q = q.where('o.path', 'like', `${orgPath}%`);
  const rows = await q.orderBy('o.id').orderBy('u.username').execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.org_id) ? false : (seen.add(r.org_id), true)));
}

export type StaffCandidate = { user_id: string; name: string; org_id: string; org_path: string; org_kind: string; province: string | null };

export function listStaffCandidates(db: Db, orgPath: string | null): Promise<StaffCandidate[]> {
  let q = db.selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id as user_id', 'u.name', 'o.id as org_id', 'o.path as org_path', 'o.kind as org_kind', 'o.province'])
    .where('u.is_active', '=', 1).where('o.is_active', '=', 1);
  if (orgPath) q = q.where('o.path', 'like', `${orgPath}%`);
  return q.orderBy('u.id').execute();
}

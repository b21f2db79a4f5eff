import { allScope, type SurveyAudience, type SurveyTarget } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { InvitationRow } from './surveys.repository.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { findDivisionByNames } from '../customers/divisions.js';
import * as targets from './surveys.targets.repository.js';

export type Respondent = Pick<InvitationRow,
  'respondent_key' | 'customer_id' | 'user_id' | 'outlet_org_id' | 'work_order_id' | 'technician_id' | 'model_id' | 'order_type'
  | 'respondent_name' | 'phone' | 'email' | 'region_code' | 'org_path'>;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// A local date's first instant in Asia/Shanghai, as UTC ISO.
const startOfLocalDate = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + plusDays * 86_400_000).toISOString();

const provinceCodeOf = (name: string | null): string | null => {
  if (!name) return null;
  const r = findDivisionByNames({ province: name, city: null, county: null });
  return r.ok ? r.value.provinceCode : null;
};

const none = { customer_id: null, user_id: null, outlet_org_id: null, work_order_id: null, technician_id: null, model_id: null, order_type: null, phone: null, email: null };

/**
 * Everyone a campaign could ask, in a stable order (by respondent key). Customers come from their
 * finished orders (the latest order per customer, whose outlet, technician, model and type the
 * answer carries); dealers are outlets answered by their manager; staff are active users.
 * The subtree is the target org's, else the campaign owner's.
 */
export async function findRespondents(db: Db, audience: SurveyAudience, target: SurveyTarget, ownerPath: string): Promise<Respondent[]> {
  const org = target.orgId ? await findOrg(db, allScope, target.orgId) : undefined;
  const orgPath = org?.path ?? ownerPath;
  const provinces = new Set(target.provinceCodes);
  const inProvince = (code: string | null) => provinces.size === 0 || (code !== null && provinces.has(code));
  switch (audience) {
    case 'customer': {
      const orders = await targets.listOrderCandidates(db, {
        orgPath, provinceCodes: target.provinceCodes, modelIds: target.modelIds, orderTypes: target.orderTypes,
        fromUtc: target.from ? startOfLocalDate(target.from) : null, toUtc: target.to ? startOfLocalDate(target.to, 1) : null,
      });
      const latest = orders.filter((o, i) => i === 0 || orders[i - 1]?.customer_id !== o.customer_id);
      const phones = await targets.customerPhones(db, latest.map((o) => o.customer_id));
      return latest.map((o) => ({
        ...none, respondent_key: `customer:${o.customer_id}`, customer_id: o.customer_id, work_order_id: o.work_order_id,
        outlet_org_id: o.org_kind === 'outlet' ? o.org_id : o.equipment_outlet_id, technician_id: o.assignee_id, model_id: o.model_id,
        order_type: o.type, respondent_name: o.customer_name, phone: phones.get(o.customer_id) ?? o.caller_phone, region_code: o.province_code,
        org_path: o.org_path,
      }));
    }
    case 'dealer': {
      const outlets = await targets.listOutletCandidates(db, orgPath);
      return outlets
        .map((o) => ({
          ...none, respondent_key: `outlet:${o.org_id}`, user_id: o.manager_id, outlet_org_id: o.org_id,
          respondent_name: `${o.org_name} ${o.manager_name}`.slice(0, 100), region_code: provinceCodeOf(o.province), org_path: o.org_path,
        }))
        .filter((r) => inProvince(r.region_code));
    }
    case 'staff': {
      const staff = await targets.listStaffCandidates(db, orgPath);
      return staff
        .map((u) => ({
          ...none, respondent_key: `user:${u.user_id}`, user_id: u.user_id, outlet_org_id: u.org_kind === 'outlet' ? u.org_id : null,
          respondent_name: u.name, region_code: provinceCodeOf(u.province), org_path: u.org_path,
        }))
        .filter((r) => inProvince(r.region_code));
    }
    default: {
      const never: never = audience;
      throw new Error(`unknown audience ${String(never)}`);
    }
  }
}

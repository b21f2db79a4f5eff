import {
  allScope, isPathInScope, routeComplaint, can,
  type ComplaintCategory, type ComplaintResponseInput, type ComplaintRule, type ComplaintRuleInput, type RoutingRule,
} from '@sht/domain';
import type { z } from 'zod';
import type { updateComplaintRuleSchema } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { ComplaintRulesTable } from '../../db/schema.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { workOrderErrors } from './workorders.errors.js';
import * as repo from './workorders.repository.js';

// Complaint routing rules (HQ policy) and the at-fault department's answer to a complaint.

type RuleRow = ComplaintRulesTable & { target_org_name: string | null; region_org_name: string | null; region_path: string | null };

function rulesQuery(db: Db) {
  return db
    .selectFrom('complaint_rules')
    .selectAll('complaint_rules')
    .select((eb) => [
      eb.selectFrom('orgs').select('orgs.name').whereRef('orgs.id', '=', 'complaint_rules.target_org_id').as('target_org_name'),
      eb.selectFrom('orgs').select('orgs.name').whereRef('orgs.id', '=', 'complaint_rules.region_org_id').as('region_org_name'),
      eb.selectFrom('orgs').select('orgs.path').whereRef('orgs.id', '=', 'complaint_rules.region_org_id').as('region_path'),
    ])
    .orderBy('complaint_rules.position')
    .orderBy('complaint_rules.id');
}

const toRule = (r: RuleRow): ComplaintRule => ({
  id: r.id, name: r.name, position: r.position, category: r.category, regionOrgId: r.region_org_id, regionOrgName: r.region_org_name,
  customerGrade: r.customer_grade, customerTag: r.customer_tag, targetOrgId: r.target_org_id, targetOrgName: r.target_org_name ?? '',
  active: Boolean(r.is_active), version: r.version,
});

export async function listComplaintRules(db: Db): Promise<{ items: ComplaintRule[] }> {
  return { items: (await rulesQuery(db).execute()).map(toRule) };
}

async function checkOrgs(db: Db, input: Partial<ComplaintRuleInput>) {
  if (input.targetOrgId && !(await findOrg(db, allScope, input.targetOrgId))) throw orgErrors.ORG_NOT_FOUND({}, { path: ['body', 'targetOrgId'] });
  if (input.regionOrgId && !(await findOrg(db, allScope, input.regionOrgId))) throw orgErrors.ORG_NOT_FOUND({}, { path: ['body', 'regionOrgId'] });
}

export async function createComplaintRule(db: Db, ctx: ServiceContext, input: ComplaintRuleInput): Promise<ComplaintRule> {
  return db.transaction().execute(async (trx) => {
    await checkOrgs(trx, input);
    const now = ctx.now.toISOString();
    const id = newId();
    await trx.insertInto('complaint_rules').values({
      id, name: input.name, position: input.position, category: input.category, region_org_id: input.regionOrgId, customer_grade: input.customerGrade,
      customer_tag: input.customerTag, target_org_id: input.targetOrgId, is_active: bool(input.active), version: 1, created_at: now, updated_at: now,
    }).execute();
    const rule = toRule(await rulesQuery(trx).where('complaint_rules.id', '=', id).executeTakeFirstOrThrow());
    await recordAudit(trx, ctx, { entityType: 'complaint_rule', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after: rule });
    return rule;
  });
}

export async function updateComplaintRule(db: Db, ctx: ServiceContext, id: string, input: z.infer<typeof updateComplaintRuleSchema>): Promise<ComplaintRule> {
  return db.transaction().execute(async (trx) => {
    const row = await rulesQuery(trx).where('complaint_rules.id', '=', id).executeTakeFirst();
    if (!row) throw workOrderErrors.COMPLAINT_RULE_NOT_FOUND();
    await checkOrgs(trx, input);
    const patch: Partial<ComplaintRulesTable> = { updated_at: ctx.now.toISOString(), version: input.version + 1 };
    if (input.name !== undefined) patch.name = input.name;
    if (input.position !== undefined) patch.position = input.position;
    if (input.category !== undefined) patch.category = input.category;
    if (input.regionOrgId !== undefined) patch.region_org_id = input.regionOrgId;
    if (input.customerGrade !== undefined) patch.customer_grade = input.customerGrade;
    if (input.customerTag !== undefined) patch.customer_tag = input.customerTag;
    if (input.targetOrgId !== undefined) patch.target_org_id = input.targetOrgId;
    if (input.active !== undefined) patch.is_active = bool(input.active);
    const res = await trx.updateTable('complaint_rules').set(patch).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw httpErrors.VERSION_CONFLICT();
    const rule = toRule(await rulesQuery(trx).where('complaint_rules.id', '=', id).executeTakeFirstOrThrow());
    await recordAudit(trx, ctx, { entityType: 'complaint_rule', entityId: id, orgPath: ctx.actor.orgPath, action: 'update', before: toRule(row), after: rule });
    return rule;
  });
}

/** Where a new complaint goes: the first matching rule's org, else the default responsible org. */
export async function routeNewComplaint(db: Db, input: { category: ComplaintCategory; defaultOrgPath: string; customerId: string; customerGrade: string | null }) {
  const rows = await rulesQuery(db).where('complaint_rules.is_active', '=', 1).execute();
  if (rows.length === 0) return null;
  const tags = (await db.selectFrom('customer_tags').select('tag').where('customer_id', '=', input.customerId).execute()).map((t) => t.tag);
  const rules: (RoutingRule & { row: RuleRow })[] = rows.map((r) => ({
    id: r.id, position: r.position, active: Boolean(r.is_active), category: r.category, regionPath: r.region_path, customerGrade: r.customer_grade,
    customerTag: r.customer_tag, targetOrgId: r.target_org_id, row: r,
  }));
  const hit = routeComplaint(rules, { category: input.category, orgPath: input.defaultOrgPath, customerGrade: input.customerGrade, customerTags: tags });
  if (!hit) return null;
  const org = await findOrg(db, allScope, hit.targetOrgId);
  return org ? { org, rule: { id: hit.id, name: hit.row.name } } : null;
}

/** The at-fault department answers: explanation/apology and the improvement (required before resolving). */
export async function respondToComplaint(db: Db, ctx: ServiceContext, id: string, input: ComplaintResponseInput) {
  await db.transaction().execute(async (trx) => {
    const order = await repo.findOrder(trx, ctx.actor.scope, ctx.actor.userId, id);
    if (!order) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
    if (order.type !== 'complaint' || order.complaint_category === null) throw workOrderErrors.NOT_A_COMPLAINT();
    const atFault = order.at_fault_org_id ? await findOrg(trx, allScope, order.at_fault_org_id) : undefined;
    // The answer is the at-fault org's to give (or its managers' above it), else the handling org's.
    const answerPath = atFault?.path ?? order.org_path;
    if (!can(ctx.actor.roles, 'workorder.write') || !isPathInScope(ctx.actor.scope, answerPath)) throw workOrderErrors.ACTION_FORBIDDEN({ action: 'respond' });
    if (['closed', 'cancelled'].includes(order.status)) throw workOrderErrors.REPORT_LOCKED({ status: order.status });
    const response = { explanation: input.explanation, apology: input.apology, improvement: input.improvement, by: ctx.actor.name, at: ctx.now.toISOString() };
    if (!(await repo.updateOrder(trx, id, input.version, { complaint_response_json: JSON.stringify(response), updated_at: ctx.now.toISOString() }))) {
      throw httpErrors.VERSION_CONFLICT();
    }
    await recordAudit(trx, ctx, { entityType: 'work_order', entityId: id, orgPath: order.org_path, action: 'update', after: { complaintResponse: response } });
  });
}

import {
  allScope, allowedActions, applyTransition, can, selectSlaPolicy, toShanghaiDate, WorkOrderTransitionError,
  type ComplaintCategory, type CreateWorkOrderInput, type ListWorkOrdersQuery, type Page, type Permission, type TransitionInput, type WorkOrder,
  type SlaTimeline, type WorkOrderAction, type WorkOrderDetail, type WorkOrderEvent, type WorkOrderState,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext, ServiceContext } from '../../context.js';
import type { WorkOrdersTable } from '../../db/schema.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { customerErrors } from '../customers/customers.errors.js';
import { findCustomer } from '../customers/customers.repository.js';
import { equipmentErrors } from '../equipment/equipment.errors.js';
import { findUnit } from '../equipment/equipment.repository.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { workOrderErrors } from './workorders.errors.js';
import { toComplaint, toDiagnosis, toEvent, toWorkOrder } from './workorders.mapper.js';
import { routeNewComplaint } from './workorders.complaints.service.js';
import { notifyManagersOfNewOrder, notifyStep } from './workorders.notify.js';
import { notify } from '../notifications/notifications.service.js';
import { recordPosition } from './workorders.dispatch.service.js';
import * as repo from './workorders.repository.js';
import { afterOrderConfirmed } from '../callbacks/callbacks.hooks.js';
import type { OrderRow } from './workorders.repository.js';
import { calendarForNewOrder, calendarOfOrder, computeOrderSla, refreshOrderSla, slaPolicyRules } from './workorders.sla.service.js';

export type WorkOrderOptions = { repeatRepairDays: number };

// Built-in promise when no policy matches (all policies deactivated): respond 30 min, on site and fixed in 24 h.
const FALLBACK_PROMISE = { id: null, responseMinutes: 30, arrivalMinutes: 24 * 60, resolutionMinutes: 24 * 60, allHours: false, warnShare: 0.8 };

async function loadOrder(db: Db, ctx: ServiceContext, id: string): Promise<OrderRow> {
  const row = await repo.findOrder(db, ctx.actor.scope, ctx.actor.userId, id);
  if (!row) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
  return row;
}

const stateOf = (r: Pick<WorkOrdersTable, 'status' | 'resume_status' | 'type' | 'assignee_id'>): WorkOrderState => ({
  status: r.status, resumeStatus: r.resume_status, type: r.type, hasAssignee: r.assignee_id !== null,
});

export async function getWorkOrder(db: Db, ctx: ServiceContext, id: string): Promise<WorkOrderDetail> {
  const row = await loadOrder(db, ctx, id);
  const events = await repo.listEvents(db, id);
  const sla = computeOrderSla(row, await calendarOfOrder(db, row), events, ctx.now.toISOString());
  return {
    ...toWorkOrder(row),
    allowedActions: allowedActions(stateOf(row)).filter((action) => mayAct(ctx, row, action)),
    sla: sla.targets,
    diagnosis: toDiagnosis(row.diagnosis_json),
    complaint: toComplaint(row),
  };
}

export async function listWorkOrders(db: Db, ctx: ServiceContext, q: ListWorkOrdersQuery): Promise<Page<WorkOrder>> {
  const { rows, total } = await repo.listOrders(db, ctx.actor.scope, ctx.actor.userId, q);
  return { items: rows.map(toWorkOrder), total, page: q.page, pageSize: q.pageSize };
}

export async function listWorkOrderEvents(db: Db, ctx: ServiceContext, id: string): Promise<{ items: WorkOrderEvent[] }> {
  await loadOrder(db, ctx, id);
  return { items: (await repo.listEvents(db, id)).map(toEvent) };
}

const isoOrNull = (v: string | null) => (v === null ? null : new Date(v).toISOString());

/** Each SLA target's clock timeline, re-derived from the stored events, with what the sweep recorded. */
export async function getSlaTimeline(db: Db, ctx: ServiceContext, id: string): Promise<SlaTimeline> {
  const row = await loadOrder(db, ctx, id);
  const snapshot = computeOrderSla(row, await calendarOfOrder(db, row), await repo.listEvents(db, id), ctx.now.toISOString());
  const stored = new Map((await repo.listSlaRows(db, id)).map((r) => [`${r.kind}:${r.cycle}`, r]));
  return {
    items: snapshot.clocks.map((clock) => {
      const r = stored.get(`${clock.kind}:${clock.cycle}`);
      return {
        kind: clock.kind, cycle: clock.cycle, state: clock.state, targetMinutes: clock.targetMinutes, start: clock.start, dueAt: clock.dueAt,
        timeline: clock.timeline, calendar: clock.calendar, calendarVersions: clock.calendarVersions,
        warnedAt: isoOrNull(r?.warned_at ?? null), breachedAt: isoOrNull(r?.breached_at ?? null),
        warnNotifiedAt: isoOrNull(r?.warn_notified_at ?? null), breachNotifiedAt: isoOrNull(r?.breach_notified_at ?? null),
      };
    }),
  };
}

/** WO + Shanghai date + a per-day sequence: what a caller reads out on the phone. */
type Intake = {
  customer: { id: string; name: string; orgId: string; grade: 'A' | 'B' | 'C' | null };
  unit: { id: string; serialNo: string; modelName: string; siteAddress: string | null } | null;
  org: { id: string; name: string; path: string; serviceLevel: 'A' | 'B' | 'C' };
  rule: { id: string; name: string } | null;
  atFault: { id: string; name: string } | null;
};

/** Customer, unit and responsible org: one statement, or the three look-ups when something is amiss. */
async function intakeParties(db: Db, ctx: ServiceContext, input: CreateWorkOrderInput): Promise<Pick<Intake, 'customer' | 'unit' | 'org'>> {
  const fast = await repo.findIntake(db, ctx.actor.scope, { customerId: input.customerId, equipmentId: input.equipmentId ?? null, orgId: input.orgId ?? null });
  if (fast && fast.org_id && fast.org_name && fast.org_path && fast.service_level && (!input.equipmentId || fast.unit_id)) {
    return {
      customer: { id: fast.customer_id, name: fast.customer_name, orgId: fast.customer_org_id, grade: fast.customer_grade },
      unit: fast.unit_id ? { id: fast.unit_id, serialNo: fast.serial_no ?? '', modelName: fast.model_name ?? '', siteAddress: fast.site_address } : null,
      org: { id: fast.org_id, name: fast.org_name, path: fast.org_path, serviceLevel: fast.service_level },
    };
  }
  // Not found, not theirs, out of scope: the separate look-ups say which.
  const customer = await findCustomer(db, ctx.actor.scope, input.customerId);
  if (!customer) throw customerErrors.CUSTOMER_NOT_FOUND({}, { path: ['body', 'customerId'] });
  let unit = null;
  if (input.equipmentId) {
    unit = (await findUnit(db, ctx.actor.scope, input.equipmentId)) ?? null;
    if (!unit) throw equipmentErrors.EQUIPMENT_NOT_FOUND({}, { path: ['body', 'equipmentId'] });
    if (unit.customer_id !== customer.id) throw workOrderErrors.EQUIPMENT_NOT_OWNED({}, { path: ['body', 'equipmentId'] });
  }
  // Responsible org: as asked, else the unit's servicing outlet, else the customer's org.
  const org = await findOrg(db, ctx.actor.scope, input.orgId ?? unit?.outlet_org_id ?? customer.org_id);
  if (!org) throw orgErrors.ORG_NOT_FOUND({}, { path: ['body', 'orgId'] });
  return {
    customer: { id: customer.id, name: customer.name, orgId: customer.org_id, grade: customer.grade },
    unit: unit ? { id: unit.id, serialNo: unit.serial_no, modelName: unit.model_name, siteAddress: unit.site_address } : null,
    org: { id: org.id, name: org.name, path: org.path, serviceLevel: org.service_level },
  };
}

/** Who the order is for and who answers for it; run again inside the transaction that writes. */
async function intake(db: Db, ctx: ServiceContext, input: CreateWorkOrderInput): Promise<Intake> {
  const { customer, unit, org } = await intakeParties(db, ctx, input);
  if (!input.complaint) return { customer, unit, org, rule: null, atFault: null };
  // The org complained about may be anywhere (the caller names it; they need not manage it).
  const atFault = input.complaint.atFaultOrgId ? await findOrg(db, allScope, input.complaint.atFaultOrgId) : null;
  if (input.complaint.atFaultOrgId && !atFault) throw orgErrors.ORG_NOT_FOUND({}, { path: ['body', 'complaint', 'atFaultOrgId'] });
  // Complaints are routed by rule unless the caller chose the org; the routed org may lie outside
  // the caller's subtree (e.g. engineering at HQ): they keep seeing the order as its creator.
  const routed = input.orgId ? null : await routeNewComplaint(db, {
    category: input.complaint.category, defaultOrgPath: org.path, customerId: customer.id, customerGrade: customer.grade,
  });
  return {
    customer, unit, rule: routed?.rule ?? null, atFault: atFault ? { id: atFault.id, name: atFault.name } : null,
    org: routed ? { id: routed.org.id, name: routed.org.name, path: routed.org.path, serviceLevel: routed.org.service_level } : org,
  };
}

export async function createWorkOrder(db: Db, ctx: ServiceContext, input: CreateWorkOrderInput, opts: WorkOrderOptions): Promise<WorkOrderDetail> {
  const today = toShanghaiDate(ctx.now.toISOString());
  const faultDate = input.faultDate ?? today;
  if (faultDate > today) throw workOrderErrors.FAULT_DATE_IN_FUTURE({}, { path: ['body', 'faultDate'] });
  // The promise and its calendar are decided before the write transaction (cached reads).
  const first = await intake(db, ctx, input);
  const serviceLevel = input.serviceLevel ?? first.org.serviceLevel;
  const rule = selectSlaPolicy(await slaPolicyRules(db), { type: input.type, priority: input.priority, serviceLevel });
  const promise = rule ?? FALLBACK_PROMISE;
  const calendar = await calendarForNewOrder(db, first.org.id, promise.allHours);
  const id = newId();
  const now = ctx.now.toISOString();
  // PostgreSQL keeps the day's counter row locked until commit: numbered in a statement of its own,
  // concurrent creates wait for that one statement instead of for each other's transactions (a
  // create that fails after this leaves a gap in the day's numbers; a number is never used twice).
  // SQLite writes one transaction at a time anyway: numbered inside it, without gaps.
  const numbered = repo.isPostgres(db) ? await repo.nextOrderNumber(db, ctx.now) : null;
  const written = await db.transaction().execute(async (trx) => {
    const again = await intake(trx, ctx, input);
    const { customer, unit, org, rule: routedBy, atFault } = again;
    if (org.id !== first.org.id) throw httpErrors.VERSION_CONFLICT(); // moved between the two reads
    const since = new Date(ctx.now.getTime() - opts.repeatRepairDays * 86_400_000).toISOString();
    const earlier = unit && input.type === 'repair' ? await repo.latestRepairSince(trx, unit.id, since) : undefined;
    const managers = await repo.managersOf(trx, org.id);
    const row: WorkOrdersTable = {
      id, number: numbered ?? (await repo.nextOrderNumber(trx, ctx.now)), type: input.type, priority: input.priority, channel: input.channel, status: 'new', resume_status: null,
      service_level: serviceLevel, title: input.title, description: input.description, fault_category: input.faultCategory || null, fault_date: faultDate,
      caller_name: input.callerName || null, caller_phone: input.callerPhone || null, site_address: input.siteAddress || unit?.siteAddress || null,
      customer_id: customer.id, equipment_id: unit?.id ?? null, org_id: org.id, org_path: org.path, assignee_id: null,
      sla_policy_id: promise.id, sla_response_minutes: promise.responseMinutes, sla_arrival_minutes: promise.arrivalMinutes,
      sla_resolution_minutes: promise.resolutionMinutes, sla_warn_share: promise.warnShare, sla_all_hours: bool(promise.allHours), calendar_id: calendar.id,
      diagnosis_json: null, complaint_category: input.complaint?.category ?? null, at_fault_org_id: atFault?.id ?? null, routed_by_rule_id: routedBy?.id ?? null,
      complaint_response_json: null, is_repeat: bool(earlier !== undefined), repeat_of_id: earlier?.id ?? null, reopen_count: 0, resolved_at: null,
      response_due_at: null, arrival_due_at: null, resolution_due_at: null, next_sla_check_at: null,
      created_by: ctx.actor.userId, created_at: now, updated_at: now, version: 1,
    };
    // A new order's clocks follow from its one event: computed before the insert, written with it.
    const sla = computeOrderSla(row, calendar.calendar, [{ action: 'create', at: now }], now);
    Object.assign(row, {
      response_due_at: sla.due.response, arrival_due_at: sla.due.arrival, resolution_due_at: sla.due.resolution, next_sla_check_at: sla.nextCheckAt,
    });
    await repo.insertNewOrder(trx, row, sla.rows, {
      id: newId(), work_order_id: id, seq: 1, action: 'create', from_status: null, to_status: 'new', at: now,
      actor_id: ctx.actor.userId, actor_name: ctx.actor.name, note: null, data_json: JSON.stringify({ channel: input.channel, slaPolicyId: promise.id, ...(routedBy ? { routedBy: routedBy.name, orgName: org.name } : {}) }),
    });
    await recordAudit(trx, ctx, { entityType: 'work_order', entityId: id, orgPath: org.path, action: 'create', after: { ...input, number: row.number } });
    await notifyManagersOfNewOrder(trx, ctx, row, managers, org.name);
    return { row, sla, intake: again };
  });
  // The answer is built from what was just written (no read-back): the same detail GET returns.
  const { row, sla, intake: parties } = written;
  const named: OrderRow = {
    ...row, customer_name: parties.customer.name, org_name: parties.org.name, at_fault_org_name: parties.atFault?.name ?? null,
    routed_by_rule_name: parties.rule?.name ?? null, calendar_name: calendar.name, assignee_name: null,
    serial_no: parties.unit?.serialNo ?? null, model_name: parties.unit?.modelName ?? null,
  };
  return {
    ...toWorkOrder(named),
    allowedActions: allowedActions(stateOf(named)).filter((action) => mayAct(ctx, named, action)),
    sla: sla.targets,
    diagnosis: null,
    complaint: toComplaint(named),
  };
}

// Which permission each action needs; field steps are the assigned technician's own.
const actionPermission: Record<WorkOrderAction, Permission> = {
  accept: 'workorder.write',
  dispatch: 'workorder.dispatch',
  decline: 'workorder.field',
  start_travel: 'workorder.field',
  arrive: 'workorder.field',
  wait_parts: 'workorder.write',
  wait_customer: 'workorder.write',
  resume: 'workorder.write',
  resolve: 'workorder.write',
  confirm: 'workorder.write',
  close: 'workorder.write',
  cancel: 'workorder.write',
  reopen: 'workorder.write',
};
const fieldSteps: readonly WorkOrderAction[] = ['decline', 'start_travel', 'arrive'];
// What the assigned technician may do on their own job besides the field steps.
const assigneeSteps: readonly WorkOrderAction[] = ['wait_parts', 'wait_customer', 'resume', 'resolve', 'confirm'];

function mayAct(ctx: ServiceContext, row: Pick<WorkOrdersTable, 'assignee_id'>, action: WorkOrderAction): boolean {
  const isAssignee = row.assignee_id === ctx.actor.userId;
  if (fieldSteps.includes(action)) return isAssignee && can(ctx.actor.roles, 'workorder.field');
  if (isAssignee && assigneeSteps.includes(action) && can(ctx.actor.roles, 'workorder.field')) return true;
  return can(ctx.actor.roles, actionPermission[action]);
}

function transitionError(error: WorkOrderTransitionError, type: string) {
  if (error.reason === 'needs_assignee') return workOrderErrors.NEEDS_ASSIGNEE();
  if (error.reason === 'needs_site_visit') return workOrderErrors.NEEDS_SITE_VISIT({ type });
  return workOrderErrors.ILLEGAL_TRANSITION({ from: error.from, action: error.action });
}

/** Applies one lifecycle step: legal in the state machine, allowed to the caller, on the version they saw. */
export async function transitionWorkOrder(db: Db, ctx: ServiceContext, id: string, input: TransitionInput): Promise<WorkOrderDetail> {
  const calendar = await calendarOfOrder(db, await loadOrder(db, ctx, id));
  await db.transaction().execute(async (trx) => {
    const row = await loadOrder(trx, ctx, id);
    if (!mayAct(ctx, row, input.action)) {
      if (fieldSteps.includes(input.action) && can(ctx.actor.roles, 'workorder.field')) throw workOrderErrors.NOT_ASSIGNEE();
      throw workOrderErrors.ACTION_FORBIDDEN({ action: input.action });
    }
    if (row.version !== input.version) throw httpErrors.VERSION_CONFLICT();
    const patch: Partial<WorkOrdersTable> = {};
    const data: Record<string, unknown> = {};
    let note: string | null = null;
    let assigneeAfter = row.assignee_id;
    switch (input.action) {
      case 'dispatch': {
        let orgPath = row.org_path;
        if (input.orgId && input.orgId !== row.org_id) {
          // Regions dispatch to their outlets: the order moves to the outlet's scope.
          const org = await findOrg(trx, ctx.actor.scope, input.orgId);
          if (!org) throw orgErrors.ORG_NOT_FOUND({}, { path: ['body', 'orgId'] });
          Object.assign(patch, { org_id: org.id, org_path: org.path });
          orgPath = org.path;
          data.orgId = org.id;
          data.orgName = org.name;
        }
        if (input.assigneeId) {
          const tech = await repo.findAssignableTechnician(trx, input.assigneeId, orgPath);
          if (!tech) {
            const who = await trx.selectFrom('users').select('name').where('id', '=', input.assigneeId).executeTakeFirst();
            throw workOrderErrors.ASSIGNEE_INVALID({ name: who?.name ?? input.assigneeId }, { path: ['body', 'assigneeId'] });
          }
          assigneeAfter = tech.id;
          data.assigneeId = tech.id;
          data.assigneeName = tech.name;
        } else if (!input.orgId) {
          throw workOrderErrors.DISPATCH_TARGET_MISSING({}, { path: ['body'] });
        } else {
          assigneeAfter = null; // handed to an outlet, which dispatches its own technicians
        }
        patch.assignee_id = assigneeAfter;
        note = input.note || null;
        break;
      }
      case 'decline':
        assigneeAfter = null;
        patch.assignee_id = null;
        note = input.reason;
        break;
      case 'start_travel':
      case 'arrive':
        if (input.position) {
          data.position = input.position;
          await recordPosition(trx, ctx.actor.userId, input.position, ctx.now.toISOString());
        }
        note = input.note || null;
        break;
      case 'resolve':
        if (row.complaint_category === 'service_quality' && row.complaint_response_json === null) throw workOrderErrors.COMPLAINT_RESPONSE_REQUIRED();
        patch.diagnosis_json = JSON.stringify(input.diagnosis);
        patch.resolved_at = ctx.now.toISOString();
        data.diagnosis = input.diagnosis;
        note = input.note || null;
        break;
      case 'confirm':
        data.method = input.method;
        note = input.note || null;
        break;
      case 'reopen':
        patch.reopen_count = row.reopen_count + 1;
        patch.resolved_at = null;
        patch.is_repeat = bool(true);
        note = input.reason;
        break;
      case 'wait_parts':
      case 'wait_customer':
      case 'cancel':
        note = input.reason;
        break;
      default:
        note = input.note || null;
    }
    let next;
    try {
      // Travel and arrival need whoever is assigned after this step (a dispatch assigns).
      next = applyTransition({ ...stateOf(row), hasAssignee: (input.action === 'dispatch' ? assigneeAfter : row.assignee_id) !== null }, input.action);
    } catch (error) {
      if (error instanceof WorkOrderTransitionError) throw transitionError(error, row.type);
      throw error;
    }
    const now = ctx.now.toISOString();
    Object.assign(patch, { status: next.status, resume_status: next.resumeStatus, updated_at: now });
    if (!(await repo.updateOrder(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    await repo.insertEvent(trx, {
      id: newId(), work_order_id: id, seq: await repo.nextEventSeq(trx, id), action: input.action, from_status: row.status, to_status: next.status,
      at: now, actor_id: ctx.actor.userId, actor_name: ctx.actor.name, note, data_json: Object.keys(data).length > 0 ? JSON.stringify(data) : null,
    });
    const sla = await refreshOrderSla(trx, row, calendar, now);
    await trx.updateTable('work_orders').set({
      response_due_at: sla.due.response, arrival_due_at: sla.due.arrival, resolution_due_at: sla.due.resolution, next_sla_check_at: sla.nextCheckAt,
    }).where('id', '=', id).execute();
    await notifyStep(trx, ctx, row, input.action, {
      assigneeId: input.action === 'dispatch' ? assigneeAfter : null,
      ...(typeof data.assigneeName === 'string' ? { assigneeName: data.assigneeName } : {}),
      ...(typeof data.orgId === 'string' ? { orgId: data.orgId, orgName: String(data.orgName) } : {}),
    });
    await recordAudit(trx, ctx, {
      entityType: 'work_order', entityId: id, orgPath: patch.org_path ?? row.org_path, action: 'update',
      before: { status: row.status, assigneeId: row.assignee_id, orgId: row.org_id }, after: { action: input.action, status: next.status, ...data, note },
    });
    if (input.action === 'confirm') await afterOrderConfirmed(trx, ctx, id); // 回访 sampling, in the confirm transaction
  });
  return getWorkOrder(db, ctx, id);
}

// ── The customer's side (portal) ─────────────────────────────────────────────────────────────
// A customer is no staff user: the portal proves who they are (phone + one-time code) and passes
// their customer id; these functions only ever touch that customer's own orders.

/** The customer's own orders, newest first (at most 100). */
export async function listCustomerOrders(db: Db, customerId: string): Promise<WorkOrder[]> {
  const rows = await repo.listOrdersOfCustomer(db, customerId, 100);
  return rows.map(toWorkOrder);
}

export async function getCustomerOrder(db: Db, customerId: string, id: string): Promise<WorkOrderDetail> {
  const row = await repo.findOrderOfCustomer(db, customerId, id);
  if (!row) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
  const sla = computeOrderSla(row, await calendarOfOrder(db, row), await repo.listEvents(db, id), new Date().toISOString());
  return {
    ...toWorkOrder(row),
    allowedActions: row.status === 'resolved' ? ['confirm'] : [],
    sla: sla.targets,
    diagnosis: toDiagnosis(row.diagnosis_json),
    complaint: toComplaint(row),
  };
}

/** 客户确认: the customer confirms a resolved order in the portal; recorded with their name. */
export async function confirmByCustomer(
  db: Db,
  ctx: AnonymousContext,
  who: { customerId: string; name: string },
  id: string,
  input: { version: number; note?: string | undefined; satisfied?: boolean | undefined },
): Promise<WorkOrderDetail> {
  const pre = await repo.findOrderOfCustomer(db, who.customerId, id);
  if (!pre) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
  const calendar = await calendarOfOrder(db, pre);
  await db.transaction().execute(async (trx) => {
    const row = await repo.findOrderOfCustomer(trx, who.customerId, id);
    if (!row) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
    if (row.version !== input.version) throw httpErrors.VERSION_CONFLICT();
    let next;
    try {
      next = applyTransition(stateOf(row), 'confirm');
    } catch (error) {
      if (error instanceof WorkOrderTransitionError) throw transitionError(error, row.type);
      throw error;
    }
    const now = ctx.now.toISOString();
    if (!(await repo.updateOrder(trx, id, input.version, { status: next.status, resume_status: next.resumeStatus, updated_at: now }))) throw httpErrors.VERSION_CONFLICT();
    await repo.insertEvent(trx, {
      id: newId(), work_order_id: id, seq: await repo.nextEventSeq(trx, id), action: 'confirm', from_status: row.status, to_status: next.status,
      at: now, actor_id: null, actor_name: `${who.name}(客户)`, note: input.note || null,
      data_json: JSON.stringify({ method: 'portal', ...(input.satisfied !== undefined ? { satisfied: input.satisfied } : {}) }),
    });
    const sla = await refreshOrderSla(trx, row, calendar, now);
    await trx.updateTable('work_orders').set({ next_sla_check_at: sla.nextCheckAt }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entityType: 'work_order', entityId: id, orgPath: row.org_path, action: 'update', actor: { id: null, name: `${who.name}(客户)` },
      before: { status: row.status }, after: { action: 'confirm', method: 'portal', status: next.status },
    });
    await afterOrderConfirmed(trx, ctx, id); // 回访 sampling, in the confirm transaction
  });
  return getCustomerOrder(db, who.customerId, id);
}

/**
 * 网上报修: a customer reports a problem in the portal (channel portal). The same promise, number,
 * SLA clocks, repeat check and managers' notice as a hotline order; no staff user acts.
 */
export async function createOrderByCustomer(
  db: Db,
  ctx: AnonymousContext,
  who: { customerId: string; phone: string },
  input: Pick<CreateWorkOrderInput, 'type' | 'title' | 'description' | 'faultDate' | 'siteAddress'> & {
    equipmentId?: string | undefined;
    complaintCategory?: ComplaintCategory | undefined;
  },
  opts: WorkOrderOptions,
): Promise<WorkOrderDetail> {
  const today = toShanghaiDate(ctx.now.toISOString());
  const faultDate = input.faultDate ?? today;
  if (faultDate > today) throw workOrderErrors.FAULT_DATE_IN_FUTURE({}, { path: ['body', 'faultDate'] });
  const customer = await findCustomer(db, allScope, who.customerId);
  if (!customer?.is_active) throw customerErrors.CUSTOMER_NOT_FOUND({}, { path: ['body', 'customerId'] });
  const unit = input.equipmentId ? await findUnit(db, allScope, input.equipmentId) : undefined;
  if (input.equipmentId && unit?.customer_id !== customer.id) throw equipmentErrors.EQUIPMENT_NOT_FOUND({}, { path: ['body', 'equipmentId'] });
  const home = await findOrg(db, allScope, unit?.outlet_org_id ?? customer.org_id);
  if (!home) throw orgErrors.ORG_NOT_FOUND();
  // A complaint goes where the routing rules send it, like one taken by the hotline.
  const complaintCategory = input.type === 'complaint' ? input.complaintCategory ?? 'other' : null;
  const routed = complaintCategory ? await routeNewComplaint(db, {
    category: complaintCategory, defaultOrgPath: home.path, customerId: customer.id, customerGrade: customer.grade,
  }) : null;
  const org = routed?.org ?? home;
  const promise = selectSlaPolicy(await slaPolicyRules(db), { type: input.type, priority: 'normal', serviceLevel: org.service_level }) ?? FALLBACK_PROMISE;
  const calendar = await calendarForNewOrder(db, org.id, promise.allHours);
  const id = newId();
  const now = ctx.now.toISOString();
  const actorName = `${customer.name}(客户)`;
  await db.transaction().execute(async (trx) => {
    const since = new Date(ctx.now.getTime() - opts.repeatRepairDays * 86_400_000).toISOString();
    const earlier = unit && input.type === 'repair' ? await repo.latestRepairSince(trx, unit.id, since) : undefined;
    const row: WorkOrdersTable = {
      id, number: await repo.nextOrderNumber(trx, ctx.now), type: input.type, priority: 'normal', channel: 'portal', status: 'new', resume_status: null,
      service_level: org.service_level, title: input.title, description: input.description, fault_category: null, fault_date: faultDate,
      caller_name: customer.name, caller_phone: who.phone, site_address: input.siteAddress || unit?.site_address || null,
      customer_id: customer.id, equipment_id: unit?.id ?? null, org_id: org.id, org_path: org.path, assignee_id: null,
      sla_policy_id: promise.id, sla_response_minutes: promise.responseMinutes, sla_arrival_minutes: promise.arrivalMinutes,
      sla_resolution_minutes: promise.resolutionMinutes, sla_warn_share: promise.warnShare, sla_all_hours: bool(promise.allHours), calendar_id: calendar.id,
      diagnosis_json: null, complaint_category: complaintCategory, at_fault_org_id: null, routed_by_rule_id: routed?.rule.id ?? null,
      complaint_response_json: null, is_repeat: bool(earlier !== undefined), repeat_of_id: earlier?.id ?? null, reopen_count: 0, resolved_at: null,
      response_due_at: null, arrival_due_at: null, resolution_due_at: null, next_sla_check_at: null,
      created_by: null, created_at: now, updated_at: now, version: 1,
    };
    // The clocks start now, as for a hotline order: due times and SLA rows written with the order.
    const sla = computeOrderSla(row, calendar.calendar, [{ action: 'create', at: now }], now);
    Object.assign(row, {
      response_due_at: sla.due.response, arrival_due_at: sla.due.arrival, resolution_due_at: sla.due.resolution, next_sla_check_at: sla.nextCheckAt,
    });
    await repo.insertNewOrder(trx, row, sla.rows, {
      id: newId(), work_order_id: id, seq: 1, action: 'create', from_status: null, to_status: 'new', at: now, actor_id: null, actor_name: actorName, note: null,
      data_json: JSON.stringify({ channel: 'portal', slaPolicyId: promise.id, ...(routed ? { routedBy: routed.rule.name, orgName: org.name } : {}) }),
    });
    await recordAudit(trx, ctx, { entityType: 'work_order', entityId: id, orgPath: org.path, action: 'create', actor: { id: null, name: actorName }, after: { ...input, channel: 'portal', number: row.number } });
    const managers = await repo.managersOf(trx, org.id);
    await notify(trx, ctx.now, {
      userIds: managers.map((m) => m.id), kind: 'assignment', title: `新工单 ${row.number} 待${org.name}处理`, body: row.title, link: `/work-orders/${id}`, entity: { type: 'work_order', id },
    });
  });
  return getCustomerOrder(db, who.customerId, id);
}

import {
  allScope, selectSlaPolicy, toShanghaiDate,
  type ListRecoveryCasesQuery, type Page, type RecoveryCase, type RecoverySettings,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext, ServiceContext } from '../../context.js';
import type { WorkOrdersTable } from '../../db/schema.js';
import { bool, newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCustomer } from '../customers/customers.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { findOrg } from '../orgs/orgs.repository.js';
import * as orders from '../workorders/workorders.repository.js';
import { calendarForNewOrder, computeOrderSla, toRule } from '../workorders/workorders.sla.service.js';
import { recoveryErrors } from './recovery.errors.js';
import * as repo from './recovery.repository.js';

// 服务补救: a callback or survey answer below the threshold opens a complaint order (service
// quality, high priority, its own SLA by the normal policies) linked to the answer and the
// original order. When that order is confirmed a follow-up callback measures whether it worked.

export type RecoverySource = 'callback' | 'survey';
export const DEFAULT_RECOVERY_THRESHOLD = 60;
// Built-in promise when no SLA policy matches (same as a hotline order's).
const FALLBACK_PROMISE = { id: null, responseMinutes: 30, arrivalMinutes: 24 * 60, resolutionMinutes: 24 * 60, allHours: false, warnShare: 0.8 };

/** The 0–100 score below which an answer opens a recovery case (HQ setting, default 60). */
export async function recoveryThreshold(db: Db): Promise<number> {
  return (await repo.readThreshold(db)) ?? DEFAULT_RECOVERY_THRESHOLD;
}

export async function getRecoverySettings(db: Db): Promise<RecoverySettings> {
  return { threshold: await recoveryThreshold(db) };
}

export async function updateRecoverySettings(db: Db, ctx: ServiceContext, input: RecoverySettings): Promise<RecoverySettings> {
  await db.transaction().execute(async (trx) => {
    const before = await recoveryThreshold(trx);
    await repo.writeThreshold(trx, input.threshold);
    await recordAudit(trx, ctx, { entityType: 'recovery_settings', entityId: 'threshold', orgPath: ctx.actor.orgPath, action: 'update', before: { threshold: before }, after: input });
  });
  return getRecoverySettings(db);
}

export type OpenRecoveryInput = {
  source: RecoverySource;
  sourceId: string;
  workOrderId: string | null;
  customerId: string;
  score: number;
  reason: string;
};

/**
 * Opens a recovery case and its order inside the caller's transaction (every read uses `trx`:
 * SQLite has one connection). Null when a case for this source already exists.
 */
export async function openRecoveryCase(trx: Db, ctx: ServiceContext | AnonymousContext, input: OpenRecoveryInput): Promise<{ id: string; workOrderId: string } | null> {
  if (await repo.findCaseBySource(trx, input.source, input.sourceId)) return null;
  const customer = await findCustomer(trx, allScope, input.customerId);
  if (!customer) throw recoveryErrors.RECOVERY_CUSTOMER_NOT_FOUND();
  const original = input.workOrderId
    ? await trx.selectFrom('work_orders').select(['id', 'number', 'org_id', 'equipment_id', 'site_address', 'caller_name', 'caller_phone']).where('id', '=', input.workOrderId).executeTakeFirst()
    : undefined;
  const org = await findOrg(trx, allScope, original?.org_id ?? customer.org_id);
  if (!org) throw recoveryErrors.RECOVERY_CUSTOMER_NOT_FOUND();
  const promise = selectSlaPolicy((await orders.listSlaPolicies(trx)).map(toRule), { type: 'complaint', priority: 'high', serviceLevel: org.service_level }) ?? FALLBACK_PROMISE;
  const calendar = await calendarForNewOrder(trx, org.id, promise.allHours);
  const now = ctx.now.toISOString();
  const number = await orders.nextOrderNumber(trx, ctx.now);
  const orderId = newId();
  const sourceLabel = input.source === 'callback' ? '回访' : '满意度调查';
  const row: WorkOrdersTable = {
    id: orderId, number, type: 'complaint', priority: 'high', channel: 'hotline', status: 'new', resume_status: null,
    service_level: org.service_level, title: `服务补救:${sourceLabel}低分 ${Math.round(input.score)} 分${original ? `(原工单 ${original.number})` : ''}`.slice(0, 100),
    description: input.reason.slice(0, 4000) || `${sourceLabel}得分 ${input.score}`, fault_category: null, fault_date: toShanghaiDate(now),
    caller_name: original?.caller_name ?? customer.name, caller_phone: original?.caller_phone ?? null, site_address: original?.site_address ?? null,
    customer_id: customer.id, equipment_id: original?.equipment_id ?? null, org_id: org.id, org_path: org.path, assignee_id: null,
    sla_policy_id: promise.id, sla_response_minutes: promise.responseMinutes, sla_arrival_minutes: promise.arrivalMinutes,
    sla_resolution_minutes: promise.resolutionMinutes, sla_warn_share: promise.warnShare, sla_all_hours: bool(promise.allHours), calendar_id: calendar.id,
    diagnosis_json: null, complaint_category: 'service_quality', at_fault_org_id: original ? org.id : null, routed_by_rule_id: null,
    complaint_response_json: null, is_repeat: bool(false), repeat_of_id: original?.id ?? null, reopen_count: 0, resolved_at: null,
    response_due_at: null, arrival_due_at: null, resolution_due_at: null, next_sla_check_at: null,
    created_by: ctx.actor?.userId ?? null, created_at: now, updated_at: now, version: 1,
  };
  const sla = computeOrderSla(row, calendar.calendar, [{ action: 'create', at: now }], now);
  Object.assign(row, { response_due_at: sla.due.response, arrival_due_at: sla.due.arrival, resolution_due_at: sla.due.resolution, next_sla_check_at: sla.nextCheckAt });
  const caseId = newId();
  // The order, its SLA rows and its first event as a hotline order is written (one statement on PostgreSQL).
  await orders.insertNewOrder(trx, row, sla.rows, {
    id: newId(), work_order_id: orderId, seq: 1, action: 'create', from_status: null, to_status: 'new', at: now,
    actor_id: ctx.actor?.userId ?? null, actor_name: ctx.actor?.name ?? '系统', note: null,
    data_json: JSON.stringify({ channel: 'hotline', slaPolicyId: promise.id, recovery: { caseId, source: input.source, sourceId: input.sourceId, score: input.score } }),
  });
  await repo.insertCase(trx, {
    id: caseId, source: input.source, source_id: input.sourceId, status: 'open', original_work_order_id: original?.id ?? null,
    recovery_work_order_id: orderId, customer_id: customer.id, org_path: org.path, score: input.score, reason: input.reason.slice(0, 2000),
    follow_up_task_id: null, follow_up_score: null, created_at: now, closed_at: null, version: 1,
  });
  await recordAudit(trx, ctx, { entityType: 'recovery_case', entityId: caseId, orgPath: org.path, action: 'create', after: { ...input, recoveryOrder: number } });
  const managers = await orders.managersOf(trx, org.id);
  await notify(trx, ctx.now, {
    userIds: managers.map((m) => m.id), kind: 'assignment', title: `服务补救工单 ${number} 待${org.name}处理`, body: row.title, link: `/work-orders/${orderId}`, entity: { type: 'work_order', id: orderId },
  });
  return { id: caseId, workOrderId: orderId };
}

/** The open case whose recovery order this is (the confirm hook asks), or undefined. */
export function findCaseOfRecoveryOrder(trx: Db, workOrderId: string) {
  return repo.findCaseByRecoveryOrder(trx, workOrderId);
}

/** Links the follow-up callback to the case once the recovery order is confirmed. */
export async function startFollowUp(trx: Db, caseRow: { id: string; version: number }, taskId: string): Promise<void> {
  await repo.updateCase(trx, caseRow.id, caseRow.version, { status: 'follow_up', follow_up_task_id: taskId });
}

/**
 * The follow-up callback's verdict: a score at or above the threshold means the recovery worked,
 * unless the customer says the fault is still there (or was never reached).
 */
export async function closeFollowUp(trx: Db, ctx: ServiceContext, caseId: string, outcome: { score: number | null; threshold: number; isFixed: boolean }): Promise<void> {
  const row = await repo.findCaseById(trx, caseId);
  if (!row || row.status !== 'follow_up') return;
  const succeeded = outcome.isFixed && outcome.score !== null && outcome.score >= outcome.threshold;
  const status = succeeded ? 'succeeded' : 'failed';
  await repo.updateCase(trx, row.id, row.version, { status, follow_up_score: outcome.score, closed_at: ctx.now.toISOString() });
  await recordAudit(trx, ctx, { entityType: 'recovery_case', entityId: row.id, orgPath: row.org_path, action: 'update', before: { status: row.status }, after: { status, followUpScore: outcome.score } });
}

const toCase = (r: repo.CaseRow): RecoveryCase => ({
  id: r.id, source: r.source, sourceId: r.source_id, status: r.status, score: Math.round(Number(r.score) * 10) / 10, reason: r.reason,
  customer: { id: r.customer_id, name: r.customer_name },
  originalOrder: r.original_work_order_id && r.original_number ? { id: r.original_work_order_id, number: r.original_number } : null,
  recoveryOrder: { id: r.recovery_work_order_id, number: r.recovery_number ?? '', status: r.recovery_status ?? 'new' },
  followUpTaskId: r.follow_up_task_id, followUpScore: r.follow_up_score === null ? null : Math.round(Number(r.follow_up_score) * 10) / 10,
  createdAt: new Date(r.created_at).toISOString(), closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
});

export async function listRecoveryCases(db: Db, ctx: ServiceContext, q: ListRecoveryCasesQuery): Promise<Page<RecoveryCase>> {
  const { rows, total } = await repo.listCases(db, ctx.actor.scope, q);
  return { items: rows.map(toCase), total, page: q.page, pageSize: q.pageSize };
}

export async function getRecoveryCase(db: Db, ctx: ServiceContext, id: string): Promise<RecoveryCase> {
  const row = await repo.getCase(db, ctx.actor.scope, id);
  if (!row) throw recoveryErrors.RECOVERY_CASE_NOT_FOUND();
  return toCase(row);
}

/** Success rate of recovery over cases opened in [from, to): succeeded / (succeeded + failed). */
export async function recoveryStats(db: Db, ctx: ServiceContext, from: string, to: string) {
  const rows = await repo.countCasesByStatus(db, ctx.actor.scope, from, to);
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  const opened = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const succeeded = n('succeeded');
  const failed = n('failed');
  return { opened, succeeded, failed, successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null };
}

import {
  allScope, applyTransition, callbackScript, isFalseCompletion, isLowScore, nextAttemptAt, scoreCallback, WorkOrderTransitionError,
  type CallbackAnswers, type CallbackDetail, type CallbackPolicy, type CallbackPolicyInput, type CallbackStats, type CallbackStatsQuery, type CallbackTask,
  type ListCallbacksQuery, type Page, type RecordCallbackOutcomeInput, type ServiceLevel,
} from '@sht/domain';
import type { BusinessCalendar } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { CallbackTasksTable } from '../../db/schema.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { closeFollowUp, openRecoveryCase, recoveryStats, recoveryThreshold } from '../recovery/recovery.service.js';
import * as orders from '../workorders/workorders.repository.js';
import { toDiagnosis } from '../workorders/workorders.mapper.js';
import { calendarOfOrder, refreshOrderSla } from '../workorders/workorders.sla.service.js';
import { callbackErrors } from './callbacks.errors.js';
import { toAnswers, toPolicy, toTask } from './callbacks.mapper.js';
import * as repo from './callbacks.repository.js';

// 回访: the agents' queue, the call and its outcome. A reached customer's answers are scored;
// 虚假完工 reopens the order, a low score opens a recovery case, both in the outcome's transaction.

async function loadTask(db: Db, ctx: ServiceContext, id: string): Promise<repo.TaskRow> {
  const row = await repo.findTask(db, ctx.actor.scope, id);
  if (!row) throw callbackErrors.CALLBACK_NOT_FOUND();
  return row;
}

export async function listCallbacks(db: Db, ctx: ServiceContext, q: ListCallbacksQuery): Promise<Page<CallbackTask>> {
  const now = ctx.now.toISOString();
  const { rows, total } = await repo.listTasks(db, ctx.actor.scope, ctx.actor.userId, q, now);
  return { items: rows.map((r) => toTask(r, now)), total, page: q.page, pageSize: q.pageSize };
}

export async function getCallback(db: Db, ctx: ServiceContext, id: string): Promise<CallbackDetail> {
  const row = await loadTask(db, ctx, id);
  const history = await repo.listAttempts(db, id);
  const equipment = row.equipment_id
    ? await db.selectFrom('equipment_units').innerJoin('product_models', 'product_models.id', 'equipment_units.model_id')
      .select(['equipment_units.serial_no', 'product_models.name']).where('equipment_units.id', '=', row.equipment_id).executeTakeFirst()
    : undefined;
  const task = toTask(row, ctx.now.toISOString());
  return {
    ...task,
    answers: toAnswers(row.answers_json),
    history: history.map((h) => ({ seq: h.seq, outcome: h.outcome, note: h.note, at: new Date(h.at).toISOString(), actorName: h.actor_name })),
    script: callbackScript({ customerName: row.caller_name ?? task.customer.name, orgName: task.org.name, orderNumber: task.workOrder.number, title: task.workOrder.title, technicianName: task.technician?.name ?? null }),
    order: {
      description: row.order_description, siteAddress: row.site_address, equipment: equipment ? `${equipment.name} ${equipment.serial_no}` : null,
      diagnosis: toDiagnosis(row.diagnosis_json), resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(), callerName: row.caller_name,
    },
  };
}

/** An agent takes a task from the queue; a task someone else holds is not taken over silently. */
export async function claimCallback(db: Db, ctx: ServiceContext, id: string, version: number): Promise<CallbackDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadTask(trx, ctx, id);
    if (row.status !== 'pending') throw callbackErrors.CALLBACK_CLOSED({ status: row.status });
    if (row.assignee_id && row.assignee_id !== ctx.actor.userId) throw callbackErrors.CALLBACK_CLAIMED({ name: row.assignee_name ?? '' });
    if (row.version !== version || !(await repo.updateTask(trx, id, version, { assignee_id: ctx.actor.userId, updated_at: ctx.now.toISOString() }))) throw httpErrors.VERSION_CONFLICT();
    await recordAudit(trx, ctx, { entityType: 'callback_task', entityId: id, orgPath: row.org_path, action: 'update', before: { assigneeId: row.assignee_id }, after: { claim: ctx.actor.userId } });
  });
  return getCallback(db, ctx, id);
}

/** 虚假完工: the customer says the work was not done; the order goes back into work, flagged. */
async function reopenForFalseCompletion(trx: Db, ctx: ServiceContext, task: repo.TaskRow, answers: CallbackAnswers, calendar: BusinessCalendar): Promise<boolean> {
  const order = await orders.findOrder(trx, allScope, ctx.actor.userId, task.work_order_id);
  if (!order) return false;
  let next;
  try {
    next = applyTransition({ status: order.status, resumeStatus: order.resume_status, type: order.type, hasAssignee: order.assignee_id !== null }, 'reopen');
  } catch (error) {
    if (error instanceof WorkOrderTransitionError) return false; // already back in work: the flag on the callback stands
    throw error;
  }
  const now = ctx.now.toISOString();
  const patch = { status: next.status, resume_status: next.resumeStatus, reopen_count: order.reopen_count + 1, resolved_at: null, is_repeat: bool(true), updated_at: now };
  if (!(await orders.updateOrder(trx, order.id, order.version, patch))) throw httpErrors.VERSION_CONFLICT();
  const note = answers.faultFixed === 'not_done' ? '回访:客户反映未实际维修(虚假完工)' : '回访:客户反映故障未排除(虚假完工)';
  await orders.insertEvent(trx, {
    id: newId(), work_order_id: order.id, seq: await orders.nextEventSeq(trx, order.id), action: 'reopen', from_status: order.status, to_status: next.status,
    at: now, actor_id: ctx.actor.userId, actor_name: ctx.actor.name, note,
    data_json: JSON.stringify({ falseCompletion: true, callbackId: task.id, faultFixed: answers.faultFixed }),
  });
  const sla = await refreshOrderSla(trx, order, calendar, now);
  await trx.updateTable('work_orders').set({
    response_due_at: sla.due.response, arrival_due_at: sla.due.arrival, resolution_due_at: sla.due.resolution, next_sla_check_at: sla.nextCheckAt,
  }).where('id', '=', order.id).execute();
  await recordAudit(trx, ctx, {
    entityType: 'work_order', entityId: order.id, orgPath: order.org_path, action: 'update',
    before: { status: order.status }, after: { action: 'reopen', status: next.status, falseCompletion: true, callbackId: task.id },
  });
  return true;
}

function reasonOf(answers: CallbackAnswers, score: number): string {
  const r = answers.ratings;
  const parts = [`回访得分 ${score}`, `及时 ${r.timeliness} 态度 ${r.attitude} 质量 ${r.quality} 总体 ${r.overall}(1–5 分)`];
  if (!answers.arrivedOnTime) parts.push('未按约定时间到达');
  if (answers.charged) parts.push(`收费 ${((answers.chargedFen ?? 0) / 100).toFixed(2)} 元`);
  if (answers.comment) parts.push(`客户意见:${answers.comment}`);
  return parts.join(';');
}

/** Records one call: reached (scored), not reached (retry or give up), refused, wrong number. */
export async function recordOutcome(db: Db, ctx: ServiceContext, id: string, input: RecordCallbackOutcomeInput): Promise<CallbackDetail> {
  const pre = await loadTask(db, ctx, id);
  const orderRow = await db.selectFrom('work_orders').select(['calendar_id', 'sla_all_hours']).where('id', '=', pre.work_order_id).executeTakeFirstOrThrow();
  const calendar = await calendarOfOrder(db, orderRow);
  await db.transaction().execute(async (trx) => {
    const task = await loadTask(trx, ctx, id);
    if (task.status !== 'pending') throw callbackErrors.CALLBACK_CLOSED({ status: task.status });
    if (task.version !== input.version) throw httpErrors.VERSION_CONFLICT();
    const now = ctx.now.toISOString();
    const attempts = task.attempts + 1;
    const patch: Partial<CallbackTasksTable> = { attempts, updated_at: now, assignee_id: task.assignee_id ?? ctx.actor.userId };
    const after: Record<string, unknown> = { outcome: input.outcome };
    let followUp: { score: number | null; isFixed: boolean } | null = null;
    switch (input.outcome) {
      case 'reached': {
        const score = scoreCallback(input.answers.ratings);
        const falseCompletion = isFalseCompletion(input.answers.faultFixed);
        Object.assign(patch, {
          status: 'completed', score, answers_json: JSON.stringify(input.answers), is_false_completion: bool(falseCompletion),
          completed_at: now, completed_by: ctx.actor.userId, next_attempt_at: null,
        });
        Object.assign(after, { score, falseCompletion });
        if (falseCompletion) after.reopened = await reopenForFalseCompletion(trx, ctx, task, input.answers, calendar);
        if (task.kind === 'recovery') {
          followUp = { score, isFixed: !falseCompletion };
        } else {
          const policy = await repo.findPolicy(trx, task.service_level);
          if (policy && isLowScore(score, Number(policy.low_score_threshold))) {
            const opened = await openRecoveryCase(trx, ctx, {
              source: 'callback', sourceId: task.id, workOrderId: task.work_order_id, customerId: task.customer_id, score, reason: reasonOf(input.answers, score),
            });
            if (opened) {
              patch.recovery_case_id = opened.id;
              after.recoveryCaseId = opened.id;
            }
          }
        }
        break;
      }
      case 'not_reached': {
        const next = nextAttemptAt(JSON.parse((await repo.findPolicy(trx, task.service_level))?.retry_minutes ?? '[]') as number[], attempts, now);
        // The retry schedule in force when the task was made caps the attempts.
        if (next !== null && attempts < task.max_attempts) {
          patch.next_attempt_at = next;
        } else {
          Object.assign(patch, { status: 'unreachable', next_attempt_at: null, completed_at: now, completed_by: ctx.actor.userId });
          if (task.kind === 'recovery') followUp = { score: null, isFixed: false };
        }
        after.nextAttemptAt = patch.next_attempt_at;
        break;
      }
      case 'refused':
      case 'wrong_number':
        Object.assign(patch, { status: input.outcome, next_attempt_at: null, completed_at: now, completed_by: ctx.actor.userId });
        if (task.kind === 'recovery') followUp = { score: null, isFixed: false };
        break;
      default: {
        const never: never = input;
        throw new Error(`unknown outcome ${JSON.stringify(never)}`);
      }
    }
    if (!(await repo.updateTask(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    await repo.insertAttempt(trx, {
      id: newId(), task_id: id, seq: attempts, outcome: input.outcome, note: input.note || null, at: now, actor_id: ctx.actor.userId, actor_name: ctx.actor.name,
    });
    if (followUp && task.recovery_case_id) await closeFollowUp(trx, ctx, task.recovery_case_id, { ...followUp, threshold: await recoveryThreshold(trx) });
    await recordAudit(trx, ctx, { entityType: 'callback_task', entityId: id, orgPath: task.org_path, action: 'update', before: { status: task.status, attempts: task.attempts }, after });
  });
  return getCallback(db, ctx, id);
}

// ── Policy (HQ) ──────────────────────────────────────────────────────────────────────────────

export async function listPolicies(db: Db): Promise<{ items: CallbackPolicy[] }> {
  return { items: (await repo.listPolicies(db)).map(toPolicy) };
}

export async function updatePolicy(db: Db, ctx: ServiceContext, level: ServiceLevel, input: CallbackPolicyInput): Promise<CallbackPolicy> {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findPolicy(trx, level);
    if (!before) throw httpErrors.NOT_FOUND();
    const { version, ...values } = input;
    const ok = await repo.updatePolicy(trx, level, version, {
      share: values.share, delay_minutes: values.delayMinutes, retry_minutes: JSON.stringify(values.retryMinutes), low_score_threshold: values.lowScoreThreshold,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw httpErrors.VERSION_CONFLICT();
    await recordAudit(trx, ctx, { entityType: 'callback_policy', entityId: level, orgPath: ctx.actor.orgPath, action: 'update', before: toPolicy(before), after: values });
  });
  const row = await repo.findPolicy(db, level);
  if (!row) throw httpErrors.NOT_FOUND();
  return toPolicy(row);
}

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

/** Shanghai calendar dates to the UTC instants that bound them: [from 00:00, to+1 00:00). */
function periodOf(q: CallbackStatsQuery): { from: string; to: string } {
  const from = new Date(`${q.from}T00:00:00+08:00`).toISOString();
  const to = new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return { from, to };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

export async function callbackStats(db: Db, ctx: ServiceContext, q: CallbackStatsQuery): Promise<CallbackStats> {
  const { from, to } = periodOf(q);
  const scope = ctx.actor.scope;
  const byOrg = (await repo.rateByOrg(db, scope, from, to)).map((r) => ({
    org: { id: r.orgId, name: r.name }, required: r.required, done: r.done, onTime: r.onTime, rate: ratio(r.done, r.required), timeliness: ratio(r.onTime, r.done),
  }));
  return {
    from: q.from, to: q.to, byOrg,
    technicians: await repo.scoresBy(db, scope, 'technician', from, to),
    outlets: await repo.scoresBy(db, scope, 'org', from, to),
    recovery: await recoveryStats(db, ctx, from, to),
  };
}

import { isSampled, maxAttempts } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext, ServiceContext } from '../../context.js';
import { newId, bool } from '../../db/ids.js';
import { nextCounter } from '../workorders/workorders.repository.js';
import { findCaseOfRecoveryOrder, startFollowUp } from '../recovery/recovery.service.js';
import * as repo from './callbacks.repository.js';

// The confirm hook: called by both confirm paths of work orders (staff and customer portal)
// inside their transaction, so an order is never confirmed without its callback decision.

/**
 * Decides and creates the callback of a just-confirmed order:
 * - a recovery order gets its follow-up callback (never sampled: it measures the recovery);
 * - an order called back before (e.g. reopened after 虚假完工) is always called again;
 * - any other order is taken by its service level's exact-share sampler.
 */
export async function afterOrderConfirmed(trx: Db, ctx: ServiceContext | AnonymousContext, orderId: string): Promise<{ taskId: string } | null> {
  const order = await trx.selectFrom('work_orders')
    .select(['id', 'customer_id', 'org_id', 'org_path', 'assignee_id', 'service_level'])
    .where('id', '=', orderId).executeTakeFirstOrThrow();
  const policy = await repo.findPolicy(trx, order.service_level);
  if (!policy) return null;
  const recovery = await findCaseOfRecoveryOrder(trx, orderId);
  const earlier = await repo.tasksOfOrder(trx, orderId);
  if (earlier.some((t) => t.status === 'pending')) return null;
  let kind: 'order' | 'recovery' = 'order';
  if (recovery) {
    if (recovery.status !== 'open') return null;
    kind = 'recovery';
  } else if (earlier.length === 0) {
    const n = (await nextCounter(trx, `callback_sample:${order.service_level}`)) - 1;
    if (!isSampled(n, Number(policy.share))) return null;
  }
  const now = ctx.now.toISOString();
  const retries = JSON.parse(policy.retry_minutes) as number[];
  const taskId = newId();
  await repo.insertTask(trx, {
    id: taskId, kind, status: 'pending', work_order_id: order.id, recovery_case_id: recovery?.id ?? null, customer_id: order.customer_id,
    org_id: order.org_id, org_path: order.org_path, technician_id: order.assignee_id, service_level: order.service_level, assignee_id: null,
    due_at: new Date(ctx.now.getTime() + policy.delay_minutes * 60_000).toISOString(), next_attempt_at: now, attempts: 0,
    max_attempts: maxAttempts(retries), answers_json: null, score: null, is_false_completion: bool(false), completed_at: null, completed_by: null, overdue_notified_at: null,
    created_at: now, updated_at: now, version: 1,
  });
  if (recovery) await startFollowUp(trx, recovery, taskId);
  return { taskId };
}

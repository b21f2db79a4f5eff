import { callbackAnswersSchema, type CallbackAnswers, type CallbackPolicy, type CallbackTask } from '@sht/domain';
import type { CallbackPoliciesTable } from '../../db/schema.js';
import type { TaskRow } from './callbacks.repository.js';

// Rows (snake_case) to API shapes (camelCase), mapped visibly.

const iso = (v: string) => new Date(v).toISOString();
// real columns come back as float4 on PostgreSQL: one decimal is all a score carries.
const oneDecimal = (v: number | string) => Math.round(Number(v) * 10) / 10;

export const toPolicy = (r: CallbackPoliciesTable): CallbackPolicy => ({
  serviceLevel: r.service_level,
  share: Math.round(Number(r.share) * 10_000) / 10_000,
  delayMinutes: r.delay_minutes,
  retryMinutes: JSON.parse(r.retry_minutes) as number[],
  lowScoreThreshold: oneDecimal(r.low_score_threshold),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export function toTask(r: TaskRow, now: string): CallbackTask {
  return {
    id: r.id, kind: r.kind, status: r.status,
    workOrder: { id: r.work_order_id, number: r.order_number, title: r.order_title, type: r.order_type, status: r.order_status },
    customer: { id: r.customer_id, name: r.customer_name ?? '' },
    phone: r.caller_phone,
    org: { id: r.org_id, name: r.org_name ?? '' },
    technician: r.technician_id ? { id: r.technician_id, name: r.technician_name ?? '' } : null,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    serviceLevel: r.service_level,
    dueAt: iso(r.due_at),
    nextAttemptAt: r.next_attempt_at === null ? null : iso(r.next_attempt_at),
    isOverdue: r.status === 'pending' && iso(r.due_at) < now,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    score: r.score === null ? null : oneDecimal(r.score),
    isFalseCompletion: Boolean(r.is_false_completion),
    recoveryCaseId: r.recovery_case_id,
    completedAt: r.completed_at === null ? null : iso(r.completed_at),
    createdAt: iso(r.created_at),
    version: r.version,
  };
}

export function toAnswers(json: string | null): CallbackAnswers | null {
  if (json === null) return null;
  const parsed = callbackAnswersSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

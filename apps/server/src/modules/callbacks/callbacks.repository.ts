import { sql } from 'kysely';
import type { ListCallbacksQuery, Scope, ServiceLevel } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { CallbackAttemptsTable, CallbackPoliciesTable, CallbackTasksTable } from '../../db/schema.js';
import { fetchPage } from '../../db/paging.js';
import { inScope } from '../../db/scope.js';

// Every query of 回访: policies, tasks, attempts and the report aggregates. A task is visible to
// the callers whose subtree holds the order's responsible org.

export function listPolicies(db: Db) {
  return db.selectFrom('callback_policies').selectAll().orderBy('service_level').execute();
}

export function findPolicy(db: Db, level: ServiceLevel) {
  return db.selectFrom('callback_policies').selectAll().where('service_level', '=', level).executeTakeFirst();
}

export async function updatePolicy(db: Db, level: ServiceLevel, version: number, patch: Partial<CallbackPoliciesTable>): Promise<boolean> {
  const res = await db.updateTable('callback_policies').set({ ...patch, version: version + 1 })
    .where('service_level', '=', level).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertTask(db: Db, row: CallbackTasksTable): Promise<void> {
  await db.insertInto('callback_tasks').values(row).execute();
}

export async function updateTask(db: Db, id: string, version: number, patch: Partial<CallbackTasksTable>): Promise<boolean> {
  const res = await db.updateTable('callback_tasks').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function tasksOfOrder(db: Db, workOrderId: string) {
  return db.selectFrom('callback_tasks').select(['id', 'status']).where('work_order_id', '=', workOrderId).execute();
}

export async function insertAttempt(db: Db, row: CallbackAttemptsTable): Promise<void> {
  await db.insertInto('callback_attempts').values(row).execute();
}

export function listAttempts(db: Db, taskId: string) {
  return db.selectFrom('callback_attempts').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
}

function scopedTasks(db: Db, scope: Scope) {
  return db
    .selectFrom('callback_tasks')
    .innerJoin('work_orders', 'work_orders.id', 'callback_tasks.work_order_id')
    .where((eb) => inScope(eb, 'callback_tasks.org_path', scope));
}

const taskColumns = [
  'callback_tasks.id', 'callback_tasks.kind', 'callback_tasks.status', 'callback_tasks.work_order_id', 'callback_tasks.recovery_case_id',
  'callback_tasks.customer_id', 'callback_tasks.org_id', 'callback_tasks.org_path', 'callback_tasks.technician_id', 'callback_tasks.service_level',
  'callback_tasks.assignee_id', 'callback_tasks.due_at', 'callback_tasks.next_attempt_at', 'callback_tasks.attempts', 'callback_tasks.max_attempts',
  'callback_tasks.answers_json', 'callback_tasks.score', 'callback_tasks.is_false_completion', 'callback_tasks.completed_at', 'callback_tasks.created_at',
  'callback_tasks.version', 'work_orders.number as order_number', 'work_orders.title as order_title', 'work_orders.type as order_type',
  'work_orders.status as order_status', 'work_orders.caller_phone', 'work_orders.caller_name', 'work_orders.description as order_description',
  'work_orders.site_address', 'work_orders.diagnosis_json', 'work_orders.resolved_at', 'work_orders.equipment_id',
] as const;

// Names by correlated look-ups: one row each, on a page of at most 200 tasks.
function named(query: ReturnType<typeof scopedTasks>) {
  return query.select(taskColumns).select((eb) => [
    eb.selectFrom('customers').select('customers.name').whereRef('customers.id', '=', 'callback_tasks.customer_id').as('customer_name'),
    eb.selectFrom('orgs').select('orgs.name').whereRef('orgs.id', '=', 'callback_tasks.org_id').as('org_name'),
    eb.selectFrom('users').select('users.name').whereRef('users.id', '=', 'callback_tasks.technician_id').as('technician_name'),
    eb.selectFrom('users').select('users.name').whereRef('users.id', '=', 'callback_tasks.assignee_id').as('assignee_name'),
  ]);
}

export function findTask(db: Db, scope: Scope, id: string) {
  return named(scopedTasks(db, scope)).where('callback_tasks.id', '=', id).executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

const sortColumns = {
  dueAt: 'callback_tasks.due_at',
  nextAttemptAt: 'callback_tasks.next_attempt_at',
  createdAt: 'callback_tasks.created_at',
  completedAt: 'callback_tasks.completed_at',
  score: 'callback_tasks.score',
} as const;

export function listTasks(db: Db, scope: Scope, userId: string, q: ListCallbacksQuery, now: string) {
  const filtered = () => {
    let query = scopedTasks(db, scope);
    if (q.status) query = query.where('callback_tasks.status', '=', q.status);
    if (q.kind) query = query.where('callback_tasks.kind', '=', q.kind);
    if (q.overdue === true) query = query.where('callback_tasks.status', '=', 'pending').where('callback_tasks.due_at', '<', now);
    if (q.overdue === false) query = query.where((eb) => eb.or([eb('callback_tasks.status', '!=', 'pending'), eb('callback_tasks.due_at', '>=', now)]));
    if (q.callable) query = query.where('callback_tasks.status', '=', 'pending').where('callback_tasks.next_attempt_at', '<=', now);
    // An org filter means its whole subtree (a region's outlets), like the scope itself.
    if (q.orgId) query = query.where(sql<boolean>`callback_tasks.org_path like (select orgs.path from orgs where orgs.id = ${q.orgId}) || '%'`);
    if (q.technicianId) query = query.where('callback_tasks.technician_id', '=', q.technicianId);
    if (q.assignee === 'me') query = query.where('callback_tasks.assignee_id', '=', userId);
    if (q.assignee === 'none') query = query.where('callback_tasks.assignee_id', 'is', null);
    if (q.q) query = query.where((eb) => eb.or([eb('work_orders.number', 'like', `%${q.q}%`), eb('work_orders.caller_phone', 'like', `%${q.q}%`)]));
    return query;
  };
  const page = named(filtered())
    .orderBy(sortColumns[q.sort ?? 'dueAt'], q.order)
    .orderBy('callback_tasks.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, filtered().select((eb) => eb.fn.countAll<number | string>().as('n')), q.page, q.pageSize);
}

const n = (v: number | string | null | undefined) => Number(v ?? 0);

/** 回访率 and 及时率 per responsible org, over order callbacks created in [from, to). */
export async function rateByOrg(db: Db, scope: Scope, from: string, to: string) {
  const rows = await db
    .selectFrom('callback_tasks')
    .innerJoin('orgs', 'orgs.id', 'callback_tasks.org_id')
    .select((eb) => [
      'callback_tasks.org_id', 'orgs.name',
      eb.fn.countAll<number | string>().as('required'),
      eb.fn.sum<number | string>(eb.case().when('callback_tasks.status', '=', 'completed').then(1).else(0).end()).as('done'),
      eb.fn.sum<number | string>(eb.case().when(eb.and([eb('callback_tasks.status', '=', 'completed'), eb('callback_tasks.completed_at', '<=', eb.ref('callback_tasks.due_at'))])).then(1).else(0).end()).as('on_time'),
    ])
    .where((eb) => inScope(eb, 'callback_tasks.org_path', scope))
    .where('callback_tasks.kind', '=', 'order')
    .where('callback_tasks.created_at', '>=', from)
    .where('callback_tasks.created_at', '<', to)
    .groupBy(['callback_tasks.org_id', 'orgs.name'])
    .orderBy('orgs.name')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, name: r.name, required: n(r.required), done: n(r.done), onTime: n(r.on_time) }));
}

/** Mean score, count and 虚假完工 count of the callbacks completed in [from, to), per technician or outlet. */
export async function scoresBy(db: Db, scope: Scope, by: 'technician' | 'org', from: string, to: string) {
  const base = db
    .selectFrom('callback_tasks')
    .where((eb) => inScope(eb, 'callback_tasks.org_path', scope))
    .where('callback_tasks.status', '=', 'completed')
    .where('callback_tasks.completed_at', '>=', from)
    .where('callback_tasks.completed_at', '<', to);
  const aggregates = [
    sql<number | string>`count(*)`.as('count'),
    sql<number | string | null>`avg(callback_tasks.score)`.as('mean_score'),
    sql<number | string>`sum(callback_tasks.is_false_completion)`.as('false_completions'),
  ];
  const rows = by === 'technician'
    ? await base.innerJoin('users', 'users.id', 'callback_tasks.technician_id').select(['users.id', 'users.name', ...aggregates]).groupBy(['users.id', 'users.name']).execute()
    : await base.innerJoin('orgs', 'orgs.id', 'callback_tasks.org_id').select(['orgs.id', 'orgs.name', ...aggregates]).groupBy(['orgs.id', 'orgs.name']).execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, count: n(r.count), meanScore: r.mean_score === null ? null : Math.round(Number(r.mean_score) * 10) / 10, falseCompletions: n(r.false_completions),
  })).sort((a, b) => (a.meanScore ?? 101) - (b.meanScore ?? 101) || a.name.localeCompare(b.name));
}

/** Pending callbacks past their deadline that the agents have not been told about yet. */
export function listOverdueUnnotified(db: Db, now: string, limit: number) {
  return db.selectFrom('callback_tasks').select(['id', 'org_path', 'assignee_id'])
    .where('status', '=', 'pending').where('due_at', '<', now).where('overdue_notified_at', 'is', null)
    .orderBy('due_at').limit(limit).execute();
}

export async function markOverdueNotified(db: Db, ids: readonly string[], now: string): Promise<void> {
  if (ids.length > 0) await db.updateTable('callback_tasks').set({ overdue_notified_at: now }).where('id', 'in', ids).execute();
}

/** Active hotline agents whose org holds the given path (same org or an ancestor): who works its queue. */
export function hotlineAgentsOver(db: Db, orgPath: string) {
  return db.selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id').distinct()
    .where('users.is_active', '=', 1)
    .where('user_roles.role', '=', 'hotline_agent')
    .where(sql<boolean>`${orgPath} like orgs.path || '%'`)
    .execute();
}

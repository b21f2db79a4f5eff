import { sql } from 'kysely';
import type { Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import { inScope } from '../../db/scope.js';

// The dashboard's aggregates: one grouped or filtered count per question, each limited to the
// caller's subtree by the record's org path.

const num = (v: unknown) => Number(v ?? 0);
const meanOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const OPEN_EXCLUDED = ['resolved', 'confirmed', 'closed', 'cancelled'] as const;

export async function workOrderCounts(db: Db, scope: Scope, since: { today: string; days30: string }, now: string) {
  const byStatus = await db.selectFrom('work_orders').where((eb) => inScope(eb, 'work_orders.org_path', scope))
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
  const flags = await db.selectFrom('work_orders').where((eb) => inScope(eb, 'work_orders.org_path', scope))
    .select([
      sql<string>`sum(case when created_at >= ${since.today} then 1 else 0 end)`.as('created_today'),
      sql<string>`sum(case when assignee_id is null and status in ('new', 'accepted') then 1 else 0 end)`.as('unassigned'),
    ]).executeTakeFirst();
  // Running targets of open orders: past the warning point (not yet due) or past due.
  const risk = await db.selectFrom('work_order_sla as s').innerJoin('work_orders as w', 'w.id', 's.work_order_id')
    .where((eb) => inScope(eb, 'w.org_path', scope)).where('w.status', 'not in', OPEN_EXCLUDED).where('s.state', '=', 'running')
    .select([
      sql<string>`count(distinct case when s.due_at <= ${now} then w.id end)`.as('breached'),
      sql<string>`count(distinct case when s.warn_at <= ${now} and s.due_at > ${now} then w.id end)`.as('at_risk'),
    ]).executeTakeFirst();
  const stopped = await db.selectFrom('work_order_sla as s').innerJoin('work_orders as w', 'w.id', 's.work_order_id')
    .where((eb) => inScope(eb, 'w.org_path', scope)).where('s.stopped_at', '>=', since.days30).where('s.state', 'in', ['met', 'breached'])
    .select(['s.state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('s.state').execute();
  return {
    byStatus: byStatus.map((r) => ({ status: r.status, count: num(r.n) })),
    createdToday: num(flags?.created_today),
    unassigned: num(flags?.unassigned),
    breached: num(risk?.breached),
    atRisk: num(risk?.at_risk),
    met30d: num(stopped.find((r) => r.state === 'met')?.n),
    breached30d: num(stopped.find((r) => r.state === 'breached')?.n),
  };
}

export async function callbackCounts(db: Db, scope: Scope, days30: string, now: string) {
  const row = await db.selectFrom('callback_tasks').where((eb) => inScope(eb, 'callback_tasks.org_path', scope))
    .select([
      sql<string>`sum(case when status = 'pending' then 1 else 0 end)`.as('pending'),
      sql<string>`sum(case when status = 'pending' and due_at < ${now} then 1 else 0 end)`.as('overdue'),
      sql<string>`sum(case when status <> 'pending' and completed_at >= ${days30} then 1 else 0 end)`.as('completed'),
      sql<number | null>`avg(case when status = 'completed' and completed_at >= ${days30} then score end)`.as('mean_score'),
    ]).executeTakeFirst();
  return { pending: num(row?.pending), overdue: num(row?.overdue), completed30d: num(row?.completed), meanScore30d: meanOrNull(row?.mean_score) };
}

export async function satisfactionCounts(db: Db, scope: Scope, days90: string) {
  const responses = await db.selectFrom('survey_responses').where((eb) => inScope(eb, 'survey_responses.org_path', scope))
    .where('answered_at', '>=', days90)
    .select([(eb) => eb.fn.countAll<string>().as('n'), sql<number | null>`avg(score)`.as('mean_score')]).executeTakeFirst();
  const nps = await db.selectFrom('survey_answers').where((eb) => inScope(eb, 'survey_answers.org_path', scope))
    .where('answered_at', '>=', days90).where('question_kind', '=', 'nps').where((eb) => eb.or([eb('pair', 'is', null), eb('pair', '<>', 'expectation')]))
    .where('raw', 'is not', null)
    .select([
      (eb) => eb.fn.countAll<string>().as('n'),
      sql<string>`sum(case when raw >= 9 then 1 else 0 end)`.as('promoters'),
      sql<string>`sum(case when raw <= 6 then 1 else 0 end)`.as('detractors'),
    ]).executeTakeFirst();
  return {
    responses: num(responses?.n), meanScore: meanOrNull(responses?.mean_score),
    nps: { n: num(nps?.n), promoters: num(nps?.promoters), detractors: num(nps?.detractors) },
  };
}

export async function recoveryCounts(db: Db, scope: Scope, days90: string) {
  const row = await db.selectFrom('recovery_cases').where((eb) => inScope(eb, 'recovery_cases.org_path', scope))
    .select([
      sql<string>`sum(case when status in ('open', 'follow_up') then 1 else 0 end)`.as('open'),
      sql<string>`sum(case when status = 'succeeded' and closed_at >= ${days90} then 1 else 0 end)`.as('succeeded'),
      sql<string>`sum(case when status = 'failed' and closed_at >= ${days90} then 1 else 0 end)`.as('failed'),
    ]).executeTakeFirst();
  return { open: num(row?.open), succeeded90d: num(row?.succeeded), failed90d: num(row?.failed) };
}

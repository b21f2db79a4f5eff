import type { SlaTargetKind } from '@sht/domain';
import type { Db } from '../../db/database.js';
import * as repo from './workorders.repository.js';
import { calendarOfOrder, computeOrderSla } from './workorders.sla.service.js';

// The SLA sweep: every open order stores the next instant one of its clocks warns or breaches
// (next_sla_check_at, indexed), so a sweep reads only the orders whose instant has come, records
// the warning/breach once, escalates, and moves the instant on. Safe on several app servers: an
// order is claimed by an UPDATE that only matches the instant the sweeper saw.

export type SlaAlert = {
  orderId: string;
  number: string;
  title: string;
  kind: SlaTargetKind;
  cycle: number;
  alert: 'warning' | 'breach';
  at: string;
  orgId: string;
  assigneeId: string | null;
};

export type SweepResult = { checked: number; claimed: number; alerts: SlaAlert[] };

/** The orders whose next SLA threshold has come, oldest first (the query the benchmark measures). */
export function dueForSlaCheck(db: Db, now: string, limit: number) {
  return db
    .selectFrom('work_orders')
    .select(['id', 'version', 'next_sla_check_at', 'calendar_id', 'sla_all_hours'])
    .where('next_sla_check_at', '<=', now)
    .orderBy('next_sla_check_at')
    .limit(limit)
    .execute();
}

export async function sweepSla(db: Db, now: Date, limit = 500, onAlerts?: (trx: Db, alerts: SlaAlert[]) => Promise<void>): Promise<SweepResult> {
  const nowIso = now.toISOString();
  const candidates = await dueForSlaCheck(db, nowIso, limit);
  const result: SweepResult = { checked: candidates.length, claimed: 0, alerts: [] };
  for (const candidate of candidates) {
    const calendar = await calendarOfOrder(db, candidate); // outside the transaction: cached, root handle
    await db.transaction().execute(async (trx) => {
      const order = await trx.selectFrom('work_orders').selectAll().where('id', '=', candidate.id).executeTakeFirst();
      if (!order || order.version !== candidate.version) return; // changed meanwhile: its own step recomputed it
      const snapshot = computeOrderSla(order, calendar, await repo.listEvents(trx, order.id), nowIso);
      const claim = await trx
        .updateTable('work_orders')
        .set({
          next_sla_check_at: snapshot.nextCheckAt, response_due_at: snapshot.due.response, arrival_due_at: snapshot.due.arrival,
          resolution_due_at: snapshot.due.resolution,
        })
        .where('id', '=', order.id)
        .where('version', '=', candidate.version)
        .where('next_sla_check_at', '=', candidate.next_sla_check_at)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return; // another app server took it
      result.claimed += 1;
      await repo.replaceSlaRows(trx, order.id, snapshot.rows);
      const alerts: SlaAlert[] = [];
      const base = { orderId: order.id, number: order.number, title: order.title, orgId: order.org_id, assigneeId: order.assignee_id };
      for (const row of await repo.listSlaRows(trx, order.id)) {
        if (row.breached_at && !row.breach_notified_at) {
          alerts.push({ ...base, kind: row.kind, cycle: row.cycle, alert: 'breach', at: new Date(row.breached_at).toISOString() });
          await markNotified(trx, row, 'breach_notified_at', nowIso);
        } else if (row.warned_at && !row.warn_notified_at && row.state !== 'met') {
          alerts.push({ ...base, kind: row.kind, cycle: row.cycle, alert: 'warning', at: new Date(row.warned_at).toISOString() });
          await markNotified(trx, row, 'warn_notified_at', nowIso);
        }
      }
      if (alerts.length > 0 && onAlerts) await onAlerts(trx, alerts);
      result.alerts.push(...alerts);
    });
  }
  return result;
}

async function markNotified(db: Db, row: { work_order_id: string; kind: SlaTargetKind; cycle: number }, column: 'warn_notified_at' | 'breach_notified_at', now: string) {
  await db
    .updateTable('work_order_sla')
    .set({ [column]: now })
    .where('work_order_id', '=', row.work_order_id)
    .where('kind', '=', row.kind)
    .where('cycle', '=', row.cycle)
    .execute();
}

import { can, npsOf, toShanghaiDate, type DashboardSummary, type WorkOrderStatus } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import * as repo from './dashboard.repository.js';

const DAY = 86_400_000;
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const OPEN_EXCLUDED: readonly WorkOrderStatus[] = ['resolved', 'confirmed', 'closed', 'cancelled'];

/** 工作台 figures for the caller: each block only if their roles may read that area. */
export async function getDashboardSummary(db: Db, ctx: ServiceContext): Promise<DashboardSummary> {
  const { roles, scope } = ctx.actor;
  const now = ctx.now.toISOString();
  // "Today" is the business day in China: midnight Asia/Shanghai (UTC+8, no daylight saving).
  const today = new Date(`${toShanghaiDate(now)}T00:00:00+08:00`).toISOString();
  const days30 = new Date(ctx.now.getTime() - 30 * DAY).toISOString();
  const days90 = new Date(ctx.now.getTime() - 90 * DAY).toISOString();

  let workOrders: DashboardSummary['workOrders'] = null;
  if (can(roles, 'workorder.read')) {
    const c = await repo.workOrderCounts(db, scope, { today, days30 }, now);
    workOrders = {
      open: c.byStatus.filter((s) => !OPEN_EXCLUDED.includes(s.status)).reduce((sum, s) => sum + s.count, 0),
      createdToday: c.createdToday, unassigned: c.unassigned, atRisk: c.atRisk, breached: c.breached,
      byStatus: c.byStatus, targets30d: { met: c.met30d, breached: c.breached30d },
    };
  }
  const callbacks = can(roles, 'callback.read') ? await repo.callbackCounts(db, scope, days30, now) : null;
  let satisfaction: DashboardSummary['satisfaction'] = null;
  if (can(roles, 'survey.read')) {
    const s = await repo.satisfactionCounts(db, scope, days90);
    satisfaction = { responses90d: s.responses, meanScore90d: round1(s.meanScore), nps90d: npsOf(s.nps).score };
  }
  const recovery = can(roles, 'callback.read') ? await repo.recoveryCounts(db, scope, days90) : null;
  return { workOrders, callbacks: callbacks && { ...callbacks, meanScore30d: round1(callbacks.meanScore30d) }, satisfaction, recovery };
}

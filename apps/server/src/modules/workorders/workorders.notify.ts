import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { WorkOrderAction } from '@sht/domain';
import { notify, notifyCustomer } from '../notifications/notifications.service.js';
import * as repo from './workorders.repository.js';
import type { SlaAlert } from './workorders.sla-sweep.js';

// Who hears about what happens to a work order; called inside the transaction that made it happen,
// so a rolled-back step notifies nobody.

type OrderRef = { id: string; number: string; title: string; caller_phone: string | null };
const link = (o: { id: string }) => `/work-orders/${o.id}`;
const entity = (o: { id: string }) => ({ type: 'work_order', id: o.id });

/** A new order: the managers of the org that must handle it. */
export async function notifyNewOrder(trx: Db, ctx: ServiceContext, order: OrderRef, orgId: string, orgName: string): Promise<void> {
  await notifyManagersOfNewOrder(trx, ctx, order, await repo.managersOf(trx, orgId), orgName);
}

/** The same, with the managers already looked up (a create reads them before taking its number). */
export async function notifyManagersOfNewOrder(trx: Db, ctx: ServiceContext, order: OrderRef, managers: readonly { id: string }[], orgName: string): Promise<void> {
  await notify(trx, ctx, {
    userIds: managers.map((m) => m.id), kind: 'assignment', title: `新工单 ${order.number} 待${orgName}处理`, body: order.title, link: link(order), entity: entity(order),
  });
}

/** A step: the technician it was given to, the outlet it was handed to, and the customer. */
export async function notifyStep(
  trx: Db, ctx: ServiceContext, order: OrderRef, action: WorkOrderAction,
  detail: { assigneeId?: string | null; assigneeName?: string; orgId?: string; orgName?: string },
): Promise<void> {
  if (action === 'dispatch' && detail.assigneeId) {
    await notify(trx, ctx, { userIds: [detail.assigneeId], kind: 'assignment', title: `新工单 ${order.number} 已派给您`, body: order.title, link: link(order), entity: entity(order) });
  } else if (action === 'dispatch' && detail.orgId) {
    await notifyNewOrder(trx, ctx, order, detail.orgId, detail.orgName ?? '');
  }
  // 客户状态通知: the caller hears when a technician is on the way, on site, and when it is done.
  const customerText: Partial<Record<WorkOrderAction, string>> = {
    dispatch: detail.assigneeName ? `您的服务工单 ${order.number} 已安排服务工程师${detail.assigneeName}处理。` : undefined,
    arrive: `服务工程师已到达现场处理工单 ${order.number}。`,
    resolve: `您的服务工单 ${order.number} 已处理完毕,请确认服务结果。`,
  } as Partial<Record<WorkOrderAction, string>>;
  const text = customerText[action];
  if (text && order.caller_phone) await notifyCustomer(trx, ctx, { phone: order.caller_phone, text });
}

/**
 * SLA alerts from the sweep: a warning goes to the assignee and the managers of the responsible
 * org; a breach also escalates to the nearest manager up the org tree.
 */
export async function notifySlaAlerts(trx: Db, alerts: readonly SlaAlert[]): Promise<void> {
  const kindName = { response: '响应', arrival: '到场', resolution: '修复' } as const;
  for (const a of alerts) {
    const order = { id: a.orderId };
    const managers = (await repo.managersOf(trx, a.orgId)).map((m) => m.id);
    const local = [...new Set([...(a.assigneeId ? [a.assigneeId] : []), ...managers])];
    const at = new Date(a.at);
    if (a.alert === 'warning') {
      await notify(trx, at, { userIds: local, kind: 'sla_warning', title: `工单 ${a.number} ${kindName[a.kind]}即将超时`, body: a.title, link: link(order), entity: entity(order) });
      continue;
    }
    await notify(trx, at, { userIds: local, kind: 'sla_breach', title: `工单 ${a.number} ${kindName[a.kind]}已超时`, body: a.title, link: link(order), entity: entity(order) });
    const up = (await repo.nextManagersUp(trx, a.orgId)).map((m) => m.id).filter((id) => !local.includes(id));
    if (up.length > 0) {
      await notify(trx, at, { userIds: up, kind: 'escalation', title: `升级:工单 ${a.number} ${kindName[a.kind]}已超时`, body: a.title, link: link(order), entity: entity(order) });
    }
  }
}

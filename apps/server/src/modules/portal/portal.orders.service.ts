import type { PortalConfirmInput, PortalNewOrderInput, PortalOrder, PortalOrderDetail, PortalUnit } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext } from '../../context.js';
import { customerErrors } from '../customers/customers.errors.js';
import { confirmByCustomer, createOrderByCustomer, getCustomerOrder, listCustomerOrders, type WorkOrderOptions } from '../workorders/workorders.service.js';
import { workOrderErrors } from '../workorders/workorders.errors.js';
import { listEvents } from '../workorders/workorders.repository.js';
import type { PortalCaller } from './portal.auth.service.js';
import { toPortalEvent, toPortalOrder } from './portal.mapper.js';
import { portalErrors } from './portal.errors.js';
import * as repo from './portal.repository.js';

// The customer's orders, through the work-order service's customer functions: every read names
// one of the caller's customers, so another customer's order answers 404 like a missing one.

export async function listPortalOrders(db: Db, caller: PortalCaller): Promise<{ items: PortalOrder[] }> {
  const lists = await Promise.all(caller.customers.map((c) => listCustomerOrders(db, c.id)));
  const items = lists.flat().map(toPortalOrder).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items };
}

async function ownerOf(db: Db, caller: PortalCaller, id: string) {
  const customerId = await repo.findOrderOwner(db, caller.customers.map((c) => c.id), id);
  const customer = caller.customers.find((c) => c.id === customerId);
  if (!customer) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
  return customer;
}

export async function getPortalOrder(db: Db, caller: PortalCaller, id: string): Promise<PortalOrderDetail> {
  const customer = await ownerOf(db, caller, id);
  const order = await getCustomerOrder(db, customer.id, id);
  return {
    ...toPortalOrder(order),
    diagnosis: order.diagnosis,
    canConfirm: order.allowedActions.includes('confirm'),
    events: (await listEvents(db, id)).map(toPortalEvent),
  };
}

/** 客户确认 in the portal: the resolved order becomes confirmed, recorded with method portal. */
export async function confirmPortalOrder(db: Db, ctx: AnonymousContext, caller: PortalCaller, id: string, input: PortalConfirmInput): Promise<PortalOrderDetail> {
  const customer = await ownerOf(db, caller, id);
  await confirmByCustomer(db, ctx, { customerId: customer.id, name: customer.name }, id, input);
  return getPortalOrder(db, caller, id);
}

export async function listPortalUnits(db: Db, caller: PortalCaller): Promise<{ items: PortalUnit[] }> {
  const rows = await repo.listUnitsOfCustomers(db, caller.customers.map((c) => c.id));
  return { items: rows.map((r) => ({ id: r.id, customerId: r.customer_id, serialNo: r.serial_no, modelName: r.model_name, siteAddress: r.site_address })) };
}

/** 网上报修: a new order from the portal, for the caller's (chosen) customer. */
export async function createPortalOrder(db: Db, ctx: AnonymousContext, caller: PortalCaller, input: PortalNewOrderInput, opts: WorkOrderOptions): Promise<PortalOrderDetail> {
  const only = caller.customers.length === 1 ? caller.customers[0] : undefined;
  if (!input.customerId && !only) throw portalErrors.PORTAL_CUSTOMER_REQUIRED({}, { path: ['body', 'customerId'] });
  const customer = input.customerId ? caller.customers.find((c) => c.id === input.customerId) : only;
  if (!customer) throw customerErrors.CUSTOMER_NOT_FOUND({}, { path: ['body', 'customerId'] });
  const order = await createOrderByCustomer(db, ctx, { customerId: customer.id, phone: caller.phone }, input, opts);
  return getPortalOrder(db, caller, order.id);
}

import type { PortalEvent, PortalOrder, WorkOrder } from '@sht/domain';
import type { WorkOrderEventsTable } from '../../db/schema.js';

// The customer's view of an order: what it is, where it stands and who comes; no SLA
// internals, caller details, complaint routing or staff notes.
export function toPortalOrder(o: WorkOrder): PortalOrder {
  return {
    id: o.id,
    number: o.number,
    type: o.type,
    status: o.status,
    title: o.title,
    description: o.description,
    faultDate: o.faultDate,
    siteAddress: o.siteAddress,
    customer: o.customer,
    equipment: o.equipment ? { serialNo: o.equipment.serialNo, modelName: o.equipment.modelName } : null,
    orgName: o.org.name,
    technicianName: o.assignee?.name ?? null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    version: o.version,
  };
}

const methods = ['signature', 'portal', 'phone'] as const;
const isMethod = (v: unknown): v is PortalEvent['method'] & string => methods.some((m) => m === v);

/** One timeline step; only the customer's own steps keep their note and answers. */
export function toPortalEvent(r: WorkOrderEventsTable): PortalEvent {
  const data = r.data_json === null ? {} : (JSON.parse(r.data_json) as Record<string, unknown>);
  const method = r.action === 'confirm' && isMethod(data.method) ? data.method : null;
  // The customer's own steps: a portal report (网上报修) and a portal confirmation.
  const byCustomer = r.actor_id === null && ((r.action === 'confirm' && method === 'portal') || (r.action === 'create' && data.channel === 'portal'));
  return {
    seq: r.seq,
    action: r.action,
    toStatus: r.to_status,
    at: new Date(r.at).toISOString(),
    byCustomer,
    method,
    satisfied: byCustomer && typeof data.satisfied === 'boolean' ? data.satisfied : null,
    note: byCustomer ? r.note : null,
  };
}

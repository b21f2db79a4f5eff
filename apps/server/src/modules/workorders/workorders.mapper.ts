import { diagnosisSchema, type Complaint, type Diagnosis, type SlaPolicy, type WorkOrder, type WorkOrderEvent } from '@sht/domain';
import type { WorkOrderEventsTable } from '../../db/schema.js';
import type { OrderRow } from './workorders.repository.js';
import type { PolicyRow } from './workorders.sla.service.js';

// Rows (snake_case) → API shapes (camelCase), mapped in one visible place.

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

export function toWorkOrder(r: OrderRow): WorkOrder {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    priority: r.priority,
    channel: r.channel,
    status: r.status,
    resumeStatus: r.resume_status,
    serviceLevel: r.service_level,
    title: r.title,
    description: r.description,
    faultCategory: r.fault_category,
    faultDate: r.fault_date,
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    siteAddress: r.site_address,
    customer: { id: r.customer_id, name: r.customer_name ?? '' },
    equipment: r.equipment_id && r.serial_no ? { id: r.equipment_id, serialNo: r.serial_no, modelName: r.model_name ?? '' } : null,
    org: { id: r.org_id, name: r.org_name ?? '' },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    slaPolicyId: r.sla_policy_id,
    calendar: { id: r.calendar_id, name: r.calendar_name ?? (Boolean(r.sla_all_hours) ? '7×24 小时' : '标准工作时间'), allHours: Boolean(r.sla_all_hours) },
    isRepeat: Boolean(r.is_repeat),
    repeatOfId: r.repeat_of_id,
    reopenCount: r.reopen_count,
    responseDueAt: iso(r.response_due_at),
    arrivalDueAt: iso(r.arrival_due_at),
    resolutionDueAt: iso(r.resolution_due_at),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

export function toDiagnosis(json: string | null): Diagnosis | null {
  if (json === null) return null;
  const parsed = diagnosisSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toEvent(r: WorkOrderEventsTable): WorkOrderEvent {
  return {
    id: r.id,
    seq: r.seq,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    at: new Date(r.at).toISOString(),
    actor: r.actor_id || r.actor_name ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    note: r.note,
    data: r.data_json === null ? null : (JSON.parse(r.data_json) as Record<string, unknown>),
  };
}

export function toSlaPolicy(p: PolicyRow): SlaPolicy {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    priority: p.priority,
    serviceLevel: p.service_level,
    responseMinutes: p.response_minutes,
    arrivalMinutes: p.arrival_minutes,
    resolutionMinutes: p.resolution_minutes,
    allHours: Boolean(p.all_hours),
    warnShare: Number(p.warn_share),
    active: Boolean(p.is_active),
    version: p.version,
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

export function toComplaint(r: OrderRow): Complaint | null {
  if (r.complaint_category === null) return null;
  return {
    category: r.complaint_category,
    atFaultOrg: r.at_fault_org_id ? { id: r.at_fault_org_id, name: r.at_fault_org_name ?? '' } : null,
    routedBy: r.routed_by_rule_id ? { id: r.routed_by_rule_id, name: r.routed_by_rule_name ?? '' } : null,
    response: r.complaint_response_json ? (JSON.parse(r.complaint_response_json) as Complaint['response']) : null,
  };
}

import { z } from 'zod';
import { idSchema, isoInstantSchema, listQuerySchema, localDateSchema, pageSchema, patchSchema, phoneSchema } from '../common/common.schemas.js';
import { slaClockResultSchema, slaStateSchema } from '../sla/sla.schemas.js';
import { serviceLevelSchema } from '../orgs/orgs.schemas.js';
import { complaintIntakeSchema, complaintSchema } from './workorders.complaints.js';
import { slaTargetKinds, workOrderPriorities } from './workorders.sla.js';
import { workOrderActions, workOrderStatuses, workOrderTypes } from './workorders.state.js';

// 工单: request and response shapes of work orders. The lifecycle rules are in workorders.state.ts.

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const workOrderTypeSchema = z.enum(workOrderTypes);
export const workOrderStatusSchema = z.enum(workOrderStatuses);
export const workOrderActionSchema = z.enum(workOrderActions);
export const workOrderPrioritySchema = z.enum(workOrderPriorities);
export const slaTargetKindSchema = z.enum(slaTargetKinds);
export const workOrderChannels = ['hotline', 'portal', 'outlet', 'sales'] as const;
export const workOrderChannelSchema = z.enum(workOrderChannels);
export type WorkOrderChannel = z.infer<typeof workOrderChannelSchema>;

export const geoPositionSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).optional(),
});
export type GeoPosition = z.infer<typeof geoPositionSchema>;

export const createWorkOrderSchema = z.object({
  type: workOrderTypeSchema,
  priority: workOrderPrioritySchema.default('normal'),
  channel: workOrderChannelSchema.default('hotline'),
  customerId: idSchema,
  equipmentId: idSchema.nullable().optional(),
  // The org responsible for the order; defaults to the unit's outlet, else the customer's org.
  orgId: idSchema.optional(),
  // Defaults to the responsible org's service level.
  serviceLevel: serviceLevelSchema.optional(),
  title: requiredText(100),
  description: requiredText(4000),
  faultCategory: text(50).optional(),
  // The day the fault happened (Asia/Shanghai date); warranty coverage is decided for this date.
  faultDate: localDateSchema.optional(),
  callerName: text(50).optional(),
  callerPhone: phoneSchema.optional(),
  siteAddress: text(200).optional(),
  // Required for complaints: decides routing and who must answer.
  complaint: complaintIntakeSchema.optional(),
}).superRefine((input, ctx) => {
  if (input.type === 'complaint' && !input.complaint) ctx.addIssue({ code: 'custom', path: ['complaint'], message: 'a complaint needs its category' });
  if (input.type !== 'complaint' && input.complaint) ctx.addIssue({ code: 'custom', path: ['complaint'], message: 'only complaints have a complaint category' });
});
export type CreateWorkOrderInput = z.infer<typeof createWorkOrderSchema>;

const note = text(1000).optional();
const reason = requiredText(1000);

export const diagnosisSchema = z.object({
  symptom: requiredText(2000),
  // A problem without a found cause is not resolved.
  cause: requiredText(2000),
  action: requiredText(2000),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

// Every step names the order's version it was decided on: a stale screen gets 409, not a surprise.
const step = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, version: z.number().int().min(1) });

export const transitionSchema = z.discriminatedUnion('action', [
  step({ action: z.literal('accept'), note }),
  step({ action: z.literal('dispatch'), assigneeId: idSchema.nullable().optional(), orgId: idSchema.optional(), note }),
  step({ action: z.literal('decline'), reason }),
  step({ action: z.literal('start_travel'), position: geoPositionSchema.optional(), note }),
  // The check-in: the server's clock is the arrival time; the position is where the phone was.
  step({ action: z.literal('arrive'), position: geoPositionSchema.optional(), note }),
  step({ action: z.literal('wait_parts'), reason }),
  step({ action: z.literal('wait_customer'), reason }),
  step({ action: z.literal('resume'), note }),
  step({ action: z.literal('resolve'), diagnosis: diagnosisSchema, note }),
  step({ action: z.literal('confirm'), method: z.enum(['signature', 'portal', 'phone']), note }),
  step({ action: z.literal('close'), note }),
  step({ action: z.literal('cancel'), reason }),
  step({ action: z.literal('reopen'), reason }),
]);
export type TransitionInput = z.infer<typeof transitionSchema>;


const ref = z.object({ id: z.string(), name: z.string() });

export const slaTargetSchema = z.object({
  kind: slaTargetKindSchema,
  cycle: z.number().int(),
  targetMinutes: z.number().int(),
  state: slaStateSchema,
  dueAt: isoInstantSchema.nullable(),
  warnAt: isoInstantSchema.nullable(),
  stoppedAt: isoInstantSchema.nullable(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  overdueMinutes: z.number(),
  pausedMinutes: z.number(),
  isWarning: z.boolean(),
  calendarVersions: z.array(z.string()),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

// The evidence behind each target: the clock's own timeline (start, pauses, resumes, stop, with
// business-minute deltas), the calendar and its versions, and when warning and breach were recorded.
export const slaTimelineSchema = z.object({
  items: z.array(
    slaClockResultSchema.pick({ state: true, targetMinutes: true, start: true, dueAt: true, timeline: true, calendar: true, calendarVersions: true }).extend({
      kind: slaTargetKindSchema,
      cycle: z.number().int(),
      warnedAt: isoInstantSchema.nullable(),
      breachedAt: isoInstantSchema.nullable(),
      warnNotifiedAt: isoInstantSchema.nullable(),
      breachNotifiedAt: isoInstantSchema.nullable(),
    }),
  ),
});
export type SlaTimeline = z.infer<typeof slaTimelineSchema>;

export const workOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: workOrderTypeSchema,
  priority: workOrderPrioritySchema,
  channel: workOrderChannelSchema,
  status: workOrderStatusSchema,
  resumeStatus: workOrderStatusSchema.nullable(),
  serviceLevel: serviceLevelSchema,
  title: z.string(),
  description: z.string(),
  faultCategory: z.string().nullable(),
  faultDate: z.string(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  siteAddress: z.string().nullable(),
  customer: ref,
  equipment: z.object({ id: z.string(), serialNo: z.string(), modelName: z.string() }).nullable(),
  org: ref,
  assignee: ref.nullable(),
  slaPolicyId: z.string().nullable(),
  calendar: z.object({ id: z.string().nullable(), name: z.string(), allHours: z.boolean() }),
  // A repair of the same unit within the repeat window of an earlier one (or a reopened order).
  isRepeat: z.boolean(),
  repeatOfId: z.string().nullable(),
  reopenCount: z.number().int(),
  responseDueAt: isoInstantSchema.nullable(),
  arrivalDueAt: isoInstantSchema.nullable(),
  resolutionDueAt: isoInstantSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderDetailSchema = workOrderSchema.extend({
  allowedActions: z.array(workOrderActionSchema),
  sla: z.array(slaTargetSchema),
  diagnosis: diagnosisSchema.nullable(),
  complaint: complaintSchema.nullable(),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const workOrderEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  action: z.union([workOrderActionSchema, z.literal('create')]),
  fromStatus: workOrderStatusSchema.nullable(),
  toStatus: workOrderStatusSchema,
  at: z.string(),
  // A customer's own step (portal confirmation) has a name but no staff user id.
  actor: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type WorkOrderEvent = z.infer<typeof workOrderEventSchema>;
export const workOrderEventListSchema = z.object({ items: z.array(workOrderEventSchema) });

export const workOrderSortable = ['number', 'createdAt', 'updatedAt', 'priority', 'resolutionDueAt'] as const;
export const listWorkOrdersQuerySchema = listQuerySchema(workOrderSortable).extend({
  status: z.union([workOrderStatusSchema, z.literal('open')]).optional(),
  type: workOrderTypeSchema.optional(),
  priority: workOrderPrioritySchema.optional(),
  customerId: idSchema.optional(),
  equipmentId: idSchema.optional(),
  assigneeId: z.union([idSchema, z.literal('me')]).optional(),
  orgId: idSchema.optional(),
});
export type ListWorkOrdersQuery = z.infer<typeof listWorkOrdersQuerySchema>;
export const workOrderPageSchema = pageSchema(workOrderSchema);

// ── SLA policies ─────────────────────────────────────────────────────────────────────────────
const minutes = z.number().int().min(1).max(525_600);
export const slaPolicyInputSchema = z.object({
  name: requiredText(100),
  type: workOrderTypeSchema.nullable(),
  priority: workOrderPrioritySchema.nullable(),
  serviceLevel: serviceLevelSchema.nullable(),
  responseMinutes: minutes,
  arrivalMinutes: minutes.nullable(),
  resolutionMinutes: minutes,
  allHours: z.boolean().default(false),
  warnShare: z.number().gt(0).max(1).default(0.8),
  active: z.boolean().default(true),
});
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;
export const slaPolicySchema = slaPolicyInputSchema.extend({ id: z.string(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export const slaPolicyListSchema = z.object({ items: z.array(slaPolicySchema) });
export const updateSlaPolicySchema = patchSchema(slaPolicyInputSchema).extend({ version: z.number().int().min(1) });

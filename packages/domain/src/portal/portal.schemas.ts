import { z } from 'zod';
import { idSchema, localDateSchema } from '../common/common.schemas.js';
import { diagnosisSchema, workOrderActionSchema, workOrderStatusSchema, workOrderTypeSchema } from '../workorders/workorders.schemas.js';
import { normalizeMobile } from './portal.rules.js';
import { complaintCategorySchema } from '../workorders/workorders.complaints.js';

// 客户门户: request and response shapes of the customer portal (phone + one-time code login).
// The customer sees their own orders in a customer-safe shape: no SLA internals, no staff notes.

// A mainland mobile number (SMS needs one); spaces, dashes and +86 are accepted and removed.
export const portalPhoneSchema = z
  .string()
  .trim()
  .max(20)
  .transform((raw) => normalizeMobile(raw))
  .refine((digits) => /^1[3-9]\d{9}$/.test(digits), { message: 'invalid mobile number' });

export const requestOtpSchema = z.object({ phone: portalPhoneSchema });
export type RequestOtpInput = z.infer<typeof requestOtpSchema>;

export const otpSentSchema = z.object({
  // The same answer whether or not the phone is known (no enumeration).
  sent: z.literal(true),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type OtpSent = z.infer<typeof otpSentSchema>;

export const portalLoginSchema = z.object({
  phone: portalPhoneSchema,
  code: z.string().trim().regex(/^\d{6}$/, { message: 'the code has 6 digits' }),
});
export type PortalLoginInput = z.infer<typeof portalLoginSchema>;

export const portalMeSchema = z.object({
  maskedPhone: z.string(),
  // Every active customer with this phone on record: one phone may speak for several.
  customers: z.array(z.object({ id: z.string(), name: z.string() })),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

export const portalOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: workOrderTypeSchema,
  status: workOrderStatusSchema,
  title: z.string(),
  description: z.string(),
  faultDate: z.string(),
  siteAddress: z.string().nullable(),
  customer: z.object({ id: z.string(), name: z.string() }),
  equipment: z.object({ serialNo: z.string(), modelName: z.string() }).nullable(),
  // The service point answering for the order and the technician sent, by name only.
  orgName: z.string(),
  technicianName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PortalOrder = z.infer<typeof portalOrderSchema>;
export const portalOrderListSchema = z.object({ items: z.array(portalOrderSchema) });

export const portalEventSchema = z.object({
  seq: z.number().int(),
  action: z.union([workOrderActionSchema, z.literal('create')]),
  toStatus: workOrderStatusSchema,
  at: z.string(),
  // Steps the customer took themselves carry their note and answers; staff notes stay internal.
  byCustomer: z.boolean(),
  method: z.enum(['signature', 'portal', 'phone']).nullable(),
  satisfied: z.boolean().nullable(),
  note: z.string().nullable(),
});
export type PortalEvent = z.infer<typeof portalEventSchema>;

export const portalOrderDetailSchema = portalOrderSchema.extend({
  diagnosis: diagnosisSchema.nullable(),
  canConfirm: z.boolean(),
  events: z.array(portalEventSchema),
});
export type PortalOrderDetail = z.infer<typeof portalOrderDetailSchema>;

export const portalConfirmSchema = z.object({
  version: z.number().int().min(1),
  satisfied: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type PortalConfirmInput = z.infer<typeof portalConfirmSchema>;

export const portalOrderParamsSchema = z.object({ id: idSchema });

// 网上报修 / 网上投诉: what a customer may report themselves. A complaint names its category and is
// routed by the complaint rules like one taken by the hotline.
export const portalOrderTypes = ['repair', 'maintenance', 'installation', 'consultation', 'training', 'return_replace', 'complaint'] as const;
export const portalNewOrderSchema = z.object({
  // Which of the phone's customers reports; needed only when the phone speaks for several.
  customerId: idSchema.optional(),
  type: z.enum(portalOrderTypes),
  equipmentId: idSchema.optional(),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(4000),
  faultDate: localDateSchema.optional(),
  siteAddress: z.string().trim().max(200).optional(),
  complaintCategory: complaintCategorySchema.optional(),
}).superRefine((v, ctx) => {
  if (v.type === 'complaint' && !v.complaintCategory) ctx.addIssue({ code: 'custom', path: ['complaintCategory'], message: 'required for a complaint' });
  if (v.type !== 'complaint' && v.complaintCategory) ctx.addIssue({ code: 'custom', path: ['complaintCategory'], message: 'only for a complaint' });
});
export type PortalNewOrderInput = z.infer<typeof portalNewOrderSchema>;

export const portalUnitSchema = z.object({ id: z.string(), customerId: z.string(), serialNo: z.string(), modelName: z.string(), siteAddress: z.string().nullable() });
export type PortalUnit = z.infer<typeof portalUnitSchema>;
export const portalUnitListSchema = z.object({ items: z.array(portalUnitSchema) });

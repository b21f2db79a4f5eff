import { z } from 'zod';
import { idSchema, isoInstantSchema, listQuerySchema, localDateSchema, pageSchema } from '../common/common.schemas.js';
import { serviceLevelSchema } from '../orgs/orgs.schemas.js';
import { workOrderStatusSchema, workOrderTypeSchema } from '../workorders/workorders.schemas.js';

// 回访 (callbacks) and 服务补救 (recovery): request and response shapes. The rules are in callbacks.rules.ts.

export const callbackKinds = ['order', 'recovery'] as const; // after a confirmed order / after a recovery order
export const callbackStatuses = ['pending', 'completed', 'unreachable', 'refused', 'wrong_number'] as const;
export const callbackOutcomes = ['reached', 'not_reached', 'refused', 'wrong_number'] as const;
export const faultFixedAnswers = ['fixed', 'not_fixed', 'not_done'] as const;
export const recoverySources = ['callback', 'survey'] as const;
export const recoveryStatuses = ['open', 'follow_up', 'succeeded', 'failed'] as const;

export const callbackKindSchema = z.enum(callbackKinds);
export const callbackStatusSchema = z.enum(callbackStatuses);
export const callbackOutcomeSchema = z.enum(callbackOutcomes);
export const recoverySourceSchema = z.enum(recoverySources);
export const recoveryStatusSchema = z.enum(recoveryStatuses);
export type CallbackKind = z.infer<typeof callbackKindSchema>;
export type CallbackStatus = z.infer<typeof callbackStatusSchema>;
export type CallbackOutcome = z.infer<typeof callbackOutcomeSchema>;
export type RecoverySource = z.infer<typeof recoverySourceSchema>;
export type RecoveryStatus = z.infer<typeof recoveryStatusSchema>;

// ── Policy (HQ) ──────────────────────────────────────────────────────────────────────────────
const retryMinutesSchema = z.array(z.number().int().min(5).max(7 * 24 * 60)).max(5);

export const callbackPolicyInputSchema = z.object({
  // Share of confirmed orders called back: 1 = every order.
  share: z.number().min(0).max(1),
  // The callback is due this long after the customer confirmed.
  delayMinutes: z.number().int().min(0).max(30 * 24 * 60),
  // Waits before each retry after "not reached"; attempts = retries + 1.
  retryMinutes: retryMinutesSchema,
  // A callback scoring below this (0–100) opens a recovery case.
  lowScoreThreshold: z.number().min(0).max(100),
  version: z.number().int().min(1),
});
export type CallbackPolicyInput = z.infer<typeof callbackPolicyInputSchema>;

export const callbackPolicySchema = callbackPolicyInputSchema.extend({
  serviceLevel: serviceLevelSchema,
  updatedAt: isoInstantSchema,
});
export type CallbackPolicy = z.infer<typeof callbackPolicySchema>;
export const callbackPolicyListSchema = z.object({ items: z.array(callbackPolicySchema) });
export const serviceLevelParamsSchema = z.object({ level: serviceLevelSchema });

// ── The questionnaire ────────────────────────────────────────────────────────────────────────
const rating = z.number().int().min(1).max(5);

export const callbackAnswersSchema = z.object({
  arrivedOnTime: z.boolean(),
  charged: z.boolean(),
  // What the customer says they paid, in fen; required when charged.
  chargedFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
  faultFixed: z.enum(faultFixedAnswers),
  ratings: z.object({ timeliness: rating, attitude: rating, quality: rating, overall: rating }),
  comment: z.string().trim().max(1000).optional(),
}).superRefine((a, ctx) => {
  if (a.charged && (a.chargedFen === undefined || a.chargedFen === null)) ctx.addIssue({ code: 'custom', path: ['chargedFen'], message: 'the amount charged is required' });
  if (!a.charged && a.chargedFen) ctx.addIssue({ code: 'custom', path: ['chargedFen'], message: 'no amount when nothing was charged' });
});
export type CallbackAnswers = z.infer<typeof callbackAnswersSchema>;

const note = z.string().trim().max(1000).optional();
const versioned = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, version: z.number().int().min(1) });

// Scores are required when the customer was reached; the other outcomes carry a note only.
export const recordCallbackOutcomeSchema = z.discriminatedUnion('outcome', [
  versioned({ outcome: z.literal('reached'), answers: callbackAnswersSchema, note }),
  versioned({ outcome: z.literal('not_reached'), note }),
  versioned({ outcome: z.literal('refused'), note }),
  versioned({ outcome: z.literal('wrong_number'), note }),
]);
export type RecordCallbackOutcomeInput = z.infer<typeof recordCallbackOutcomeSchema>;
export const claimCallbackSchema = z.object({ version: z.number().int().min(1) });

// ── Tasks ────────────────────────────────────────────────────────────────────────────────────
const ref = z.object({ id: z.string(), name: z.string() });

export const callbackTaskSchema = z.object({
  id: z.string(),
  kind: callbackKindSchema,
  status: callbackStatusSchema,
  workOrder: z.object({ id: z.string(), number: z.string(), title: z.string(), type: workOrderTypeSchema, status: workOrderStatusSchema }),
  customer: ref,
  phone: z.string().nullable(),
  org: ref,
  technician: ref.nullable(),
  assignee: ref.nullable(),
  serviceLevel: serviceLevelSchema,
  dueAt: isoInstantSchema,
  nextAttemptAt: isoInstantSchema.nullable(),
  isOverdue: z.boolean(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  score: z.number().nullable(),
  isFalseCompletion: z.boolean(),
  recoveryCaseId: z.string().nullable(),
  completedAt: isoInstantSchema.nullable(),
  createdAt: isoInstantSchema,
  version: z.number().int(),
});
export type CallbackTask = z.infer<typeof callbackTaskSchema>;
export const callbackPageSchema = pageSchema(callbackTaskSchema);

export const callbackAttemptSchema = z.object({
  seq: z.number().int(),
  outcome: callbackOutcomeSchema,
  note: z.string().nullable(),
  at: isoInstantSchema,
  actorName: z.string().nullable(),
});

export const callbackDetailSchema = callbackTaskSchema.extend({
  answers: callbackAnswersSchema.nullable(),
  history: z.array(callbackAttemptSchema),
  // What the agent reads out, with the order's facts filled in.
  script: z.array(z.string()),
  order: z.object({
    description: z.string(),
    siteAddress: z.string().nullable(),
    equipment: z.string().nullable(),
    diagnosis: z.object({ symptom: z.string(), cause: z.string(), action: z.string() }).nullable(),
    resolvedAt: isoInstantSchema.nullable(),
    callerName: z.string().nullable(),
  }),
});
export type CallbackDetail = z.infer<typeof callbackDetailSchema>;

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listCallbacksQuerySchema = listQuerySchema(['dueAt', 'nextAttemptAt', 'createdAt', 'completedAt', 'score'] as const).extend({
  status: callbackStatusSchema.optional(),
  kind: callbackKindSchema.optional(),
  overdue: boolQuery.optional(),
  // Only tasks that can be called now (pending and the next attempt is due).
  callable: boolQuery.optional(),
  orgId: idSchema.optional(),
  technicianId: idSchema.optional(),
  assignee: z.enum(['me', 'none']).optional(),
});
export type ListCallbacksQuery = z.infer<typeof listCallbacksQuerySchema>;

// ── Reports ──────────────────────────────────────────────────────────────────────────────────
export const callbackStatsQuerySchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
}).refine((q) => q.from <= q.to, { path: ['to'], message: 'the period ends before it starts' });
export type CallbackStatsQuery = z.infer<typeof callbackStatsQuerySchema>;

const scoreRow = z.object({ id: z.string(), name: z.string(), count: z.number().int(), meanScore: z.number().nullable(), falseCompletions: z.number().int() });
export type CallbackScoreRow = z.infer<typeof scoreRow>;

export const callbackStatsSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  // 回访率 = done / required; 及时率 = done before due / done.
  byOrg: z.array(z.object({
    org: ref, required: z.number().int(), done: z.number().int(), onTime: z.number().int(),
    rate: z.number().nullable(), timeliness: z.number().nullable(),
  })),
  technicians: z.array(scoreRow),
  outlets: z.array(scoreRow),
  recovery: z.object({ opened: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), successRate: z.number().nullable() }),
});
export type CallbackStats = z.infer<typeof callbackStatsSchema>;

// ── Recovery cases ───────────────────────────────────────────────────────────────────────────
export const recoveryCaseSchema = z.object({
  id: z.string(),
  source: recoverySourceSchema,
  sourceId: z.string(),
  status: recoveryStatusSchema,
  score: z.number(),
  reason: z.string(),
  customer: ref,
  originalOrder: z.object({ id: z.string(), number: z.string() }).nullable(),
  recoveryOrder: z.object({ id: z.string(), number: z.string(), status: workOrderStatusSchema }),
  followUpTaskId: z.string().nullable(),
  followUpScore: z.number().nullable(),
  createdAt: isoInstantSchema,
  closedAt: isoInstantSchema.nullable(),
});
export type RecoveryCase = z.infer<typeof recoveryCaseSchema>;
export const recoveryCasePageSchema = pageSchema(recoveryCaseSchema);
export const listRecoveryCasesQuerySchema = listQuerySchema(['createdAt', 'score'] as const).extend({
  status: recoveryStatusSchema.optional(),
  source: recoverySourceSchema.optional(),
});
export type ListRecoveryCasesQuery = z.infer<typeof listRecoveryCasesQuerySchema>;

export const recoverySettingsSchema = z.object({ threshold: z.number().min(0).max(100) });
export type RecoverySettings = z.infer<typeof recoverySettingsSchema>;

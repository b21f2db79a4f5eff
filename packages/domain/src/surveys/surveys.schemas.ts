import { z } from 'zod';
import { idSchema, isoInstantSchema, listQuerySchema, localDateSchema, pageSchema } from '../common/common.schemas.js';
import { workOrderTypes } from '../workorders/workorders.state.js';

// SERVQUAL's five dimensions plus service recovery (issue 5).
export const surveyDimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy', 'recovery'] as const;
export const surveyDimensionSchema = z.enum(surveyDimensions);
export type SurveyDimension = z.infer<typeof surveyDimensionSchema>;

export const satisfactionLevels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export const satisfactionLevelSchema = z.enum(satisfactionLevels);
export type SatisfactionLevel = z.infer<typeof satisfactionLevelSchema>;

/** Satisfaction level of a normalised 0–100 score: ≥90, ≥75, ≥60, ≥40, else. */
export function levelOfScore(score: number): SatisfactionLevel {
  if (score >= 90) return 'very_satisfied';
  if (score >= 75) return 'satisfied';
  if (score >= 60) return 'neutral';
  if (score >= 40) return 'dissatisfied';
  return 'very_dissatisfied';
}

export const surveyQuestionKinds = ['rating', 'nps', 'single', 'multiple', 'text'] as const;
export const surveyQuestionKindSchema = z.enum(surveyQuestionKinds);
export type SurveyQuestionKind = z.infer<typeof surveyQuestionKindSchema>;

export const surveyAudiences = ['customer', 'dealer', 'staff'] as const;
export const surveyAudienceSchema = z.enum(surveyAudiences);
export type SurveyAudience = z.infer<typeof surveyAudienceSchema>;

/** 'expectation' / 'perception' for a SERVQUAL gap pair; null = a plain perception question. */
export const surveyPairRoles = ['expectation', 'perception'] as const;
export const surveyPairRoleSchema = z.enum(surveyPairRoles);
export type SurveyPairRole = z.infer<typeof surveyPairRoleSchema>;

const text = (max: number) => z.string().trim().max(max);

export const RATING_SCALE_MIN = 3;
export const RATING_SCALE_MAX = 10;
export const NPS_MAX = 10;

export const surveyOptionSchema = z.object({
  value: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, _ and - only' }),
  label: text(100).min(1),
});
export type SurveyOption = z.infer<typeof surveyOptionSchema>;

/** One question of a 客户满意度调查表. Checked across fields by the template schema. */
export const surveyQuestionSchema = z.object({
  id: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, _ and - only' }),
  kind: surveyQuestionKindSchema,
  text: text(300).min(1),
  required: z.boolean().default(true),
  dimension: surveyDimensionSchema.nullable().default(null),
  // Rating scale 1..scale (rating questions only).
  scale: z.number().int().min(RATING_SCALE_MIN).max(RATING_SCALE_MAX).nullable().default(null),
  options: z.array(surveyOptionSchema).max(20).default([]),
  // SERVQUAL gap: two rating questions sharing a pairId, one expectation and one perception.
  pairId: z.string().trim().min(1).max(40).nullable().default(null),
  pairRole: surveyPairRoleSchema.nullable().default(null),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyQuestionInput = z.input<typeof surveyQuestionSchema>;

function checkQuestion(q: SurveyQuestion, i: number, ctx: z.RefinementCtx) {
  const at = (field: string) => ['questions', i, field];
  if (q.kind === 'rating' && q.scale === null) ctx.addIssue({ code: 'custom', path: at('scale'), message: 'a rating question needs its scale (3–10)' });
  if (q.kind !== 'rating' && q.scale !== null) ctx.addIssue({ code: 'custom', path: at('scale'), message: 'only rating questions have a scale' });
  const isChoice = q.kind === 'single' || q.kind === 'multiple';
  if (isChoice && q.options.length < 2) ctx.addIssue({ code: 'custom', path: at('options'), message: 'a choice question needs at least two options' });
  if (!isChoice && q.options.length > 0) ctx.addIssue({ code: 'custom', path: at('options'), message: 'only choice questions have options' });
  const values = q.options.map((o) => o.value);
  if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: at('options'), message: 'option values must be unique' });
  if (q.dimension !== null && q.kind !== 'rating' && q.kind !== 'nps') {
    ctx.addIssue({ code: 'custom', path: at('dimension'), message: 'only rating and NPS questions carry a dimension' });
  }
  if ((q.pairId === null) !== (q.pairRole === null)) ctx.addIssue({ code: 'custom', path: at('pairRole'), message: 'a pair needs both its id and its role' });
  if (q.pairId !== null && q.kind !== 'rating') ctx.addIssue({ code: 'custom', path: at('pairId'), message: 'only rating questions can be paired' });
}

function checkPairs(questions: SurveyQuestion[], ctx: z.RefinementCtx) {
  const pairs = new Map<string, number[]>();
  questions.forEach((q, i) => {
    if (q.pairId !== null) pairs.set(q.pairId, [...(pairs.get(q.pairId) ?? []), i]);
  });
  for (const [pairId, idx] of pairs) {
    const members = idx.map((i) => questions[i] as SurveyQuestion);
    const roles = members.map((q) => q.pairRole).sort();
    const last = idx[idx.length - 1] as number;
    if (roles.length !== 2 || roles[0] !== 'expectation' || roles[1] !== 'perception') {
      ctx.addIssue({ code: 'custom', path: ['questions', last, 'pairId'], message: `pair ${pairId} needs exactly one expectation and one perception question` });
    } else if (members[0]?.dimension !== members[1]?.dimension || members[0]?.scale !== members[1]?.scale) {
      ctx.addIssue({ code: 'custom', path: ['questions', last, 'pairId'], message: `the two questions of pair ${pairId} need the same dimension and scale` });
    }
  }
}

export const surveyTemplateInputSchema = z
  .object({
    name: text(100).min(1),
    audience: surveyAudienceSchema,
    description: text(1000).default(''),
    questions: z.array(surveyQuestionSchema).min(1).max(60),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id ${q.id} is used twice` });
      seen.add(q.id);
      checkQuestion(q, i, ctx);
    });
    checkPairs(t.questions, ctx);
  });
export type SurveyTemplateInput = z.input<typeof surveyTemplateInputSchema>;
export type SurveyTemplateData = z.output<typeof surveyTemplateInputSchema>;

export const surveyTemplateSchema = z.object({
  id: z.string(),
  familyId: z.string(),
  version: z.number().int(),
  name: z.string(),
  audience: surveyAudienceSchema,
  description: z.string(),
  questions: z.array(surveyQuestionSchema),
  isActive: z.boolean(),
  // Used by a campaign: an edit makes a new version instead of changing this one.
  isInUse: z.boolean(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

export const surveyTemplateSummarySchema = surveyTemplateSchema.omit({ questions: true }).extend({ questionCount: z.number().int() });
export type SurveyTemplateSummary = z.infer<typeof surveyTemplateSummarySchema>;
export const surveyTemplatePageSchema = pageSchema(surveyTemplateSummarySchema);

export const listSurveyTemplatesQuerySchema = listQuerySchema(['name', 'updatedAt'] as const).extend({
  audience: surveyAudienceSchema.optional(),
  includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export type ListSurveyTemplatesQuery = z.infer<typeof listSurveyTemplatesQuerySchema>;

export const updateSurveyTemplateSchema = z.object({ version: z.number().int(), template: surveyTemplateInputSchema });
export type UpdateSurveyTemplateInput = z.input<typeof updateSurveyTemplateSchema>;

// ---- campaigns ----

export const surveySchedules = ['once', 'monthly', 'half_yearly', 'yearly'] as const;
export const surveyScheduleSchema = z.enum(surveySchedules);
export type SurveySchedule = z.infer<typeof surveyScheduleSchema>;

export const surveyCampaignStatuses = ['draft', 'active', 'closed'] as const;
export type SurveyCampaignStatus = (typeof surveyCampaignStatuses)[number];

const provinceCodeSchema = z.string().regex(/^\d{2}$/, { message: 'province code of 2 digits' });

/** Who is asked: filters on the respondents (customers by their orders; outlets; staff). */
export const surveyTargetSchema = z
  .object({
    // Org subtree: the orders' responsible org, the outlets, the staff's org.
    orgId: idSchema.nullable().default(null),
    provinceCodes: z.array(provinceCodeSchema).max(40).default([]),
    // Customer audience only: orders of these models / types, finished in this window (Asia/Shanghai dates).
    modelIds: z.array(idSchema).max(100).default([]),
    orderTypes: z.array(z.enum(workOrderTypes)).max(10).default([]),
    from: localDateSchema.nullable().default(null),
    to: localDateSchema.nullable().default(null),
  })
  .superRefine((t, ctx) => {
    if (t.from && t.to && t.from > t.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the window ends before it starts' });
  });
export type SurveyTarget = z.output<typeof surveyTargetSchema>;

export const SAMPLE_SEED_MAX = 2 ** 31 - 1;

export const createSurveyCampaignSchema = z.object({
  name: text(100).min(1),
  templateId: idSchema,
  schedule: surveyScheduleSchema.default('once'),
  target: surveyTargetSchema.default({ orgId: null, provinceCodes: [], modelIds: [], orderTypes: [], from: null, to: null }),
  // Share of the targets invited (exact: round(share × N)); the seed makes the pick reproducible.
  sampleShare: z.number().gt(0).max(1).default(1),
  seed: z.number().int().min(0).max(SAMPLE_SEED_MAX).optional(),
  expiresInDays: z.number().int().min(1).max(90).default(14),
  maxReminders: z.number().int().min(0).max(5).default(2),
  remindAfterDays: z.number().int().min(1).max(30).default(3),
});
export type CreateSurveyCampaignInput = z.input<typeof createSurveyCampaignSchema>;
export type CreateSurveyCampaignData = z.output<typeof createSurveyCampaignSchema>;

export const surveyCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  templateVersion: z.number().int(),
  audience: surveyAudienceSchema,
  schedule: surveyScheduleSchema,
  target: surveyTargetSchema,
  sampleShare: z.number(),
  seed: z.number().int(),
  expiresInDays: z.number().int(),
  maxReminders: z.number().int(),
  remindAfterDays: z.number().int(),
  status: z.enum(surveyCampaignStatuses),
  currentPeriod: z.string().nullable(),
  nextRunAt: isoInstantSchema.nullable(),
  launchedAt: isoInstantSchema.nullable(),
  invited: z.number().int(),
  answered: z.number().int(),
  // answered / invited, 0–1 (0 when nobody was invited).
  responseRate: z.number(),
  createdAt: isoInstantSchema,
  version: z.number().int(),
});
export type SurveyCampaign = z.infer<typeof surveyCampaignSchema>;
export const surveyCampaignPageSchema = pageSchema(surveyCampaignSchema);

export const listSurveyCampaignsQuerySchema = listQuerySchema(['name', 'createdAt', 'launchedAt'] as const).extend({
  status: z.enum(surveyCampaignStatuses).optional(),
  audience: surveyAudienceSchema.optional(),
});
export type ListSurveyCampaignsQuery = z.infer<typeof listSurveyCampaignsQuerySchema>;

export const surveyCampaignVersionSchema = z.object({ version: z.number().int() });

export const surveyLaunchResultSchema = z.object({
  campaign: surveyCampaignSchema,
  period: z.string(),
  candidates: z.number().int(),
  invited: z.number().int(),
});
export type SurveyLaunchResult = z.infer<typeof surveyLaunchResultSchema>;

// ---- invitations ----

export const surveyInvitationStatuses = ['pending', 'answered', 'expired'] as const;
export type SurveyInvitationStatus = (typeof surveyInvitationStatuses)[number];

export const surveyInvitationSchema = z.object({
  id: z.string(),
  period: z.string(),
  respondentName: z.string(),
  // Masked phone of a customer / the user's login; never the link itself.
  contact: z.string().nullable(),
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  status: z.enum(surveyInvitationStatuses),
  sentAt: isoInstantSchema,
  expiresAt: isoInstantSchema,
  remindedCount: z.number().int(),
  answeredAt: isoInstantSchema.nullable(),
  responseId: z.string().nullable(),
  score: z.number().nullable(),
});
export type SurveyInvitation = z.infer<typeof surveyInvitationSchema>;
export const surveyInvitationPageSchema = pageSchema(surveyInvitationSchema);

export const listSurveyInvitationsQuerySchema = listQuerySchema(['sentAt', 'answeredAt', 'respondentName'] as const).extend({
  status: z.enum(surveyInvitationStatuses).optional(),
  period: z.string().max(10).optional(),
});
export type ListSurveyInvitationsQuery = z.infer<typeof listSurveyInvitationsQuerySchema>;

// ---- answers ----

/** A raw answer as posted: a number (rating/NPS), an option value, several values, or text. */
export const surveyAnswerValueSchema = z.union([z.number(), z.string().max(2000), z.array(z.string().max(40)).max(20)]);
export type SurveyAnswerValue = z.infer<typeof surveyAnswerValueSchema>;

export const surveySubmissionSchema = z.object({
  answers: z.record(z.string().max(40), surveyAnswerValueSchema.nullable()),
  comment: text(2000).optional(),
});
export type SurveySubmission = z.infer<typeof surveySubmissionSchema>;

export const surveyTokenParamsSchema = z.object({ token: z.string().min(1).max(300) });

/** What the public page shows: the questions and a greeting, no personal data. */
export const publicSurveySchema = z.object({
  title: z.string(),
  description: z.string(),
  greeting: z.string(),
  questions: z.array(surveyQuestionSchema),
  expiresAt: isoInstantSchema,
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export const surveySubmitResultSchema = z.object({ ok: z.literal(true), score: z.number().nullable(), level: satisfactionLevelSchema.nullable() });

export const surveyResponseAnswerSchema = z.object({
  questionId: z.string(),
  raw: z.number().nullable(),
  score: z.number().nullable(),
  choices: z.array(z.string()).nullable(),
  text: z.string().nullable(),
});

/** One answered 调查表, for the filled print sheet and the campaign page. */
export const surveyResponseSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  template: surveyTemplateSchema,
  respondentName: z.string(),
  workOrderNumber: z.string().nullable(),
  answeredAt: isoInstantSchema,
  score: z.number().nullable(),
  nps: z.number().int().nullable(),
  level: satisfactionLevelSchema.nullable(),
  comment: z.string().nullable(),
  answers: z.array(surveyResponseAnswerSchema),
  recoveryWorkOrderId: z.string().nullable(),
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

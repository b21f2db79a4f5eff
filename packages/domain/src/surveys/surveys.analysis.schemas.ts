import { z } from 'zod';
import { idSchema } from '../common/common.schemas.js';
import { workOrderTypeSchema } from '../workorders/workorders.schemas.js';
import { satisfactionLevelSchema, surveyAudienceSchema, surveyDimensionSchema } from './surveys.schemas.js';

// Analysis of survey answers (issue 5): filters, grouping and the shapes of the answers.

export const analysisMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month as YYYY-MM' });

/** Keys a breakdown can be grouped by; the dimension is always a grouping of the statistics. */
export const analysisGroupKeys = ['dimension', 'region', 'outlet', 'technician', 'model', 'orderType', 'month'] as const;
export const analysisGroupKeySchema = z.enum(analysisGroupKeys);
export type AnalysisGroupKey = z.infer<typeof analysisGroupKeySchema>;
/** The keys that are columns besides the dimension. */
export type AnalysisExtraKey = Exclude<AnalysisGroupKey, 'dimension'>;

// A year-long period needs 12 months; ten years bounds the trend and the breakdown.
export const ANALYSIS_MAX_MONTHS = 120;

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

const filterShape = {
  audience: surveyAudienceSchema.optional(),
  campaignId: idSchema.optional(),
  from: analysisMonthSchema.optional(),
  to: analysisMonthSchema.optional(),
  regionCode: z.string().regex(/^\d{2}$/, { message: 'province code of 2 digits' }).optional(),
  outletId: idSchema.optional(),
  technicianId: idSchema.optional(),
  modelId: idSchema.optional(),
  orderType: workOrderTypeSchema.optional(),
};

function periodChecked<T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T): T {
  return schema
    .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'the period ends before it starts' })
    .refine((f) => !f.from || !f.to || monthIndex(f.to) - monthIndex(f.from) < ANALYSIS_MAX_MONTHS, {
      path: ['to'], message: `at most ${ANALYSIS_MAX_MONTHS} months`,
    });
}

export const analysisFiltersSchema = periodChecked(z.object(filterShape));
export type AnalysisFilters = z.infer<typeof analysisFiltersSchema>;

export const analysisQuerySchema = periodChecked(
  z.object({ ...filterShape, groupBy: analysisGroupKeySchema.default('dimension'), thenBy: analysisGroupKeySchema.optional() }),
).refine((q) => q.thenBy === undefined || q.thenBy !== q.groupBy, { path: ['thenBy'], message: 'group by two different keys' });
export type AnalysisQuery = z.infer<typeof analysisQuerySchema>;

const levelCountSchema = z.object({ level: satisfactionLevelSchema, count: z.number().int(), share: z.number() });

export const analysisStatsSchema = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  stdDev: z.number().nullable(),
  distribution: z.array(levelCountSchema),
});
export type AnalysisStats = z.infer<typeof analysisStatsSchema>;

export const npsSchema = z.object({
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  // promoters% − detractors%, −100..100; null without answers.
  score: z.number().nullable(),
});
export type Nps = z.infer<typeof npsSchema>;

export const dimensionAnalysisSchema = analysisStatsSchema.extend({
  dimension: surveyDimensionSchema,
  expectationMean: z.number().nullable(),
  perceptionMean: z.number().nullable(),
  // perception − expectation of the paired questions; null unless both sides were answered.
  gap: z.number().nullable(),
  dissatisfied: z.number().int(),
});
export type DimensionAnalysis = z.infer<typeof dimensionAnalysisSchema>;

export const dissatisfactionCauseSchema = z.object({
  dimension: surveyDimensionSchema,
  dissatisfied: z.number().int(),
  // Share of all dissatisfied answers, and of this dimension's answers.
  share: z.number(),
  rate: z.number(),
  mean: z.number().nullable(),
});
export type DissatisfactionCause = z.infer<typeof dissatisfactionCauseSchema>;

/** An option picked in a choice question by dissatisfied respondents (e.g. "what disappointed you?"). */
export const chosenCauseSchema = z.object({
  question: z.string(),
  option: z.string(),
  count: z.number().int(),
  // Share of the dissatisfied respondents who answered this question.
  share: z.number(),
});
export type ChosenCause = z.infer<typeof chosenCauseSchema>;

export const groupValueSchema = z.object({ value: z.string().nullable(), label: z.string() });
export type GroupValue = z.infer<typeof groupValueSchema>;

export const breakdownRowSchema = z.object({
  key: groupValueSchema,
  thenKey: groupValueSchema.nullable(),
  n: z.number().int(),
  mean: z.number().nullable(),
  stdDev: z.number().nullable(),
  dissatisfiedRate: z.number().nullable(),
  nps: z.number().nullable(),
  byDimension: z.record(z.string(), z.number().nullable()),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const trendPointSchema = z.object({
  month: analysisMonthSchema,
  n: z.number().int(),
  mean: z.number().nullable(),
  // Change of the mean against the previous month with answers in the series; null for the first.
  change: z.number().nullable(),
  nps: z.number().nullable(),
  byDimension: z.record(z.string(), z.number().nullable()),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const surveyAnalysisSchema = z.object({
  overall: analysisStatsSchema,
  dimensions: z.array(dimensionAnalysisSchema),
  nps: npsSchema,
  // Responses (respondents) by their overall satisfaction level.
  levels: z.array(levelCountSchema),
  causes: z.array(dissatisfactionCauseSchema),
  chosenCauses: z.array(chosenCauseSchema),
  groupBy: analysisGroupKeySchema,
  thenBy: analysisGroupKeySchema.nullable(),
  breakdown: z.array(breakdownRowSchema),
  truncated: z.boolean(),
});
export type SurveyAnalysis = z.infer<typeof surveyAnalysisSchema>;

export const surveyTrendSchema = z.object({ points: z.array(trendPointSchema) });
export type SurveyTrend = z.infer<typeof surveyTrendSchema>;

import { z } from 'zod';
import { localDateSchema } from '../common/common.schemas.js';
import {
  warrantyAfterServiceSchema,
  warrantyContractKindSchema,
  warrantyExclusionKindSchema,
  warrantyRemedySchema,
  warrantyStartEventSchema,
  warrantyUsageUnitSchema,
  warrantyWindowConditionSchema,
} from './warranty.schemas.js';

// The engine's answer. Every conclusion carries reasons: a code plus params, rendered in words
// by warranty.reasons.ts, so the server, the web app and a printed sheet explain it the same way.

const date = localDateSchema;
const reason = <C extends string, S extends z.ZodRawShape>(code: C, params: S) =>
  z.object({ code: z.literal(code), params: z.object(params) });

export const warrantyRepeatedRuleKindSchema = z.enum([
  'same_fault',
  'main_part_replacements',
  'cumulative_repair_days',
  'single_repair_days',
]);
export type WarrantyRepeatedRuleKind = z.infer<typeof warrantyRepeatedRuleKindSchema>;

export const warrantyCoverageKindSchema = z.enum([
  'return',
  'replace',
  'whole_unit',
  'main_part',
  'contract',
  'repeated_repair',
]);
export type WarrantyCoverageKind = z.infer<typeof warrantyCoverageKindSchema>;

export const warrantyReasonSchema = z.discriminatedUnion('code', [
  reason('start_event', { event: warrantyStartEventSchema, date }),
  reason('start_event_fallback', { requested: warrantyStartEventSchema, used: warrantyStartEventSchema, date }),
  reason('not_started', { from: date }),
  reason('period', { months: z.number().int(), from: date, until: date }),
  reason('no_date_limit', {}),
  reason('window', { days: z.number().int(), condition: warrantyWindowConditionSchema, until: date, isOpen: z.boolean() }),
  reason('no_window', {}),
  reason('usage_within_limit', { limit: z.number(), unit: warrantyUsageUnitSchema, used: z.number(), asOf: date }),
  reason('usage_limit_reached', { limit: z.number(), unit: warrantyUsageUnitSchema, reading: z.number(), reachedOn: date }),
  reason('usage_unknown', { limit: z.number(), unit: warrantyUsageUnitSchema }),
  reason('extended_by_repairs', { days: z.number().int(), repairCount: z.number().int(), originalUntil: date }),
  reason('date_limit_passed', { until: date }),
  reason('excluded', { kind: warrantyExclusionKindSchema, since: date, part: z.string().nullable() }),
  reason('exclusion_not_voiding', { kind: warrantyExclusionKindSchema, since: date }),
  reason('part_excluded', { part: z.string(), kind: warrantyExclusionKindSchema, since: date }),
  reason('wear_parts_excluded', { parts: z.array(z.string()) }),
  reason('contract_period', { contractKind: warrantyContractKindSchema, from: date, until: date }),
  reason('contract_parts', { parts: z.array(z.string()) }),
  reason('repeated_repair_met', {
    rule: warrantyRepeatedRuleKindSchema,
    subject: z.string().nullable(),
    count: z.number().int(),
    threshold: z.number().int(),
    triggeredOn: date,
    remedy: warrantyRemedySchema,
    needsFaultPersisting: z.boolean(),
  }),
  reason('repeated_repair_not_met', {
    rule: warrantyRepeatedRuleKindSchema,
    subject: z.string().nullable(),
    count: z.number().int(),
    threshold: z.number().int(),
  }),
  reason('summary_whole_unit_covered', { until: date.nullable() }),
  reason('summary_partially_covered', {
    covered: z.array(z.object({ kind: warrantyCoverageKindSchema, label: z.string() })),
  }),
  reason('summary_expired', { lastUntil: date.nullable() }),
  reason('summary_excluded', { kind: warrantyExclusionKindSchema, since: date }),
  reason('summary_not_started', { from: date }),
  reason('after_warranty_service', { mode: warrantyAfterServiceSchema }),
]);
export type WarrantyReason = z.infer<typeof warrantyReasonSchema>;
export type WarrantyReasonCode = WarrantyReason['code'];


export const warrantyCoverageStateSchema = z.enum([
  'active',
  'not_started',
  'expired',
  'usage_limit_reached',
  'excluded',
  'not_entitled',
]);
export type WarrantyCoverageState = z.infer<typeof warrantyCoverageStateSchema>;

export const warrantyUsageStatusSchema = z.object({
  limit: z.number(),
  unit: warrantyUsageUnitSchema,
  used: z.number().nullable(), // latest reading on or before the query date, minus the baseline
  asOf: date.nullable(),
  isReached: z.boolean(),
  reachedOn: date.nullable(), // date of the first reading at or over the limit
});
export type WarrantyUsageStatus = z.infer<typeof warrantyUsageStatusSchema>;

export const warrantyCoverageSchema = z.object({
  key: z.string(), // 'return', 'replace', 'whole_unit', 'part:<name>', 'contract:<id>', 'rule:<n>'
  kind: warrantyCoverageKindSchema,
  label: z.string(), // part name, contract name or rule kind; '' for the fixed coverages
  applies: z.boolean(),
  state: warrantyCoverageStateSchema,
  from: date.nullable(),
  until: date.nullable(), // last covered day, inclusive; null: no date limit (or never started)
  usage: warrantyUsageStatusSchema.nullable(),
  extensionDays: z.number().int(),
  remedy: warrantyRemedySchema.nullable(), // repeated-repair entitlements only
  reasons: z.array(warrantyReasonSchema),
});
export type WarrantyCoverage = z.infer<typeof warrantyCoverageSchema>;

export const warrantyStatusSchema = z.enum(['in_warranty', 'partially', 'expired', 'excluded', 'not_started']);
export type WarrantyStatus = z.infer<typeof warrantyStatusSchema>;

export const warrantyResultSchema = z.object({
  queryDate: date,
  start: z.object({ date, event: warrantyStartEventSchema, requestedEvent: warrantyStartEventSchema, isFallback: z.boolean() }),
  status: warrantyStatusSchema,
  until: date.nullable(), // last day the whole unit is covered (policy or whole-unit contract)
  reasons: z.array(warrantyReasonSchema),
  returnWindow: warrantyCoverageSchema,
  replaceWindow: warrantyCoverageSchema,
  wholeUnit: warrantyCoverageSchema,
  mainParts: z.array(warrantyCoverageSchema),
  contracts: z.array(warrantyCoverageSchema),
  repeatedRepair: z.array(warrantyCoverageSchema),
});
export type WarrantyResult = z.infer<typeof warrantyResultSchema>;

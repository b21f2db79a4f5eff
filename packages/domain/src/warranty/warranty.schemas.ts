import { z } from 'zod';
import { localDateSchema } from '../common/common.schemas.js';

// Schemas for 三包 policies (entered by an admin) and for one warranty query. Dates are
// 'YYYY-MM-DD' in Asia/Shanghai; see warranty.dates.ts for how periods are counted.

export const warrantyStartEvents = ['sale', 'installation', 'acceptance'] as const;
export const warrantyStartEventSchema = z.enum(warrantyStartEvents);
export type WarrantyStartEvent = z.infer<typeof warrantyStartEventSchema>;

export const warrantyUsageUnitSchema = z.enum(['hour', 'km']);
export type WarrantyUsageUnit = z.infer<typeof warrantyUsageUnitSchema>;

// What a customer must show to use a return/replace window.
export const warrantyWindowConditionSchema = z.enum([
  'any_reason', // company goodwill: no fault needed
  'quality_issue', // 性能故障 / 质量问题
  'main_part_replacement', // the fault needs a main part replaced
  'serious_safety_fault', // 转向/制动失效、车身开裂、燃油泄漏、动力蓄电池起火 …
]);
export type WarrantyWindowCondition = z.infer<typeof warrantyWindowConditionSchema>;

export const warrantyRemedySchema = z.enum(['replace', 'return', 'replace_or_return', 'replace_part']);
export type WarrantyRemedy = z.infer<typeof warrantyRemedySchema>;

export const warrantyExclusionKindSchema = z.enum(['misuse', 'unauthorised_repair', 'accident', 'modification']);
export type WarrantyExclusionKind = z.infer<typeof warrantyExclusionKindSchema>;

export const warrantyContractKindSchema = z.enum(['extended_warranty', 'maintenance']);
export type WarrantyContractKind = z.infer<typeof warrantyContractKindSchema>;

export const warrantyAfterServiceSchema = z.enum(['none', 'paid', 'lifelong_paid_on_site']);
export type WarrantyAfterService = z.infer<typeof warrantyAfterServiceSchema>;

const name = z.string().trim().min(1).max(50);
const months = z.number().int().min(1).max(600);
const usage = z.number().positive().max(1e9);

export const warrantyWindowSchema = z.object({
  days: z.number().int().min(1).max(3650),
  usageLimit: usage.optional(),
  condition: warrantyWindowConditionSchema,
});
export type WarrantyWindow = z.infer<typeof warrantyWindowSchema>;

export const warrantyMainPartSchema = z.object({ name, months, usageLimit: usage.optional() });
export type WarrantyMainPart = z.infer<typeof warrantyMainPartSchema>;

// 'all_days': a repair longer than minDays extends by all its days;
// 'days_beyond': it extends only by the days beyond minDays.
export const warrantyRepairExtensionSchema = z.object({
  mode: z.enum(['all_days', 'days_beyond']),
  minDays: z.number().int().min(0).max(365),
});
export type WarrantyRepairExtension = z.infer<typeof warrantyRepairExtensionSchema>;

export const warrantyRepeatedRepairRuleSchema = z.discriminatedUnion('kind', [
  // The same fault code repaired at least minRepairs times.
  z.object({
    kind: z.literal('same_fault'),
    minRepairs: z.number().int().min(1).max(20),
    seriousOnly: z.boolean(),
    needsFaultPersisting: z.boolean(), // "仍未排除": the customer must show it is still there
    remedy: warrantyRemedySchema,
  }),
  // The same main part replaced at least minReplacements times; parts default to all main parts.
  z.object({
    kind: z.literal('main_part_replacements'),
    minReplacements: z.number().int().min(1).max(20),
    parts: z.array(name).optional(),
    needsFaultPersisting: z.boolean(),
    remedy: warrantyRemedySchema,
  }),
  // Repair days summed over all repairs exceed moreThanDays.
  z.object({
    kind: z.literal('cumulative_repair_days'),
    moreThanDays: z.number().int().min(1).max(3650),
    remedy: warrantyRemedySchema,
  }),
  // One repair took more than moreThanDays.
  z.object({
    kind: z.literal('single_repair_days'),
    moreThanDays: z.number().int().min(1).max(3650),
    remedy: warrantyRemedySchema,
  }),
]);
export type WarrantyRepeatedRepairRule = z.infer<typeof warrantyRepeatedRepairRuleSchema>;

// The period in which repeated repairs entitle a remedy (三包有效期). Omitted limits inherit the
// whole-unit repair warranty's.
export const warrantyRepeatedRepairSchema = z.object({
  withinMonths: months.optional(),
  withinUsage: usage.optional(),
  rules: z.array(warrantyRepeatedRepairRuleSchema).min(1).max(10),
});
export type WarrantyRepeatedRepair = z.infer<typeof warrantyRepeatedRepairSchema>;

export const warrantyPolicyFieldsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scope: z.object({ kind: z.enum(['category', 'model']), code: z.string().trim().min(1).max(64) }),
  source: z.string().trim().max(200).optional(), // the rule the policy follows
  startEvent: warrantyStartEventSchema,
  usageUnit: warrantyUsageUnitSchema.optional(),
  returnWindows: z.array(warrantyWindowSchema).max(5),
  replaceWindows: z.array(warrantyWindowSchema).max(5),
  wholeUnit: z.object({ months: months.optional(), usageLimit: usage.optional() }),
  mainParts: z.array(warrantyMainPartSchema).max(30).optional(),
  repairExtension: warrantyRepairExtensionSchema.optional(),
  repeatedRepair: warrantyRepeatedRepairSchema.optional(),
  exclusions: z.object({
    voidingKinds: z.array(warrantyExclusionKindSchema).max(4), // recorded exclusions of these kinds void coverage
    wearParts: z.array(name).max(50), // 易损件: never covered by the repair warranty
  }),
  afterWarranty: warrantyAfterServiceSchema.optional(),
});

type PolicyFields = z.infer<typeof warrantyPolicyFieldsSchema>;
type Issue = { message: string; path: (string | number)[] };

const longest = (windows: WarrantyWindow[]) => Math.max(0, ...windows.map((w) => w.days));

function policyIssues(p: PolicyFields): Issue[] {
  const issues: Issue[] = [];
  const whole = p.wholeUnit;
  if (whole.months === undefined && whole.usageLimit === undefined) {
    issues.push({ message: 'set months, a usage limit, or both', path: ['wholeUnit', 'months'] });
  }
  const replaceDays = longest(p.replaceWindows);
  const returnDays = longest(p.returnWindows);
  if (returnDays > replaceDays) {
    const index = Math.max(0, p.replaceWindows.findIndex((w) => w.days === replaceDays));
    const path = p.replaceWindows.length ? ['replaceWindows', index, 'days'] : ['replaceWindows'];
    issues.push({ message: `replacement window must not be shorter than return window (${returnDays} days)`, path });
  }
  const seen = new Set<string>();
  (p.mainParts ?? []).forEach((part, i) => {
    if (seen.has(part.name)) issues.push({ message: 'duplicate main part', path: ['mainParts', i, 'name'] });
    seen.add(part.name);
    if (whole.months !== undefined && part.months < whole.months) {
      issues.push({ message: `must not be shorter than the whole unit (${whole.months} months)`, path: ['mainParts', i, 'months'] });
    }
    if (whole.usageLimit !== undefined && part.usageLimit !== undefined && part.usageLimit < whole.usageLimit) {
      issues.push({ message: `must not be lower than the whole unit (${whole.usageLimit})`, path: ['mainParts', i, 'usageLimit'] });
    }
  });
  (p.repeatedRepair?.rules ?? []).forEach((rule, i) => {
    if (rule.kind !== 'main_part_replacements') return;
    (rule.parts ?? []).forEach((part, j) => {
      if (!seen.has(part)) {
        issues.push({ message: 'not a main part of this policy', path: ['repeatedRepair', 'rules', i, 'parts', j] });
      }
    });
  });
  const hasUsageLimit =
    whole.usageLimit !== undefined ||
    p.repeatedRepair?.withinUsage !== undefined ||
    [...p.returnWindows, ...p.replaceWindows, ...(p.mainParts ?? [])].some((x) => x.usageLimit !== undefined);
  if (hasUsageLimit && !p.usageUnit) {
    issues.push({ message: 'usage limits need a usage unit (hours or km)', path: ['usageUnit'] });
  }
  return issues;
}

export const warrantyPolicySchema = warrantyPolicyFieldsSchema.superRefine((policy, ctx) => {
  for (const issue of policyIssues(policy)) ctx.addIssue({ code: 'custom', ...issue });
});
export type WarrantyPolicy = z.infer<typeof warrantyPolicySchema>;

// ── One query: the unit, its history and the date ───────────────────────────────────────────

export const warrantyUnitSchema = z.object({
  serialNo: z.string().trim().max(64).optional(),
  saleDate: localDateSchema, // invoice / sale date (开票日期); always known for a registered unit
  installationDate: localDateSchema.optional(),
  acceptanceDate: localDateSchema.optional(), // 验收 / 交付
  startEvent: warrantyStartEventSchema.optional(), // overrides the policy's start event for this unit
  initialUsage: z.number().min(0).optional(), // meter reading when the warranty started; default 0
});
export type WarrantyUnit = z.infer<typeof warrantyUnitSchema>;

export const warrantyMeterReadingSchema = z.object({ date: localDateSchema, value: z.number().min(0) });
export type WarrantyMeterReading = z.infer<typeof warrantyMeterReadingSchema>;

export const warrantyRepairSchema = z.object({
  id: z.string().max(64).optional(),
  faultCode: z.string().trim().min(1).max(64),
  description: z.string().max(500).optional(),
  isSerious: z.boolean().optional(),
  mainPart: name.optional(),
  isMainPartReplacement: z.boolean().optional(),
  isWarrantyRepair: z.boolean().optional(), // false for paid repairs; they neither extend nor count
  startDate: localDateSchema, // 送修之日
  endDate: localDateSchema.optional(), // 修复交付之日; missing while still in repair
});
export type WarrantyRepair = z.infer<typeof warrantyRepairSchema>;

export const warrantyContractSchema = z.object({
  id: z.string().trim().min(1).max(64),
  kind: warrantyContractKindSchema,
  name: z.string().trim().min(1).max(100),
  startDate: localDateSchema,
  endDate: localDateSchema, // last covered day, inclusive
  coveredParts: z.array(name).max(50).optional(), // omitted: the whole unit
  usageLimit: usage.optional(), // a total meter reading, e.g. "until 100,000 km on the odometer"
});
export type WarrantyContract = z.infer<typeof warrantyContractSchema>;

export const warrantyExclusionSchema = z.object({
  kind: warrantyExclusionKindSchema,
  foundOn: localDateSchema,
  part: name.optional(), // omitted: the whole unit
  note: z.string().max(500).optional(),
});
export type WarrantyExclusion = z.infer<typeof warrantyExclusionSchema>;

export const warrantyInputSchema = z
  .object({
    unit: warrantyUnitSchema,
    policy: warrantyPolicySchema,
    readings: z.array(warrantyMeterReadingSchema).max(10_000).optional(),
    repairs: z.array(warrantyRepairSchema).max(1_000).optional(),
    contracts: z.array(warrantyContractSchema).max(100).optional(),
    exclusions: z.array(warrantyExclusionSchema).max(100).optional(),
    queryDate: localDateSchema,
  })
  .superRefine((input, ctx) => {
    (input.repairs ?? []).forEach((r, i) => {
      if (r.endDate !== undefined && r.endDate < r.startDate) {
        ctx.addIssue({ code: 'custom', message: 'must not be before startDate', path: ['repairs', i, 'endDate'] });
      }
      if (r.isMainPartReplacement && !r.mainPart) {
        ctx.addIssue({ code: 'custom', message: 'a main-part replacement names the part', path: ['repairs', i, 'mainPart'] });
      }
    });
    (input.contracts ?? []).forEach((c, i) => {
      if (c.endDate < c.startDate) {
        ctx.addIssue({ code: 'custom', message: 'must not be before startDate', path: ['contracts', i, 'endDate'] });
      }
      if (c.usageLimit !== undefined && !input.policy.usageUnit) {
        ctx.addIssue({ code: 'custom', message: 'the policy has no usage unit', path: ['contracts', i, 'usageLimit'] });
      }
    });
  });
export type WarrantyInput = z.infer<typeof warrantyInputSchema>;

import { z } from 'zod';
import { idSchema } from '../common/common.schemas.js';

// 客户投诉处理情况表 / service report: what was done on site, and what of it the customer pays.
// The charge sheet is a pure function of the report, the catalogue prices, the rates and the
// warranty coverage on the fault date, so the server, the web form and the printed sheet agree.

export const liabilities = ['quality_defect', 'misuse', 'wear', 'third_party', 'undetermined'] as const;
export const liabilitySchema = z.enum(liabilities);
export type Liability = z.infer<typeof liabilitySchema>;

export const reportPartInputSchema = z.object({
  partId: idSchema,
  quantity: z.number().int().min(1).max(999),
  // 旧件返厂: the replaced part goes back to the factory for quality analysis.
  oldPartReturned: z.boolean().default(false),
});
export type ReportPartInput = z.infer<typeof reportPartInputSchema>;

export const serviceReportInputSchema = z.object({
  parts: z.array(reportPartInputSchema).max(50).default([]),
  // Main part replaced (its name as in the model's main parts), for the repeated-repair rules.
  mainPartReplaced: z.string().trim().min(1).max(50).nullable().optional(),
  faultCode: z.string().trim().min(1).max(64).nullable().optional(),
  isSeriousFault: z.boolean().default(false),
  labourHours: z.number().min(0).max(999).multipleOf(0.25).default(0),
  travelKm: z.number().min(0).max(10_000).default(0),
  testRun: z.object({ passed: z.boolean(), note: z.string().trim().max(1000).optional() }).nullable().optional(),
  liability: liabilitySchema,
  compensationFen: z.number().int().min(0).max(100_000_000).default(0),
  // A published standard decides the amount instead (compensationFen is then ignored).
  compensationStandardId: idSchema.nullable().optional(),
  compensationNote: z.string().trim().max(500).optional(),
  // The customer's signature drawn on screen, uploaded as an attachment of the order (purpose signature).
  signatureAttachmentId: idSchema.nullable().optional(),
  version: z.number().int().min(1), // the order's version
});
export type ServiceReportInput = z.infer<typeof serviceReportInputSchema>;

export type CatalogPart = { id: string; code: string; name: string; priceFen: number; isWearPart: boolean; quantity: number; oldPartReturned: boolean };

/** What the warranty engine said about the fault date, reduced to what pricing needs. */
export type RepairCoverage = {
  /** The whole-unit repair warranty (包修) applies. */
  wholeUnit: boolean;
  /** Main parts whose longer warranty applies (by name). */
  mainParts: readonly string[];
  /** A service contract (维保合同) covers the repair. */
  contract: boolean;
  /** Wear parts by name (易损件), never covered. */
  wearParts: readonly string[];
};

export type ChargeRates = { labourFenPerHour: number; travelFenPerKm: number };

export const chargeLineSchema = z.object({
  kind: z.enum(['part', 'labour', 'travel', 'compensation']),
  code: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  unitFen: z.number().int(),
  amountFen: z.number().int(),
  free: z.boolean(),
  reason: z.enum(['warranty', 'main_part_warranty', 'contract', 'wear_part', 'not_covered', 'liability', 'no_unit', 'compensation']),
});
export type ChargeLine = z.infer<typeof chargeLineSchema>;

export const chargeSheetSchema = z.object({
  lines: z.array(chargeLineSchema),
  chargedFen: z.number().int(),
  freeFen: z.number().int(),
  compensationFen: z.number().int(),
  isWarrantyRepair: z.boolean(),
});
export type ChargeSheet = z.infer<typeof chargeSheetSchema>;

/** Liability that keeps the repair under warranty: a quality defect, or not (yet) attributable. */
const warrantyLiabilities: readonly Liability[] = ['quality_defect', 'undetermined'];

/**
 * Free vs charged, line by line:
 * - nothing is free when the customer (misuse), wear or a third party is liable, or there is no unit;
 * - a wear part is always charged; another part is free under the whole-unit warranty, when the
 *   repair was on a main part whose own warranty still runs, or under a contract;
 * - labour and travel are free whenever the repair itself is a warranty repair.
 */
export function computeChargeSheet(input: {
  parts: readonly CatalogPart[];
  /** The main part the repair was on (the report's mainPartReplaced): its own warranty covers the parts used. */
  mainPart: string | null;
  labourHours: number;
  travelKm: number;
  rates: ChargeRates;
  coverage: RepairCoverage | null;
  liability: Liability;
  compensationFen: number;
}): ChargeSheet {
  const { coverage } = input;
  const liable = warrantyLiabilities.includes(input.liability);
  const lines: ChargeLine[] = [];
  let anyCovered = false;
  for (const part of input.parts) {
    const amountFen = part.priceFen * part.quantity;
    const base = { kind: 'part' as const, code: part.code, description: part.name, quantity: part.quantity, unitFen: part.priceFen, amountFen };
    let reason: ChargeLine['reason'];
    if (!coverage) reason = 'no_unit';
    else if (!liable) reason = 'liability';
    else if (part.isWearPart || coverage.wearParts.includes(part.name)) reason = 'wear_part';
    else if (coverage.wholeUnit) reason = 'warranty';
    else if (input.mainPart !== null && coverage.mainParts.includes(input.mainPart)) reason = 'main_part_warranty';
    else if (coverage.contract) reason = 'contract';
    else reason = 'not_covered';
    const free = reason === 'warranty' || reason === 'main_part_warranty' || reason === 'contract';
    if (free) anyCovered = true;
    lines.push({ ...base, free, reason });
  }
  const repairCovered = coverage !== null && liable && (coverage.wholeUnit || coverage.contract || anyCovered);
  const serviceReason: ChargeLine['reason'] = !coverage ? 'no_unit' : !liable ? 'liability' : repairCovered ? (coverage.wholeUnit ? 'warranty' : coverage.contract ? 'contract' : 'main_part_warranty') : 'not_covered';
  if (input.labourHours > 0) {
    lines.push({
      kind: 'labour', code: null, description: 'labour', quantity: input.labourHours, unitFen: input.rates.labourFenPerHour,
      amountFen: Math.round(input.labourHours * input.rates.labourFenPerHour), free: repairCovered, reason: serviceReason,
    });
  }
  if (input.travelKm > 0) {
    lines.push({
      kind: 'travel', code: null, description: 'travel', quantity: input.travelKm, unitFen: input.rates.travelFenPerKm,
      amountFen: Math.round(input.travelKm * input.rates.travelFenPerKm), free: repairCovered, reason: serviceReason,
    });
  }
  if (input.compensationFen > 0) {
    lines.push({ kind: 'compensation', code: null, description: 'compensation', quantity: 1, unitFen: -input.compensationFen, amountFen: -input.compensationFen, free: false, reason: 'compensation' });
  }
  const chargedFen = lines.filter((l) => !l.free).reduce((sum, l) => sum + l.amountFen, 0);
  const freeFen = lines.filter((l) => l.free).reduce((sum, l) => sum + l.amountFen, 0);
  return { lines, chargedFen, freeFen, compensationFen: input.compensationFen, isWarrantyRepair: repairCovered };
}

export const serviceReportSchema = z.object({
  parts: z.array(z.object({ partId: z.string(), code: z.string(), name: z.string(), quantity: z.number().int(), priceFen: z.number().int(), isWearPart: z.boolean(), oldPartReturned: z.boolean() })),
  mainPartReplaced: z.string().nullable(),
  faultCode: z.string().nullable(),
  isSeriousFault: z.boolean(),
  labourHours: z.number(),
  travelKm: z.number(),
  testRun: z.object({ passed: z.boolean(), note: z.string().optional() }).nullable(),
  liability: liabilitySchema,
  compensationFen: z.number().int(),
  compensationStandard: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  compensationNote: z.string().nullable(),
  signatureAttachmentId: z.string().nullable(),
  coverage: z.object({
    faultDate: z.string(),
    summary: z.string(),
    wholeUnit: z.boolean(),
    mainParts: z.array(z.string()),
    contract: z.boolean(),
  }).nullable(),
  charges: chargeSheetSchema,
  submittedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;

// ── Compensation standards (赔偿标准) ──────────────────────────────────────────────────────────
// Liability is settled by a published standard instead of case-by-case arguing: a fixed amount,
// or a share of the repair's value, for the liabilities it names.

export const compensationKinds = ['fixed', 'percent_of_repair'] as const;
export const compensationStandardInputSchema = z
  .object({
    code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, - and _ only' }),
    name: z.string().trim().min(1).max(100),
    // null: any liability that keeps the repair under warranty (quality defect, undetermined).
    liability: liabilitySchema.nullable(),
    kind: z.enum(compensationKinds),
    amountFen: z.number().int().min(0).max(100_000_000).nullable(),
    percent: z.number().min(0).max(100).nullable(),
    active: z.boolean().default(true),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'fixed' && s.amountFen === null) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'a fixed standard needs its amount' });
    if (s.kind === 'percent_of_repair' && s.percent === null) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'a percentage standard needs its percent' });
  });
export type CompensationStandardInput = z.infer<typeof compensationStandardInputSchema>;
export const compensationStandardSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), liability: liabilitySchema.nullable(), kind: z.enum(compensationKinds),
  amountFen: z.number().int().nullable(), percent: z.number().nullable(), active: z.boolean(), version: z.number().int(),
});
export type CompensationStandard = z.infer<typeof compensationStandardSchema>;
export const compensationStandardListSchema = z.object({ items: z.array(compensationStandardSchema) });

export type CompensationRule = { kind: (typeof compensationKinds)[number]; liability: Liability | null; amountFen: number | null; percent: number | null };

/**
 * The compensation a standard grants for a report: null when the standard does not apply to the
 * liability found (the caller refuses it); else fixed, or the share of the repair's value (every
 * part, labour and travel line, free or charged), in whole fen.
 */
export function compensationFor(rule: CompensationRule, liability: Liability, repairValueFen: number): number | null {
  const applies = rule.liability === null ? warrantyLiabilities.includes(liability) : rule.liability === liability;
  if (!applies) return null;
  if (rule.kind === 'fixed') return rule.amountFen ?? 0;
  return Math.round((repairValueFen * (rule.percent ?? 0)) / 100);
}

import { z } from 'zod';
import { idSchema, listQuerySchema, localDateSchema, pageSchema } from '../common/common.schemas.js';
import { meterKindSchema } from '../catalogue/catalogue.schemas.js';
import { warrantyContractKindSchema, warrantyStartEventSchema } from '../warranty/warranty.schemas.js';
import { warrantyCoverageSchema, warrantyResultSchema, warrantyStatusSchema } from '../warranty/warranty.result.schemas.js';

// 装机档案: one record per sold unit, identified by its serial number.

const text = (max: number) => z.string().trim().max(max);

export const serialNoSchema = z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, { message: 'letters, digits, . _ / - only' });

export const equipmentStatuses = ['in_service', 'idle', 'under_repair', 'stored', 'scrapped'] as const;
export const equipmentStatusSchema = z.enum(equipmentStatuses);
export type EquipmentStatus = z.infer<typeof equipmentStatusSchema>;

const divisionCode = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), { message: `division code of ${digits} digits` });

export const siteInputSchema = z.object({
  address: text(200).min(1),
  provinceCode: divisionCode(2).optional(),
  cityCode: divisionCode(4).optional(),
  countyCode: divisionCode(6).optional(),
});
export type SiteInput = z.infer<typeof siteInputSchema>;

type Dates = { saleDate?: string | undefined; deliveryDate?: string | null | undefined; installationDate?: string | null | undefined; acceptanceDate?: string | null | undefined };
type Issue = { path: string[]; message: string };

/** Sale ≤ delivery ≤ installation ≤ acceptance, for those that are known. */
export function equipmentDateIssues(d: Dates): Issue[] {
  const chain: [keyof Dates, string | null | undefined][] = [
    ['saleDate', d.saleDate], ['deliveryDate', d.deliveryDate], ['installationDate', d.installationDate], ['acceptanceDate', d.acceptanceDate],
  ];
  const issues: Issue[] = [];
  let previous: [keyof Dates, string] | null = null;
  for (const [field, value] of chain) {
    if (!value) continue;
    if (previous && value < previous[1]) issues.push({ path: [field], message: `must not be before ${previous[0]}` });
    else previous = [field, value];
  }
  return issues;
}

const unitFields = {
  serialNo: serialNoSchema,
  modelId: idSchema,
  customerId: idSchema, // the owner (机主)
  outletOrgId: idSchema.nullable().optional(), // selling dealer / servicing outlet
  site: siteInputSchema.nullable().optional(),
  saleDate: localDateSchema, // invoice date (开票日期)
  deliveryDate: localDateSchema.nullable().optional(),
  installationDate: localDateSchema.nullable().optional(),
  acceptanceDate: localDateSchema.nullable().optional(),
  // Overrides the policy's start event for this unit (e.g. a contract says "from acceptance").
  warrantyStartEvent: warrantyStartEventSchema.nullable().optional(),
  status: equipmentStatusSchema.default('in_service'),
  notes: text(2000).optional(),
};

export const createEquipmentSchema = z.object(unitFields).superRefine((u, ctx) => {
  for (const issue of equipmentDateIssues(u)) ctx.addIssue({ code: 'custom', ...issue });
});
export type CreateEquipmentInput = z.infer<typeof createEquipmentSchema>;

// The owner changes only through a transfer, so it keeps its history.
export const updateEquipmentSchema = z.object({
  modelId: idSchema.optional(),
  outletOrgId: unitFields.outletOrgId,
  site: unitFields.site,
  saleDate: localDateSchema.optional(),
  deliveryDate: unitFields.deliveryDate,
  installationDate: unitFields.installationDate,
  acceptanceDate: unitFields.acceptanceDate,
  warrantyStartEvent: unitFields.warrantyStartEvent,
  status: equipmentStatusSchema.optional(),
  notes: text(2000).nullable().optional(),
  version: z.number().int().min(1),
});
export type UpdateEquipmentInput = z.infer<typeof updateEquipmentSchema>;

export const equipmentSchema = z.object({
  id: z.string(),
  serialNo: z.string(),
  modelId: z.string(),
  modelCode: z.string(),
  modelName: z.string(),
  categoryName: z.string(),
  meterKind: meterKindSchema,
  customerId: z.string(),
  customerName: z.string(),
  orgId: z.string(), // the owner's owning org: decides who sees the unit
  orgName: z.string(),
  outletOrgId: z.string().nullable(),
  outletOrgName: z.string().nullable(),
  site: z.object({ address: z.string(), provinceCode: z.string().nullable(), cityCode: z.string().nullable(), countyCode: z.string().nullable() }).nullable(),
  saleDate: z.string(),
  deliveryDate: z.string().nullable(),
  installationDate: z.string().nullable(),
  acceptanceDate: z.string().nullable(),
  warrantyStartEvent: warrantyStartEventSchema.nullable(),
  status: equipmentStatusSchema,
  latestReading: z.object({ date: z.string(), value: z.number() }).nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Equipment = z.infer<typeof equipmentSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const equipmentSortable = ['serialNo', 'saleDate', 'createdAt', 'updatedAt'] as const;
export const listEquipmentQuerySchema = listQuerySchema(equipmentSortable).extend({
  customerId: idSchema.optional(),
  modelId: idSchema.optional(),
  categoryId: idSchema.optional(),
  outletOrgId: idSchema.optional(),
  status: equipmentStatusSchema.optional(),
  // q: serial-number prefix (what the caller reads off the nameplate).
  isScrapped: booleanQuery.optional(),
});
export type ListEquipmentQuery = z.infer<typeof listEquipmentQuerySchema>;
// A serial search counts at most a hundred matches past the page: isTotalCapped says total is a lower bound.
export const equipmentPageSchema = pageSchema(equipmentSchema).extend({ isTotalCapped: z.boolean() });
export type EquipmentPage = z.infer<typeof equipmentPageSchema>;

// ── Meter readings ───────────────────────────────────────────────────────────────────────────
export const createReadingSchema = z.object({
  date: localDateSchema,
  value: z.number().min(0).max(1e9),
  note: text(200).optional(),
});
export type CreateReadingInput = z.infer<typeof createReadingSchema>;
export const readingSchema = z.object({ id: z.string(), date: z.string(), value: z.number(), note: z.string().nullable(), recordedBy: z.string().nullable(), createdAt: z.string() });
export type Reading = z.infer<typeof readingSchema>;
export const readingListSchema = z.object({ items: z.array(readingSchema) });

// ── Ownership transfers ──────────────────────────────────────────────────────────────────────
export const createTransferSchema = z.object({
  toCustomerId: idSchema,
  date: localDateSchema,
  note: text(500).optional(),
  version: z.number().int().min(1), // the unit's version
});
export type CreateTransferInput = z.infer<typeof createTransferSchema>;
export const transferSchema = z.object({
  id: z.string(), date: z.string(), fromCustomerId: z.string(), fromCustomerName: z.string(), toCustomerId: z.string(), toCustomerName: z.string(),
  note: z.string().nullable(), recordedBy: z.string().nullable(), createdAt: z.string(),
});
export type Transfer = z.infer<typeof transferSchema>;
export const transferListSchema = z.object({ items: z.array(transferSchema) });

// ── Service contracts (维保合同 / 延保) ─────────────────────────────────────────────────────
export const createContractSchema = z
  .object({
    kind: warrantyContractKindSchema,
    contractNo: text(50).min(1),
    name: text(100).min(1),
    startDate: localDateSchema,
    endDate: localDateSchema, // last covered day
    coveredParts: z.array(text(50).min(1)).max(50).optional(), // omitted: the whole unit
    usageLimit: z.number().positive().max(1e9).optional(), // total meter reading
    priceFen: z.number().int().min(0).max(1_000_000_000).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.endDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
  });
export type CreateContractInput = z.infer<typeof createContractSchema>;
export const contractSchema = z.object({
  id: z.string(), kind: warrantyContractKindSchema, contractNo: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(),
  coveredParts: z.array(z.string()).nullable(), usageLimit: z.number().nullable(), priceFen: z.number().int().nullable(), createdAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;
export const contractListSchema = z.object({ items: z.array(contractSchema) });

// ── Warranty status ──────────────────────────────────────────────────────────────────────────
export const warrantyQuerySchema = z.object({ date: localDateSchema.optional() });

const explainedCoverage = warrantyCoverageSchema.extend({ explanation: z.string() });
export const equipmentWarrantySchema = z.object({
  unitId: z.string(),
  serialNo: z.string(),
  policyName: z.string(),
  policySource: z.enum(['model', 'category']),
  summary: z.string(),
  result: warrantyResultSchema,
  coverages: z.array(explainedCoverage),
  // Repairs come from work orders, which do not exist yet: the history is empty for now.
  repairHistoryIncluded: z.boolean(),
});
export type EquipmentWarranty = z.infer<typeof equipmentWarrantySchema>;

// Public check by serial: no owner, no site, no dates beyond coverage.
export const publicWarrantyParamsSchema = z.object({ serial: serialNoSchema });
export const publicWarrantySchema = z.object({
  serialNo: z.string(),
  modelName: z.string(),
  status: warrantyStatusSchema,
  until: z.string().nullable(),
  summary: z.string(),
  coverages: z.array(z.object({ kind: z.string(), label: z.string(), applies: z.boolean(), until: z.string().nullable(), explanation: z.string() })),
});
export type PublicWarranty = z.infer<typeof publicWarrantySchema>;

/** Chinese text of the English messages above, for the server's validation-message table. */
export const equipmentIssueMessagesZh: Record<string, string> = {
  'letters, digits, . _ / - only': '只能包含字母、数字、.、_、/ 和 -',
  'must not be before saleDate': '不能早于销售(开票)日期',
  'must not be before deliveryDate': '不能早于交付日期',
  'must not be before installationDate': '不能早于安装日期',
  'must not be before startDate': '不能早于开始日期',
};

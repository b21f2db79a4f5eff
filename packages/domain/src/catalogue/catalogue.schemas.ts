import { z } from 'zod';
import { idSchema, listQuerySchema, pageSchema } from '../common/common.schemas.js';
import { warrantyPolicySchema } from '../warranty/warranty.schemas.js';

// The product catalogue is global (not org-scoped): HQ maintains it, every role reads it.

const text = (max: number) => z.string().trim().max(max);
export const catalogueCodeSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'letters, digits, . _ - only' });

// What a model's usage meter counts (工作小时 / 里程), or nothing (空调, 弱电系统).
export const meterKinds = ['hours', 'km', 'none'] as const;
export const meterKindSchema = z.enum(meterKinds);
export type MeterKind = z.infer<typeof meterKindSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ── Categories ───────────────────────────────────────────────────────────────────────────────
export const createCategorySchema = z.object({
  code: catalogueCodeSchema,
  name: text(50).min(1),
  // 三包 policy of every model in the category unless the model has its own. Its scope is set by the server.
  warrantyPolicy: warrantyPolicySchema.nullable().optional(),
});
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

export const updateCategorySchema = z.object({
  name: text(50).min(1).optional(),
  warrantyPolicy: warrantyPolicySchema.nullable().optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>;

export const categorySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  warrantyPolicy: warrantyPolicySchema.nullable(),
  modelCount: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Category = z.infer<typeof categorySchema>;
export const categoryListSchema = z.object({ items: z.array(categorySchema) });

// ── Models ───────────────────────────────────────────────────────────────────────────────────
export const mainPartSchema = z.object({ code: catalogueCodeSchema, name: text(50).min(1) });
export type MainPart = z.infer<typeof mainPartSchema>;

const mainPartsField = z
  .array(mainPartSchema)
  .max(30)
  .superRefine((parts, ctx) => {
    const codes = new Set<string>();
    const names = new Set<string>();
    parts.forEach((p, i) => {
      if (codes.has(p.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'duplicate part code' });
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'duplicate part name' });
      codes.add(p.code);
      names.add(p.name);
    });
  });

export const createModelSchema = z.object({
  code: catalogueCodeSchema,
  name: text(100).min(1),
  categoryId: idSchema,
  meterKind: meterKindSchema,
  mainParts: mainPartsField.default([]),
  // Overrides the category's policy for this model.
  warrantyPolicy: warrantyPolicySchema.nullable().optional(),
});
export type CreateModelInput = z.infer<typeof createModelSchema>;

export const updateModelSchema = z.object({
  name: text(100).min(1).optional(),
  categoryId: idSchema.optional(),
  meterKind: meterKindSchema.optional(),
  mainParts: mainPartsField.optional(),
  warrantyPolicy: warrantyPolicySchema.nullable().optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdateModelInput = z.infer<typeof updateModelSchema>;

export const modelSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  meterKind: meterKindSchema,
  mainParts: z.array(mainPartSchema),
  warrantyPolicy: warrantyPolicySchema.nullable(),
  // 'model', 'category' or null: where the policy that applies to its units comes from.
  policySource: z.enum(['model', 'category']).nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductModel = z.infer<typeof modelSchema>;

export const modelSortable = ['code', 'name', 'createdAt'] as const;
export const listModelsQuerySchema = listQuerySchema(modelSortable).extend({
  categoryId: idSchema.optional(),
  isActive: booleanQuery.optional(),
});
export type ListModelsQuery = z.infer<typeof listModelsQuerySchema>;
export const modelPageSchema = pageSchema(modelSchema);

// ── Spare parts ──────────────────────────────────────────────────────────────────────────────
const sparePartFields = {
  code: catalogueCodeSchema,
  name: text(100).min(1),
  unit: text(10).min(1).default('件'),
  priceFen: z.number().int().min(0).max(1_000_000_000), // unit price in integer fen
  isWearPart: z.boolean().default(false), // 易损件: not covered by the repair warranty
  modelIds: z.array(idSchema).max(200).refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate model' }).default([]),
};
export const createSparePartSchema = z.object(sparePartFields);
export type CreateSparePartInput = z.infer<typeof createSparePartSchema>;

export const updateSparePartSchema = z.object({
  name: sparePartFields.name.optional(),
  unit: text(10).min(1).optional(),
  priceFen: sparePartFields.priceFen.optional(),
  isWearPart: z.boolean().optional(),
  modelIds: z.array(idSchema).max(200).refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate model' }).optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdateSparePartInput = z.infer<typeof updateSparePartSchema>;

export const sparePartSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  priceFen: z.number().int(),
  isWearPart: z.boolean(),
  models: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SparePart = z.infer<typeof sparePartSchema>;

export const sparePartSortable = ['code', 'name', 'priceFen'] as const;
export const listSparePartsQuerySchema = listQuerySchema(sparePartSortable).extend({
  modelId: idSchema.optional(),
  isWearPart: booleanQuery.optional(),
  isActive: booleanQuery.optional(),
});
export type ListSparePartsQuery = z.infer<typeof listSparePartsQuerySchema>;
export const sparePartPageSchema = pageSchema(sparePartSchema);

export const warrantyPresetListSchema = z.object({
  items: z.array(z.object({ key: z.string(), policy: warrantyPolicySchema })),
});

/** Chinese text of the English messages above, for the server's validation-message table. */
export const catalogueIssueMessagesZh: Record<string, string> = {
  'duplicate part code': '部件编码重复',
  'duplicate part name': '部件名称重复',
  'duplicate model': '适用机型重复',
};

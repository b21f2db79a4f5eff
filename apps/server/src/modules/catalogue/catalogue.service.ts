import {
  warrantyPolicySchema, warrantyPresets,
  type Category, type CreateCategoryInput, type CreateModelInput, type CreateSparePartInput, type ListModelsQuery,
  type ListSparePartsQuery, type MainPart, type MeterKind, type Page, type ProductModel, type SparePart,
  type UpdateCategoryInput, type UpdateModelInput, type UpdateSparePartInput, type WarrantyPolicy,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { catalogueErrors } from './catalogue.errors.js';
import * as repo from './catalogue.repository.js';
import type { CategoryRow, ModelRow, SparePartRow } from './catalogue.repository.js';

// Rows (snake_case) → API shapes (camelCase).
export const parsePolicy = (json: string | null): WarrantyPolicy | null => (json === null ? null : warrantyPolicySchema.parse(JSON.parse(json)));

function toCategory(r: CategoryRow): Category {
  return {
    id: r.id, code: r.code, name: r.name, warrantyPolicy: parsePolicy(r.policy_json), modelCount: Number(r.model_count ?? 0),
    isActive: Boolean(r.is_active), version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toModel(r: ModelRow): ProductModel {
  const own = parsePolicy(r.policy_json);
  const inherited = own ? null : parsePolicy(r.category_policy_json);
  return {
    id: r.id, code: r.code, name: r.name, categoryId: r.category_id, categoryName: r.category_name, meterKind: r.meter_kind,
    mainParts: JSON.parse(r.main_parts_json) as MainPart[], warrantyPolicy: own,
    policySource: own ? 'model' : inherited ? 'category' : null,
    isActive: Boolean(r.is_active), version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toSparePart(r: SparePartRow, models: { id: string; code: string; name: string }[]): SparePart {
  return {
    id: r.id, code: r.code, name: r.name, unit: r.unit, priceFen: Number(r.price_fen), isWearPart: Boolean(r.is_wear_part), models,
    isActive: Boolean(r.is_active), version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

// A stored policy names what it is attached to; the client need not get that right.
const policyJson = (p: WarrantyPolicy | null | undefined, kind: 'category' | 'model', code: string) =>
  p ? JSON.stringify({ ...p, scope: { kind, code } }) : null;

const meterUnit: Record<MeterKind, 'hour' | 'km' | null> = { hours: 'hour', km: 'km', none: null };

// A policy with usage limits needs the model's meter to count the same thing.
function checkPolicyMeter(policy: WarrantyPolicy | null | undefined, meterKind: MeterKind): void {
  if (!policy?.usageUnit || meterUnit[meterKind] === policy.usageUnit) return;
  throw catalogueErrors.POLICY_USAGE_UNIT_MISMATCH({ policyUnit: policy.usageUnit, meterKind }, { path: ['body', 'warrantyPolicy', 'usageUnit'] });
}

async function assertFreeCode(db: Db, table: 'product_categories' | 'product_models' | 'spare_parts', code: string) {
  if (await repo.isCodeTaken(db, table, code)) throw catalogueErrors.CATALOGUE_CODE_TAKEN({ code }, { path: ['body', 'code'] });
}

export function listWarrantyPresets() {
  return { items: Object.entries(warrantyPresets).map(([key, policy]) => ({ key, policy })) };
}

// ── Categories ───────────────────────────────────────────────────────────────────────────────
export async function listCategories(db: Db): Promise<{ items: Category[] }> {
  return { items: (await repo.listCategories(db)).map(toCategory) };
}

export async function getCategory(db: Db, id: string): Promise<Category> {
  const row = await repo.findCategory(db, id);
  if (!row) throw catalogueErrors.CATEGORY_NOT_FOUND();
  return toCategory(row);
}

export async function createCategory(db: Db, ctx: ServiceContext, input: CreateCategoryInput): Promise<Category> {
  return db.transaction().execute(async (trx) => {
    await assertFreeCode(trx, 'product_categories', input.code);
    const id = newId();
    const now = ctx.now.toISOString();
    await repo.insertCategory(trx, {
      id, code: input.code, name: input.name, policy_json: policyJson(input.warrantyPolicy, 'category', input.code),
      is_active: 1, version: 1, created_at: now, updated_at: now,
    });
    const after = await getCategory(trx, id);
    await recordAudit(trx, ctx, { entityType: 'product_category', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after });
    return after;
  });
}

export async function updateCategory(db: Db, ctx: ServiceContext, id: string, input: UpdateCategoryInput): Promise<Category> {
  return db.transaction().execute(async (trx) => {
    const before = await getCategory(trx, id);
    const patch: Parameters<typeof repo.updateCategory>[3] = { updated_at: ctx.now.toISOString() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.warrantyPolicy !== undefined) patch.policy_json = policyJson(input.warrantyPolicy, 'category', before.code);
    if (input.isActive !== undefined) patch.is_active = bool(input.isActive);
    if (!(await repo.updateCategory(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    const after = await getCategory(trx, id);
    await recordAudit(trx, ctx, { entityType: 'product_category', entityId: id, orgPath: ctx.actor.orgPath, action: 'update', before, after });
    return after;
  });
}

// ── Models ───────────────────────────────────────────────────────────────────────────────────
export async function getModel(db: Db, id: string): Promise<ProductModel> {
  const row = await repo.findModel(db, id);
  if (!row) throw catalogueErrors.MODEL_NOT_FOUND();
  return toModel(row);
}

export async function listModels(db: Db, q: ListModelsQuery): Promise<Page<ProductModel>> {
  const { rows, total } = await repo.listModels(db, q);
  return { items: rows.map(toModel), total, page: q.page, pageSize: q.pageSize };
}

async function activeCategory(db: Db, categoryId: string) {
  const category = await repo.findCategory(db, categoryId);
  if (!category) throw catalogueErrors.CATEGORY_NOT_FOUND({}, { path: ['body', 'categoryId'] });
  if (!category.is_active) throw catalogueErrors.CATEGORY_INACTIVE({}, { path: ['body', 'categoryId'] });
  return category;
}

export async function createModel(db: Db, ctx: ServiceContext, input: CreateModelInput): Promise<ProductModel> {
  return db.transaction().execute(async (trx) => {
    await activeCategory(trx, input.categoryId);
    await assertFreeCode(trx, 'product_models', input.code);
    checkPolicyMeter(input.warrantyPolicy, input.meterKind);
    const id = newId();
    const now = ctx.now.toISOString();
    await repo.insertModel(trx, {
      id, code: input.code, name: input.name, category_id: input.categoryId, meter_kind: input.meterKind,
      main_parts_json: JSON.stringify(input.mainParts), policy_json: policyJson(input.warrantyPolicy, 'model', input.code),
      is_active: 1, version: 1, created_at: now, updated_at: now,
    });
    const after = await getModel(trx, id);
    await recordAudit(trx, ctx, { entityType: 'product_model', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after });
    return after;
  });
}

export async function updateModel(db: Db, ctx: ServiceContext, id: string, input: UpdateModelInput): Promise<ProductModel> {
  return db.transaction().execute(async (trx) => {
    const before = await getModel(trx, id);
    const patch: Parameters<typeof repo.updateModel>[3] = { updated_at: ctx.now.toISOString() };
    if (input.categoryId !== undefined && input.categoryId !== before.categoryId) patch.category_id = (await activeCategory(trx, input.categoryId)).id;
    if (input.name !== undefined) patch.name = input.name;
    if (input.meterKind !== undefined) patch.meter_kind = input.meterKind;
    if (input.mainParts !== undefined) patch.main_parts_json = JSON.stringify(input.mainParts);
    if (input.warrantyPolicy !== undefined) patch.policy_json = policyJson(input.warrantyPolicy, 'model', before.code);
    if (input.isActive !== undefined) patch.is_active = bool(input.isActive);
    checkPolicyMeter(input.warrantyPolicy === undefined ? before.warrantyPolicy : input.warrantyPolicy, input.meterKind ?? before.meterKind);
    if (!(await repo.updateModel(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    const after = await getModel(trx, id);
    await recordAudit(trx, ctx, { entityType: 'product_model', entityId: id, orgPath: ctx.actor.orgPath, action: 'update', before, after });
    return after;
  });
}

// ── Spare parts ──────────────────────────────────────────────────────────────────────────────
export async function getSparePart(db: Db, id: string): Promise<SparePart> {
  const row = await repo.findSparePart(db, id);
  if (!row) throw catalogueErrors.SPARE_PART_NOT_FOUND();
  return toSparePart(row, (await repo.listPartModels(db, [id])).get(id) ?? []);
}

export async function listSpareParts(db: Db, q: ListSparePartsQuery): Promise<Page<SparePart>> {
  const { rows, total } = await repo.listSpareParts(db, q);
  const models = await repo.listPartModels(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toSparePart(r, models.get(r.id) ?? [])), total, page: q.page, pageSize: q.pageSize };
}

async function assertModelsExist(db: Db, ids: readonly string[]) {
  if ((await repo.countExistingModels(db, ids)) !== ids.length) throw catalogueErrors.MODEL_NOT_FOUND({}, { path: ['body', 'modelIds'] });
}

export async function createSparePart(db: Db, ctx: ServiceContext, input: CreateSparePartInput): Promise<SparePart> {
  return db.transaction().execute(async (trx) => {
    await assertFreeCode(trx, 'spare_parts', input.code);
    await assertModelsExist(trx, input.modelIds);
    const id = newId();
    const now = ctx.now.toISOString();
    await repo.insertSparePart(trx, {
      id, code: input.code, name: input.name, unit: input.unit, price_fen: input.priceFen, is_wear_part: bool(input.isWearPart),
      is_active: 1, version: 1, created_at: now, updated_at: now,
    });
    await repo.replacePartModels(trx, id, input.modelIds);
    const after = await getSparePart(trx, id);
    await recordAudit(trx, ctx, { entityType: 'spare_part', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after });
    return after;
  });
}

export async function updateSparePart(db: Db, ctx: ServiceContext, id: string, input: UpdateSparePartInput): Promise<SparePart> {
  return db.transaction().execute(async (trx) => {
    const before = await getSparePart(trx, id);
    const patch: Parameters<typeof repo.updateSparePart>[3] = { updated_at: ctx.now.toISOString() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.unit !== undefined) patch.unit = input.unit;
    if (input.priceFen !== undefined) patch.price_fen = input.priceFen;
    if (input.isWearPart !== undefined) patch.is_wear_part = bool(input.isWearPart);
    if (input.isActive !== undefined) patch.is_active = bool(input.isActive);
    if (!(await repo.updateSparePart(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    if (input.modelIds !== undefined) {
      await assertModelsExist(trx, input.modelIds);
      await repo.replacePartModels(trx, id, input.modelIds);
    }
    const after = await getSparePart(trx, id);
    await recordAudit(trx, ctx, { entityType: 'spare_part', entityId: id, orgPath: ctx.actor.orgPath, action: 'update', before, after });
    return after;
  });
}

import type { ListModelsQuery, ListSparePartsQuery } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ProductCategoriesTable, ProductModelsTable, SparePartsTable } from '../../db/schema.js';
import { fetchPage } from '../../db/paging.js';

// The catalogue is global: no scope filter (every logged-in role reads it).

export function listCategories(db: Db) {
  return db
    .selectFrom('product_categories')
    .selectAll('product_categories')
    .select((eb) => eb.selectFrom('product_models').select(eb.fn.countAll<number>().as('n')).whereRef('product_models.category_id', '=', 'product_categories.id').as('model_count'))
    .orderBy('code')
    .execute();
}
export type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

export function findCategory(db: Db, id: string): Promise<CategoryRow | undefined> {
  return db
    .selectFrom('product_categories')
    .selectAll('product_categories')
    .select((eb) => eb.selectFrom('product_models').select(eb.fn.countAll<number>().as('n')).whereRef('product_models.category_id', '=', 'product_categories.id').as('model_count'))
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function isCodeTaken(db: Db, table: 'product_categories' | 'product_models' | 'spare_parts', code: string): Promise<boolean> {
  return (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertCategory(db: Db, row: ProductCategoriesTable): Promise<void> {
  await db.insertInto('product_categories').values(row).execute();
}

/** Optimistic updates: false when the version moved on. */
async function updateVersioned(db: Db, table: 'product_categories' | 'product_models' | 'spare_parts', id: string, version: number, patch: Record<string, unknown>) {
  const res = await db.updateTable(table).set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
export const updateCategory = (db: Db, id: string, version: number, patch: Partial<ProductCategoriesTable>) => updateVersioned(db, 'product_categories', id, version, patch);
export const updateModel = (db: Db, id: string, version: number, patch: Partial<ProductModelsTable>) => updateVersioned(db, 'product_models', id, version, patch);
export const updateSparePart = (db: Db, id: string, version: number, patch: Partial<SparePartsTable>) => updateVersioned(db, 'spare_parts', id, version, patch);

const modelColumns = [
  'product_models.id', 'product_models.code', 'product_models.name', 'product_models.category_id', 'product_models.meter_kind',
  'product_models.main_parts_json', 'product_models.policy_json', 'product_models.is_active', 'product_models.version',
  'product_models.created_at', 'product_models.updated_at',
  'product_categories.name as category_name', 'product_categories.policy_json as category_policy_json',
] as const;

function models(db: Db) {
  return db.selectFrom('product_models').innerJoin('product_categories', 'product_categories.id', 'product_models.category_id');
}

export function findModel(db: Db, id: string) {
  return models(db).select(modelColumns).where('product_models.id', '=', id).executeTakeFirst();
}
export type ModelRow = NonNullable<Awaited<ReturnType<typeof findModel>>>;

const modelSort = { code: 'product_models.code', name: 'product_models.name', createdAt: 'product_models.created_at' } as const;

export async function listModels(db: Db, q: ListModelsQuery) {
  let base = models(db);
  if (q.categoryId) base = base.where('product_models.category_id', '=', q.categoryId);
  if (q.isActive !== undefined) base = base.where('product_models.is_active', '=', q.isActive ? 1 : 0);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('product_models.code', 'like', like), eb('product_models.name', 'like', like)]));
  }
  const page = base.select(modelColumns).orderBy(modelSort[q.sort ?? 'code'], q.order).orderBy('product_models.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

export async function insertModel(db: Db, row: ProductModelsTable): Promise<void> {
  await db.insertInto('product_models').values(row).execute();
}

export async function countExistingModels(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return Number((await db.selectFrom('product_models').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).executeTakeFirstOrThrow()).n);
}

export function findSparePart(db: Db, id: string) {
  return db.selectFrom('spare_parts').selectAll().where('id', '=', id).executeTakeFirst();
}
export type SparePartRow = NonNullable<Awaited<ReturnType<typeof findSparePart>>>;

const partSort = { code: 'code', name: 'name', priceFen: 'price_fen' } as const;

export async function listSpareParts(db: Db, q: ListSparePartsQuery) {
  let base = db.selectFrom('spare_parts');
  if (q.modelId) {
    const modelId = q.modelId;
    base = base.where('id', 'in', (eb) => eb.selectFrom('spare_part_models').select('part_id').where('model_id', '=', modelId));
  }
  if (q.isWearPart !== undefined) base = base.where('is_wear_part', '=', q.isWearPart ? 1 : 0);
  if (q.isActive !== undefined) base = base.where('is_active', '=', q.isActive ? 1 : 0);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like)]));
  }
  const page = base.selectAll().orderBy(partSort[q.sort ?? 'code'], q.order).orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

export async function insertSparePart(db: Db, row: SparePartsTable): Promise<void> {
  await db.insertInto('spare_parts').values(row).execute();
}

export async function replacePartModels(db: Db, partId: string, modelIds: readonly string[]): Promise<void> {
  await db.deleteFrom('spare_part_models').where('part_id', '=', partId).execute();
  if (modelIds.length > 0) await db.insertInto('spare_part_models').values(modelIds.map((model_id) => ({ part_id: partId, model_id }))).execute();
}

export async function listPartModels(db: Db, partIds: readonly string[]) {
  const out = new Map<string, { id: string; code: string; name: string }[]>();
  if (partIds.length === 0) return out;
  const rows = await db
    .selectFrom('spare_part_models')
    .innerJoin('product_models', 'product_models.id', 'spare_part_models.model_id')
    .select(['spare_part_models.part_id', 'product_models.id', 'product_models.code', 'product_models.name'])
    .where('spare_part_models.part_id', 'in', partIds)
    .orderBy('product_models.code')
    .execute();
  for (const r of rows) out.set(r.part_id, [...(out.get(r.part_id) ?? []), { id: r.id, code: r.code, name: r.name }]);
  return out;
}

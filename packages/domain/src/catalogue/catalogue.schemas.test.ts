import { describe, expect, it } from 'vitest';
import { warrantyPresets } from '../warranty/warranty.presets.js';
import { createCategorySchema, createModelSchema, createSparePartSchema } from './catalogue.schemas.js';

const id = '00000000-0000-4000-8000-000000000000';

describe('catalogue schemas', () => {
  it('accepts every preset as a category policy', () => {
    for (const [key, policy] of Object.entries(warrantyPresets)) {
      expect(createCategorySchema.safeParse({ code: key, name: key, warrantyPolicy: policy }).success, key).toBe(true);
    }
  });

  it('refuses duplicate main parts by code and by name, pointing at the repeat', () => {
    const model = { code: 'ZY210', name: 'ZY210', categoryId: id, meterKind: 'hours' };
    expect(createModelSchema.parse(model).mainParts).toEqual([]);
    const code = createModelSchema.safeParse({ ...model, mainParts: [{ code: 'E', name: '发动机' }, { code: 'E', name: '液压泵' }] });
    expect(code.error?.issues.map((i) => i.path)).toEqual([['mainParts', 1, 'code']]);
    const name = createModelSchema.safeParse({ ...model, mainParts: [{ code: 'E', name: '发动机' }, { code: 'F', name: '发动机' }] });
    expect(name.error?.issues.map((i) => i.path)).toEqual([['mainParts', 1, 'name']]);
  });

  it('keeps prices in whole fen and defaults the unit and wear flag', () => {
    expect(createSparePartSchema.parse({ code: 'P1', name: '滤芯', priceFen: 2600 })).toMatchObject({ unit: '件', isWearPart: false, modelIds: [] });
    expect(createSparePartSchema.safeParse({ code: 'P1', name: '滤芯', priceFen: 26.5 }).success).toBe(false);
    expect(createSparePartSchema.safeParse({ code: 'P1', name: '滤芯', priceFen: 1, modelIds: [id, id] }).success).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type Preset = { key: string; policy: Record<string, unknown> & { name: string } };

describe.each(testDialects())('catalogue on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let presets: Preset[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    presets = (await t.call(admin, 'GET', '/api/v1/catalogue/warranty-presets')).json<{ items: Preset[] }>().items;
  });
  afterAll(async () => t.close());

  async function counts() {
    const n = async (table: 'product_categories' | 'product_models' | 'spare_parts' | 'spare_part_models' | 'audit_log') =>
      Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { c: await n('product_categories'), m: await n('product_models'), s: await n('spare_parts'), sm: await n('spare_part_models'), a: await n('audit_log') };
  }

  it('offers the statutory and company presets', () => {
    expect(presets.map((p) => p.key)).toEqual(expect.arrayContaining(['household_car', 'air_conditioner', 'tractor', 'company_standard']));
  });

  it('creates a category with a preset policy, a model overriding it, and a spare part; all audited', async () => {
    const ac = presets.find((p) => p.key === 'air_conditioner');
    const cat = await t.call(admin, 'POST', '/api/v1/catalogue/categories', { code: 'FRIDGE-AC', name: '商用空调', warrantyPolicy: ac?.policy });
    expect(cat.statusCode).toBe(201);
    expect(cat.json()).toMatchObject({ code: 'FRIDGE-AC', name: '商用空调', modelCount: 0, version: 1, warrantyPolicy: { name: '房间空调器三包', scope: { kind: 'category', code: 'FRIDGE-AC' } } });
    const company = presets.find((p) => p.key === 'company_standard');
    const model = await t.call(admin, 'POST', '/api/v1/catalogue/models', {
      code: 'KFR-120W', name: 'KFR-120W 商用柜机', categoryId: cat.json().id, meterKind: 'none',
      mainParts: [{ code: 'CP-01', name: '压缩机' }, { code: 'MT-01', name: '电动机' }], warrantyPolicy: company?.policy,
    });
    expect(model.statusCode).toBe(201);
    expect(model.json()).toMatchObject({ categoryName: '商用空调', policySource: 'model', mainParts: [{ code: 'CP-01', name: '压缩机' }, { code: 'MT-01', name: '电动机' }] });
    const plain = await t.call(admin, 'POST', '/api/v1/catalogue/models', { code: 'KFR-50G', name: 'KFR-50G 挂机', categoryId: cat.json().id, meterKind: 'none' });
    expect(plain.json()).toMatchObject({ policySource: 'category', warrantyPolicy: null });
    const part = await t.call(admin, 'POST', '/api/v1/catalogue/spare-parts', {
      code: 'SP-CP-120', name: '压缩机总成', unit: '台', priceFen: 235_000, modelIds: [model.json().id, plain.json().id],
    });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({ priceFen: 235_000, isWearPart: false, models: [{ code: 'KFR-120W' }, { code: 'KFR-50G' }] });
    const byModel = await t.call(admin, 'GET', `/api/v1/catalogue/spare-parts?modelId=${plain.json().id}`);
    expect(byModel.json().items.map((p: { code: string }) => p.code)).toEqual(['SP-CP-120']);
    expect((await t.call(admin, 'GET', `/api/v1/catalogue/categories/${cat.json().id}`)).json().modelCount).toBe(2);
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=spare_part&entityId=${part.json().id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', after: { code: 'SP-CP-120' } });
  });

  it('edits with a version, refuses stale writes and taken codes', async () => {
    const cats = (await t.call(admin, 'GET', '/api/v1/catalogue/categories')).json<{ items: { id: string; code: string; version: number }[] }>().items;
    const excavators = cats.find((c) => c.code === 'EXCAVATOR');
    expect(excavators).toBeDefined();
    const renamed = await t.call(admin, 'PATCH', `/api/v1/catalogue/categories/${excavators?.id}`, { version: excavators?.version, name: '履带式液压挖掘机(大中型)' });
    expect(renamed.json()).toMatchObject({ name: '履带式液压挖掘机(大中型)', version: 2 });
    const stale = await t.call(admin, 'PATCH', `/api/v1/catalogue/categories/${excavators?.id}`, { version: 1, name: '旧名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const taken = await t.call(admin, 'POST', '/api/v1/catalogue/categories', { code: 'EXCAVATOR', name: '重复' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'CATALOGUE_CODE_TAKEN', message: '编码 EXCAVATOR 已被使用' });
    const models = (await t.call(admin, 'GET', '/api/v1/catalogue/models?q=ZY&sort=code')).json();
    expect(models.items.map((m: { code: string }) => m.code)).toEqual(['ZY210', 'ZY360']);
    const zy = models.items[0];
    const updated = await t.call(admin, 'PATCH', `/api/v1/catalogue/models/${zy.id}`, { version: zy.version, mainParts: [...zy.mainParts, { code: 'ZY-CAB', name: '驾驶室' }] });
    expect(updated.json().mainParts).toHaveLength(5);
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const before = await counts();
    const catId = (await t.call(admin, 'GET', '/api/v1/catalogue/categories')).json().items[0].id;
    const tractor = presets.find((p) => p.key === 'tractor')?.policy;
    const bad: [string, Record<string, unknown>, number, string][] = [
      ['categories', { code: 'X1', name: '' }, 400, 'VALIDATION_FAILED'],
      ['categories', { code: '坏 编码', name: '坏' }, 400, 'VALIDATION_FAILED'],
      ['categories', { code: 'X2', name: '无期限', warrantyPolicy: { ...tractor, wholeUnit: {} } }, 400, 'VALIDATION_FAILED'],
      ['models', { code: 'M1', name: '无类别', categoryId: '00000000-0000-4000-8000-000000000000', meterKind: 'hours' }, 404, 'CATEGORY_NOT_FOUND'],
      ['models', { code: 'M2', name: '计量', categoryId: catId, meterKind: 'furlongs' }, 400, 'VALIDATION_FAILED'],
      ['models', { code: 'M3', name: '重复部件', categoryId: catId, meterKind: 'hours', mainParts: [{ code: 'A', name: '发动机' }, { code: 'A', name: '液压泵' }] }, 400, 'VALIDATION_FAILED'],
      ['models', { code: 'M4', name: '不匹配', categoryId: catId, meterKind: 'none', warrantyPolicy: tractor }, 422, 'POLICY_USAGE_UNIT_MISMATCH'],
      ['spare-parts', { code: 'P1', name: '负价', priceFen: -1 }, 400, 'VALIDATION_FAILED'],
      ['spare-parts', { code: 'P2', name: '小数', priceFen: 12.5 }, 400, 'VALIDATION_FAILED'],
      ['spare-parts', { code: 'P3', name: '无机型', priceFen: 100, modelIds: ['00000000-0000-4000-8000-000000000000'] }, 404, 'MODEL_NOT_FOUND'],
    ];
    for (const [path, body, status, code] of bad) {
      const res = await t.call(admin, 'POST', `/api/v1/catalogue/${path}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const noMonths = await t.call(admin, 'POST', '/api/v1/catalogue/categories', { code: 'X2', name: '无期限', warrantyPolicy: { ...tractor, wholeUnit: {} } });
    expect(noMonths.json().details.issues[0].path).toEqual(['body', 'warrantyPolicy', 'wholeUnit', 'months']);
    const dup = await t.call(admin, 'POST', '/api/v1/catalogue/models', { code: 'M3', name: '重复部件', categoryId: catId, meterKind: 'hours', mainParts: [{ code: 'A', name: '发动机' }, { code: 'A', name: '液压泵' }] });
    expect(dup.json().details.issues[0]).toMatchObject({ path: ['body', 'mainParts', 1, 'code'], message: '部件编码重复' });
    expect(await counts()).toEqual(before);
  });

  it('lets every role read the catalogue and only HQ write it', async () => {
    for (const username of ['huanglei', 'zhaomin', 'chenzhigang', 'lixiuying']) {
      const s = await t.login(username);
      expect((await t.call(s, 'GET', '/api/v1/catalogue/models')).statusCode).toBe(200);
      const denied = await t.call(s, 'POST', '/api/v1/catalogue/categories', { code: 'NOPE', name: '越权' });
      expect(denied.statusCode).toBe(403);
    }
    const hq = await t.login('wangjianguo');
    expect((await t.call(hq, 'POST', '/api/v1/catalogue/categories', { code: 'TRUCK', name: '自卸车' })).statusCode).toBe(201);
    expect((await t.call(null, 'GET', '/api/v1/catalogue/models')).statusCode).toBe(401);
  });
});

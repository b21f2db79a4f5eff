import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type UnitJson = { id: string; serialNo: string; customerId: string; customerName: string; orgName: string; version: number; status: string; modelCode: string; latestReading: { date: string; value: number } | null };

describe.each(testDialects())('equipment on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let zy210: string;
  let aircon: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const models = (await t.call(admin, 'GET', '/api/v1/catalogue/models?pageSize=50')).json<{ items: { id: string; code: string }[] }>().items;
    zy210 = models.find((m) => m.code === 'ZY210')?.id ?? '';
    aircon = models.find((m) => m.code === 'KFR-72LW')?.id ?? '';
  });
  afterAll(async () => t.close());

  const customerId = async (name: string) => (await t.handle.db.selectFrom('customers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const newUnit = async (overrides: Record<string, unknown> = {}) => ({
    serialNo: 'ZY210-2025-09001', modelId: zy210, customerId: await customerId('单国强'), saleDate: '2025-03-01',
    installationDate: '2025-03-05', acceptanceDate: '2025-03-06', site: { address: '溧水区石湫街道工地', provinceCode: '32' }, ...overrides,
  });

  async function counts() {
    const n = async (table: 'equipment_units' | 'equipment_readings' | 'equipment_transfers' | 'equipment_contracts' | 'audit_log') =>
      Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { u: await n('equipment_units'), r: await n('equipment_readings'), t: await n('equipment_transfers'), c: await n('equipment_contracts'), a: await n('audit_log') };
  }

  it('registers a unit, reads it back, edits it with a version, and audits both', async () => {
    const agent = await t.login('lixiuying');
    const res = await t.call(agent, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'zy210-2025-09001' }));
    expect(res.statusCode).toBe(201);
    const unit = res.json<UnitJson>();
    expect(unit).toMatchObject({ serialNo: 'ZY210-2025-09001', modelCode: 'ZY210', customerName: '单国强', orgName: '南京江宁工程机械服务站', status: 'in_service', version: 1 });
    expect((await t.call(agent, 'GET', `/api/v1/equipment/${unit.id}`)).json()).toEqual(unit);
    const edited = await t.call(agent, 'PATCH', `/api/v1/equipment/${unit.id}`, { version: 1, status: 'idle', notes: '冬季停工' });
    expect(edited.json()).toMatchObject({ status: 'idle', notes: '冬季停工', version: 2 });
    expect((await t.call(agent, 'PATCH', `/api/v1/equipment/${unit.id}`, { version: 1, status: 'scrapped' })).statusCode).toBe(409);
    const late = await t.call(agent, 'PATCH', `/api/v1/equipment/${unit.id}`, { version: 2, installationDate: '2025-02-01' });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'EQUIPMENT_DATES_OUT_OF_ORDER', details: { path: ['body', 'installationDate'] } });
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=equipment&entityId=${unit.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });

  it('refuses a second unit with the same serial (any case) with 409', async () => {
    const dup = await t.call(admin, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'Zy210-2025-09001' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'SERIAL_NO_TAKEN', message: '出厂编号 ZY210-2025-09001 已登记' });
  });

  it('lists by customer and by serial prefix, with paging', async () => {
    const owner = await customerId('南京宁建工程机械租赁有限公司');
    const mine = await t.call(admin, 'GET', `/api/v1/equipment?customerId=${owner}`);
    expect(mine.json().items.map((u: UnitJson) => u.serialNo)).toEqual(['ZY210-2024-00123', 'ZY210-2025-00219', 'ZY360-2025-00017']);
    const prefix = await t.call(admin, 'GET', '/api/v1/equipment?q=zy360-2025&sort=serialNo');
    expect(prefix.json().items.map((u: UnitJson) => u.serialNo)).toEqual(['ZY360-2025-00017', 'ZY360-2025-00033', 'ZY360-2025-00041']);
    const page = await t.call(admin, 'GET', '/api/v1/equipment?pageSize=10&page=2');
    expect(page.json()).toMatchObject({ page: 2, pageSize: 10 });
    expect(page.json().total).toBeGreaterThanOrEqual(40);
    expect(page.json().items).toHaveLength(10);
    expect((await t.call(admin, 'GET', '/api/v1/equipment?q=%25')).json().items).toEqual([]);
    expect((await t.call(admin, 'GET', '/api/v1/equipment?sort=owner')).statusCode).toBe(400);
  });

  it('hides units of another region (404) and keeps them out of lists', async () => {
    const east = await t.login('chenzhigang');
    const north = (await t.call(admin, 'GET', '/api/v1/equipment?q=4LZ6-2024-00044')).json().items[0] as UnitJson;
    expect((await t.call(east, 'GET', `/api/v1/equipment/${north.id}`)).statusCode).toBe(404);
    expect((await t.call(east, 'GET', `/api/v1/equipment/${north.id}/warranty`)).statusCode).toBe(404);
    expect((await t.call(east, 'POST', `/api/v1/equipment/${north.id}/readings`, { date: '2026-01-01', value: 99999 })).statusCode).toBe(404);
    expect((await t.call(east, 'GET', '/api/v1/equipment?q=4LZ6-2024-0004')).json().items).toEqual([]);
    const foreign = await t.call(east, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09002', customerId: await customerId('赵铁柱') }));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('CUSTOMER_NOT_FOUND');
    const tech = await t.login('huanglei');
    expect((await t.call(tech, 'GET', '/api/v1/equipment')).statusCode).toBe(200);
    expect((await t.call(tech, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09003' }))).statusCode).toBe(403);
  });

  it('keeps meter readings increasing and refuses one going backwards', async () => {
    const unit = (await t.call(admin, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09010' }))).json<UnitJson>();
    expect((await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-05-01', value: 300 })).statusCode).toBe(201);
    expect((await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-07-01', value: 800 })).statusCode).toBe(201);
    const before = await counts();
    const back = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-08-01', value: 750 }, { 'accept-language': 'en' });
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({ code: 'READING_DECREASES', message: 'Reading 750 is lower than 800 recorded on 2025-07-01; meter readings cannot go backwards' });
    const between = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-06-01', value: 900 });
    expect(between.json().code).toBe('READING_EXCEEDS_LATER');
    expect((await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-01-01', value: 1 })).json().code).toBe('READING_BEFORE_SALE');
    expect((await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2999-01-01', value: 5000 })).json().code).toBe('READING_IN_FUTURE');
    expect(await counts()).toEqual(before);
    expect((await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-06-01', value: 500 })).statusCode).toBe(201);
    const list = await t.call(admin, 'GET', `/api/v1/equipment/${unit.id}/readings`);
    expect(list.json().items.map((r: { value: number }) => r.value)).toEqual([300, 500, 800]);
    expect((await t.call(admin, 'GET', `/api/v1/equipment/${unit.id}`)).json().latestReading).toEqual({ date: '2025-07-01', value: 800 });
    const ac = (await t.call(admin, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'KFR72LW-2025-200001', modelId: aircon }))).json<UnitJson>();
    expect((await t.call(admin, 'POST', `/api/v1/equipment/${ac.id}/readings`, { date: '2025-05-01', value: 3 })).json().code).toBe('METER_NOT_TRACKED');
  });

  it('transfers ownership and keeps the history', async () => {
    const unit = (await t.call(admin, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09020' }))).json<UnitJson>();
    const buyer = await customerId('江苏长江路桥建设集团有限公司');
    const same = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/transfers`, { toCustomerId: unit.customerId, date: '2025-09-01', version: 1 });
    expect(same.json().code).toBe('TRANSFER_SAME_OWNER');
    const early = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/transfers`, { toCustomerId: buyer, date: '2025-01-01', version: 1 });
    expect(early.json().code).toBe('TRANSFER_BEFORE_SALE');
    const res = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/transfers`, { toCustomerId: buyer, date: '2025-09-01', note: '二手转让', version: 1 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ customerId: buyer, customerName: '江苏长江路桥建设集团有限公司', version: 2 });
    const back = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/transfers`, { toCustomerId: unit.customerId, date: '2026-02-01', version: 2 });
    expect(back.statusCode).toBe(201);
    const history = (await t.call(admin, 'GET', `/api/v1/equipment/${unit.id}/transfers`)).json().items;
    expect(history.map((h: { date: string; fromCustomerName: string; toCustomerName: string }) => [h.date, h.fromCustomerName, h.toCustomerName])).toEqual([
      ['2025-09-01', '单国强', '江苏长江路桥建设集团有限公司'],
      ['2026-02-01', '江苏长江路桥建设集团有限公司', '单国强'],
    ]);
    expect((await t.call(admin, 'GET', `/api/v1/equipment?customerId=${buyer}`)).json().items.map((u: UnitJson) => u.serialNo)).not.toContain('ZY210-2025-09020');
  });

  it('computes warranty status with explanations in zh-CN and en', async () => {
    const unit = (await t.call(admin, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09030' }))).json<UnitJson>();
    const url = `/api/v1/equipment/${unit.id}/warranty`;
    const inside = await t.call(admin, 'GET', `${url}?date=2025-09-01`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({
      policySource: 'category', policyName: '挖掘机整机保修(12 个月/2000 小时)', repairHistoryIncluded: true,
      result: { status: 'in_warranty', start: { event: 'acceptance', date: '2025-03-06' }, wholeUnit: { state: 'active' } },
    });
    expect(inside.json().summary).toMatch(/^在保，因为/);
    const insideEn = await t.call(admin, 'GET', `${url}?date=2025-09-01`, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(insideEn.json().summary).toMatch(/^In warranty, because /);
    expect(insideEn.json().coverages.find((c: { key: string }) => c.key === 'whole_unit').explanation).toMatch(/^In warranty until 2026-03-0\d/);

    const expired = await t.call(admin, 'GET', `${url}?date=2027-06-01`);
    expect(expired.json().result.status).toBe('expired');
    expect(expired.json().summary).toMatch(/^已过保/);
    expect((await t.call(admin, 'GET', `${url}?date=2027-06-01`, undefined, { 'accept-language': 'en' })).json().summary).toMatch(/^Out of warranty/);

    // 2,000 hours reached before 12 months: the whole unit is out, the main parts (4,000 h) still in.
    await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-08-01', value: 2100 });
    const used = await t.call(admin, 'GET', `${url}?date=2025-09-01`);
    expect(used.json().result).toMatchObject({ status: 'partially', wholeUnit: { state: 'usage_limit_reached', usage: { isReached: true, reachedOn: '2025-08-01' } } });
    expect(used.json().coverages.find((c: { key: string }) => c.key === 'whole_unit').explanation).toMatch(/^已达使用上限/);

    // A whole-unit extended-warranty contract brings it back into warranty.
    const contract = await t.call(admin, 'POST', `/api/v1/equipment/${unit.id}/contracts`, {
      kind: 'extended_warranty', contractNo: 'YB-2025-0100', name: '整机延保 2 年', startDate: '2026-03-06', endDate: '2028-03-05', priceFen: 1_500_000,
    });
    expect(contract.statusCode).toBe(201);
    const extended = await t.call(admin, 'GET', `${url}?date=2027-06-01`);
    expect(extended.json().result).toMatchObject({ status: 'in_warranty', until: '2028-03-05' });
    expect((await t.call(admin, 'GET', `/api/v1/equipment/${unit.id}/contracts`)).json().items).toHaveLength(1);
    expect((await t.call(admin, 'GET', `${url}?date=2025-02-30`)).statusCode).toBe(400);
  });

  it('refuses bad input with 4xx and changes nothing', async () => {
    const unit = (await t.call(admin, 'GET', '/api/v1/equipment?q=ZY210-2024-00123')).json().items[0] as UnitJson;
    const before = await counts();
    const bad: [string, string, Record<string, unknown>, number, string][] = [
      ['POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09100', installationDate: '2025-02-01' }), 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/equipment', await newUnit({ serialNo: '序列号' }), 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09101', saleDate: '2025-13-01' }), 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09102', status: 'stolen' }), 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09103', modelId: '00000000-0000-4000-8000-000000000000' }), 404, 'MODEL_NOT_FOUND'],
      ['POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09104', outletOrgId: '00000000-0000-4000-8000-000000000000' }), 404, 'ORG_NOT_FOUND'],
      ['POST', `/api/v1/equipment/${unit.id}/readings`, { date: '2025-05-01', value: -1 }, 400, 'VALIDATION_FAILED'],
      ['POST', `/api/v1/equipment/${unit.id}/contracts`, { kind: 'maintenance', contractNo: 'W1', name: '维保', startDate: '2026-01-01', endDate: '2025-01-01' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/api/v1/equipment/${unit.id}/contracts`, { kind: 'maintenance', contractNo: 'W2', name: '维保', startDate: '2025-01-01', endDate: '2026-01-01', coveredParts: ['方向盘'] }, 422, 'CONTRACT_PART_UNKNOWN'],
      ['POST', `/api/v1/equipment/${unit.id}/transfers`, { toCustomerId: '00000000-0000-4000-8000-000000000000', date: '2026-01-01', version: 1 }, 404, 'CUSTOMER_NOT_FOUND'],
    ];
    for (const [method, url, body, status, code] of bad) {
      const res = await t.call(admin, method, url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const order = await t.call(admin, 'POST', '/api/v1/equipment', await newUnit({ serialNo: 'ZY210-2025-09100', installationDate: '2025-02-01' }));
    expect(order.json().details.issues[0]).toMatchObject({ path: ['body', 'installationDate'], message: '不能早于销售(开票)日期' });
    expect(await counts()).toEqual(before);
  });

  it('computes the warranty of every demo unit from its seeded policy', async () => {
    const units = (await t.call(admin, 'GET', '/api/v1/equipment?pageSize=200')).json<{ items: UnitJson[] }>().items;
    expect(units.length).toBeGreaterThanOrEqual(40);
    for (const u of units) {
      const res = await t.call(admin, 'GET', `/api/v1/equipment/${u.id}/warranty`);
      expect(res.statusCode, u.serialNo).toBe(200);
    }
  });

  it('answers the public check by serial without personal data', async () => {
    const res = await t.call(null, 'GET', '/api/v1/public/warranty/zy210-2024-00123');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['coverages', 'modelName', 'serialNo', 'status', 'summary', 'until']);
    expect(body).toMatchObject({ serialNo: 'ZY210-2024-00123', modelName: 'ZY210 履带式液压挖掘机' });
    expect(res.body).not.toMatch(/南京宁建|周立新|13851730041|青龙山路|customer/i);
    expect((await t.call(null, 'GET', '/api/v1/public/warranty/NOPE-0000-00000')).statusCode).toBe(404);
  });

  it('publishes the endpoints in OpenAPI', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/v1/equipment/', '/api/v1/equipment/{id}', '/api/v1/equipment/{id}/warranty', '/api/v1/equipment/{id}/readings',
      '/api/v1/equipment/{id}/transfers', '/api/v1/equipment/{id}/contracts', '/api/v1/public/warranty/{serial}',
      '/api/v1/catalogue/categories', '/api/v1/catalogue/models/{id}', '/api/v1/catalogue/spare-parts', '/api/v1/catalogue/warranty-presets',
    ]));
  });

  it('rate-limits the public check', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await t.call(null, 'GET', '/api/v1/public/warranty/KFR72LW-2024-097215')).statusCode);
    expect(statuses).toContain(200);
    expect(statuses.at(-1)).toBe(429);
    expect((await t.call(null, 'GET', '/api/v1/public/warranty/KFR72LW-2024-097215')).json().code).toBe('RATE_LIMITED');
  });
});

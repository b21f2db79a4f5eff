import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type CustomerJson = {
  id: string; name: string; kind: string; orgId: string; orgName: string; isActive: boolean; version: number; tags: string[];
  grade: string | null; namePinyin: string; nameInitials: string; notes: string | null;
  contacts: { id: string; name: string; phones: string[]; isPrimary: boolean; title: string | null }[];
  address: { provinceCode: string; provinceName: string; cityCode: string | null; cityName: string | null; countyCode: string | null; countyName: string | null; detail: string | null } | null;
};

const newCustomer = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'organization',
  name: '溧阳市天目湖茶叶专业合作社',
  source: 'hotline',
  grade: 'B',
  tags: ['合作社'],
  contacts: [{ name: '蒋文斌', title: '社长', phones: ['13775190001', '0519-87261234'] }, { name: '蒋小梅', phones: ['13775190002'] }],
  address: { provinceCode: '32', cityCode: '3204', countyCode: '320481', detail: '天目湖镇桂林村' },
  ...overrides,
});

describe.each(testDialects())('customers on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  /** Row counts of every table a failed customer request must not touch. */
  async function counts() {
    const n = async (table: 'customers' | 'customer_contacts' | 'customer_phones' | 'customer_tags' | 'customer_search_terms' | 'audit_log') =>
      Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const tables = ['customers', 'customer_contacts', 'customer_phones', 'customer_tags', 'customer_search_terms', 'audit_log'] as const;
    return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await n(table)])));
  }

  it('creates a customer with contacts, derived division names and pinyin, and audits it', async () => {
    const agent = await t.login('lixiuying'); // hotline, HQ
    const res = await t.call(agent, 'POST', '/api/v1/customers', newCustomer({ orgId: await t.orgId('O-NJJN') }));
    expect(res.statusCode).toBe(201);
    const c = res.json<CustomerJson>();
    expect(c).toMatchObject({
      name: '溧阳市天目湖茶叶专业合作社', orgName: '南京江宁工程机械服务站', isActive: true, version: 1, tags: ['合作社'], grade: 'B',
      nameInitials: 'lystmhcyzyhzs', namePinyin: 'liyangshitianmuhuchayezhuanyehezuoshe',
      address: { provinceName: '江苏省', cityName: '常州市', countyName: '溧阳市', countyCode: '320481', detail: '天目湖镇桂林村' },
    });
    expect(c.contacts.map((x) => [x.name, x.isPrimary, x.phones])).toEqual([
      ['蒋文斌', true, ['13775190001', '0519-87261234']],
      ['蒋小梅', false, ['13775190002']],
    ]);
    expect((await t.call(agent, 'GET', `/api/v1/customers/${c.id}`)).json<CustomerJson>()).toEqual(c);
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=customer&entityId=${c.id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', after: { name: c.name } });
  });

  it('defaults the owning org to the caller and names municipalities for their placeholder city', async () => {
    const mgr = await t.login('chenzhigang'); // 华东
    const res = await t.call(mgr, 'POST', '/api/v1/customers', newCustomer({
      kind: 'individual', name: '顾明', contacts: [{ name: '顾明', phones: ['13601710001'] }],
      address: { provinceCode: '31', cityCode: '3101', countyCode: '310115', cityName: '市辖区' }, tags: [], grade: null,
    }));
    expect(res.statusCode).toBe(201);
    expect(res.json<CustomerJson>()).toMatchObject({ orgName: '华东服务中心', address: { provinceName: '上海市', cityName: '上海市', countyName: '浦东新区' } });
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const east = await t.login('chenzhigang'); // logging in is audited: before counting
    const before = await counts();
    const north = await t.orgId('R-NORTH');
    const bad: [Record<string, unknown>, number, string][] = [
      [newCustomer({ name: undefined }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ kind: 'alien' }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ name: 42 }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ name: '长'.repeat(101) }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ notes: 'x'.repeat(2001) }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ tags: ['太长的标签'.repeat(5)] }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ contacts: [] }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ contacts: [{ name: '没电话', phones: [] }] }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ contacts: [{ name: '错号', phones: ['12345'] }] }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ source: 'carrier-pigeon' }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ address: { provinceCode: '32', cityCode: '3205', countyCode: '320115' } }), 400, 'VALIDATION_FAILED'],
      [newCustomer({ address: { provinceCode: '32', cityCode: '3299' } }), 422, 'DIVISION_UNKNOWN'],
      [newCustomer({ address: { provinceCode: '32', cityCode: '3204', countyCode: '320499' } }), 422, 'DIVISION_UNKNOWN'],
      [newCustomer({ address: { provinceCode: '99' } }), 422, 'DIVISION_UNKNOWN'],
      [newCustomer({ address: { provinceCode: '32', cityCode: '3204', cityName: '苏州市' } }), 422, 'DIVISION_NAME_MISMATCH'],
      [newCustomer({ orgId: '00000000-0000-4000-8000-000000000000' }), 404, 'ORG_NOT_FOUND'],
      [newCustomer({ orgId: 'not-a-uuid' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of bad) {
      const res = await t.call(admin, 'POST', '/api/v1/customers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const county = await t.call(admin, 'POST', '/api/v1/customers', newCustomer({ address: { provinceCode: '32', cityCode: '3205', countyCode: '320115' } }));
    expect(county.json().details.issues[0].path).toEqual(['body', 'address', 'countyCode']);
    const mismatch = await t.call(admin, 'POST', '/api/v1/customers', newCustomer({ address: { provinceCode: '32', cityCode: '3204', cityName: '苏州市' } }));
    expect(mismatch.json()).toMatchObject({ message: '行政区划 3204 的名称应为 常州市', details: { path: ['body', 'address', 'cityName'] } });
    // A region manager may not file a customer under another region.
    expect((await t.call(east, 'POST', '/api/v1/customers', newCustomer({ orgId: north }))).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('edits with a version, replaces contacts keeping their ids, and refuses stale writes', async () => {
    const id = (await t.call(admin, 'POST', '/api/v1/customers', newCustomer({ name: '金坛区茅山农机合作社', contacts: [{ name: '钱进', phones: ['13775190101'] }] }))).json<CustomerJson>().id;
    const c = (await t.call(admin, 'GET', `/api/v1/customers/${id}`)).json<CustomerJson>();
    const kept = c.contacts[0];
    const res = await t.call(admin, 'PATCH', `/api/v1/customers/${id}`, {
      version: c.version, grade: 'A', tags: ['大客户'], notes: '春耕前回访',
      contacts: [{ name: '钱小平', phones: ['13775190102'], isPrimary: true }, { id: kept?.id, name: '钱进', phones: ['13775190101'] }],
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<CustomerJson>();
    expect(after).toMatchObject({ version: c.version + 1, grade: 'A', tags: ['大客户'], notes: '春耕前回访' });
    expect(after.contacts.map((x) => [x.name, x.isPrimary])).toEqual([['钱小平', true], ['钱进', false]]);
    expect(after.contacts[1]?.id).toBe(kept?.id);
    const stale = await t.call(admin, 'PATCH', `/api/v1/customers/${id}`, { version: c.version, name: '旧名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await t.call(admin, 'GET', `/api/v1/customers/${id}`)).json<CustomerJson>().name).toBe('金坛区茅山农机合作社');
    const cleared = await t.call(admin, 'PATCH', `/api/v1/customers/${id}`, { version: after.version, address: null, grade: null });
    expect(cleared.json<CustomerJson>()).toMatchObject({ address: null, grade: null });
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=customer&entityId=${id}&action=update`);
    expect(audit.json().items.at(-1)).toMatchObject({ before: { grade: 'B' }, after: { grade: 'A' } });
  });

  it('deactivates and reactivates, and filters the list by it', async () => {
    const id = (await t.call(admin, 'POST', '/api/v1/customers', newCustomer({ name: '停用测试客户', contacts: [{ name: '甲', phones: ['13775190201'] }] }))).json<CustomerJson>().id;
    const off = await t.call(admin, 'POST', `/api/v1/customers/${id}/deactivate`);
    expect(off.json<CustomerJson>()).toMatchObject({ isActive: false, version: 2 });
    const inactive = await t.call(admin, 'GET', '/api/v1/customers?isActive=false');
    expect(inactive.json().items.map((c: CustomerJson) => c.name)).toEqual(['停用测试客户']);
    expect((await t.call(admin, 'POST', `/api/v1/customers/${id}/activate`)).json<CustomerJson>().isActive).toBe(true);
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=customer&entityId=${id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['activate', 'deactivate', 'create']);
  });

  it('lists with paging, pinyin-order sorting and filters', async () => {
    const all = await t.call(admin, 'GET', '/api/v1/customers?pageSize=5&page=2');
    expect(all.json()).toMatchObject({ page: 2, pageSize: 5 });
    expect(all.json().total).toBeGreaterThanOrEqual(30);
    const byName = (await t.call(admin, 'GET', '/api/v1/customers?pageSize=200')).json().items.map((c: CustomerJson) => c.name);
    expect(byName.indexOf('安徽江淮建工集团有限公司')).toBeLessThan(byName.indexOf('张三农业合作社')); // an… before zh…
    const coops = await t.call(admin, 'GET', `/api/v1/customers?tag=${encodeURIComponent('合作社')}&provinceCode=13&pageSize=50`);
    expect(coops.json().items.map((c: CustomerJson) => c.name).sort()).toEqual(['清苑区绿源种植专业合作社', '藁城区丰收农机服务专业合作社']);
    const north = await t.call(admin, 'GET', `/api/v1/customers?orgId=${await t.orgId('R-NORTH')}&kind=individual&grade=C&pageSize=50`);
    expect(north.json().items.map((c: CustomerJson) => c.name).sort()).toEqual(['孟庆海', '王二小']);
    const q = await t.call(admin, 'GET', `/api/v1/customers?q=zsny&source=outlet`);
    expect(q.json().items.map((c: CustomerJson) => c.name)).toEqual(['张三农业合作社']);
    expect((await t.call(admin, 'GET', '/api/v1/customers?sort=phone')).statusCode).toBe(400);
    expect((await t.call(admin, 'GET', '/api/v1/customers?provinceCode=x')).statusCode).toBe(400);
  });

  it('publishes the endpoints in OpenAPI', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/v1/customers/', '/api/v1/customers/search', '/api/v1/customers/duplicates', '/api/v1/customers/{id}', '/api/v1/customers/{id}/deactivate',
    ]));
  });

  it('lets technicians and finance read but not write', async () => {
    for (const username of ['huanglei', 'zhaomin']) {
      const s = await t.login(username);
      expect((await t.call(s, 'GET', '/api/v1/customers')).statusCode).toBe(200);
      const denied = await t.call(s, 'POST', '/api/v1/customers', newCustomer({ name: '越权客户' }));
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('FORBIDDEN');
    }
    expect((await t.call(null, 'GET', '/api/v1/customers')).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type SummaryJson = { id: string; name: string; phones: string[]; primaryContact: string | null; isActive: boolean; orgName: string };
type MatchJson = { matchedOn: 'phone' | 'name'; value: string; customer: SummaryJson };

describe.each(testDialects())('customer search, duplicates and scope on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    agent = await t.login('zhangli'); // hotline, HQ: sees everything
  });
  afterAll(async () => t.close());

  const search = async (s: Session, q: string, extra = '') => {
    const res = await t.call(s, 'GET', `/api/v1/customers/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ items: SummaryJson[] }>().items.map((c) => c.name);
  };
  const customerId = async (name: string) =>
    (await t.handle.db.selectFrom('customers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  it('finds by pinyin initials, from the start or inside the name', async () => {
    expect(await search(agent, 'zsny')).toEqual(['张三农业合作社']);
    expect(await search(agent, 'ZSNY')).toEqual(['张三农业合作社']);
    expect((await search(agent, 'nyhzs'))).toContain('张三农业合作社');
  });

  it('finds by a full pinyin prefix, and people by the surname reading of a polyphonic character', async () => {
    expect(await search(agent, 'zhangsannong')).toEqual(['张三农业合作社']);
    expect(await search(agent, 'shanguoqiang')).toEqual(['单国强']); // 单 as a surname: shàn
    expect(await search(agent, 'cgh')).toEqual(['重光辉']); // 重 as a surname: chóng
    expect(await search(agent, 'chengdutianfu')).toEqual(['成都天府建工机械有限公司']);
  });

  it('finds by any part of any phone, whatever the punctuation', async () => {
    expect(await search(agent, '2130001')).toEqual(['张三农业合作社']); // middle of 13962130001
    expect(await search(agent, '130002')).toEqual(['张三农业合作社']); // the second contact's phone
    expect(await search(agent, '6688')).toEqual(['南京宁建工程机械租赁有限公司']); // landline 025-52106688
    expect(await search(agent, '025-5210')).toEqual(['南京宁建工程机械租赁有限公司']);
    expect(await search(agent, '+86 13962130011')).toEqual(['陆建明']);
  });

  it('finds by a name substring and puts exact and leading matches first', async () => {
    const coops = await search(agent, '合作社', '&limit=20');
    expect(coops).toHaveLength(8);
    expect(coops.every((n) => n.includes('合作社'))).toBe(true);
    expect(await search(agent, '农机专业')).toEqual(expect.arrayContaining(['郫都区岷江农机专业合作社', '杭州萧山红垦农机专业合作社']));
    const zhang = await search(agent, '张', '&limit=20');
    expect(zhang.slice(0, 2)).toEqual(['张永利', '张三农业合作社']); // leading matches first, shorter first
    expect(zhang.slice(2).every((n) => !n.startsWith('张'))).toBe(true);
    expect(await search(agent, '%')).toEqual([]);
    expect(await search(agent, 'no-such-name')).toEqual([]);
    expect((await t.call(agent, 'GET', '/api/v1/customers/search')).statusCode).toBe(400);
    expect((await t.call(agent, 'GET', `/api/v1/customers/search?q=${'a'.repeat(33)}`)).statusCode).toBe(400);
  });

  it('leaves deactivated customers out unless asked', async () => {
    const id = await customerId('许家富');
    await t.call(admin, 'POST', `/api/v1/customers/${id}/deactivate`);
    expect(await search(agent, 'xjf')).toEqual([]);
    expect(await search(agent, 'xjf', '&includeInactive=true')).toEqual(['许家富']);
    await t.call(admin, 'POST', `/api/v1/customers/${id}/activate`);
  });

  it('answers 409 for a phone or name already on file, then saves when confirmed', async () => {
    const body = {
      kind: 'individual', name: '陆建明', source: 'hotline',
      contacts: [{ name: '陆建明', phones: ['13962130099'] }, { name: '陆妻', phones: ['+86 13962130001'] }],
    };
    const res = await t.call(agent, 'POST', '/api/v1/customers', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CUSTOMER_POSSIBLE_DUPLICATE');
    const matches = res.json().details.matches as MatchJson[];
    expect(matches.map((m) => [m.matchedOn, m.value, m.customer.name]).sort()).toEqual([
      ['name', '陆建明', '陆建明'],
      ['phone', '13962130001', '张三农业合作社'],
    ]);
    expect(res.json().message).toBe('已有 2 个客户的电话或名称相同,请确认后再保存');
    const ok = await t.call(agent, 'POST', '/api/v1/customers', { ...body, confirmDuplicate: true });
    expect(ok.statusCode).toBe(201);
  });

  it('checks duplicates while typing, optionally leaving one customer out', async () => {
    const check = async (qs: string) => (await t.call(agent, 'GET', `/api/v1/customers/duplicates?${qs}`)).json<{ matches: MatchJson[] }>().matches;
    expect((await check('phone=%2B8613962130011')).map((m) => m.customer.name)).toEqual(['陆建明']);
    expect((await check(`name=${encodeURIComponent('张三农业合作社')}`)).map((m) => m.matchedOn)).toEqual(['name']);
    const own = await customerId('张三农业合作社');
    expect(await check(`name=${encodeURIComponent('张三农业合作社')}&excludeId=${own}`)).toEqual([]);
    expect(await check('phone=13700000000')).toEqual([]);
    expect((await t.call(agent, 'GET', '/api/v1/customers/duplicates')).statusCode).toBe(400);
  });

  it('confines a region manager to the own region: lists, search, duplicates, and 404 outside', async () => {
    const east = await t.login('chenzhigang'); // 华东
    const list = (await t.call(east, 'GET', '/api/v1/customers?pageSize=200')).json<{ items: SummaryJson[] }>().items;
    expect(list.length).toBeGreaterThanOrEqual(11);
    expect(list.every((c) => ['苏州吴中农机特约维修站', '南京江宁工程机械服务站', '杭州萧山授权服务店', '华东服务中心'].includes(c.orgName))).toBe(true);
    expect(await search(east, 'zsny')).toEqual(['张三农业合作社']);
    expect(await search(east, 'zhao')).not.toContain('赵铁柱'); // 华北
    expect(await search(east, '13931110121')).toEqual([]);
    const foreign = await customerId('赵铁柱');
    expect((await t.call(east, 'GET', `/api/v1/customers/${foreign}`)).statusCode).toBe(404);
    expect((await t.call(east, 'PATCH', `/api/v1/customers/${foreign}`, { version: 1, grade: 'A' })).statusCode).toBe(404);
    expect((await t.call(east, 'POST', `/api/v1/customers/${foreign}/deactivate`)).statusCode).toBe(404);
    const dup = await t.call(east, 'GET', '/api/v1/customers/duplicates?phone=13931110121');
    expect(dup.json().matches).toEqual([]);
    const sneaky = await t.call(east, 'GET', `/api/v1/customers?orgId=${await t.orgId('R-NORTH')}`);
    expect(sneaky.json().total).toBe(0);
    // Moving an own customer into another region is refused as an unknown org.
    const own = await customerId('陆建明');
    const v = (await t.call(east, 'GET', `/api/v1/customers/${own}`)).json<{ version: number }>().version;
    expect((await t.call(east, 'PATCH', `/api/v1/customers/${own}`, { version: v, orgId: await t.orgId('O-SJZGC') })).statusCode).toBe(404);
    const outlet = await t.login('wuhaitao'); // 苏州吴中 only
    expect((await t.call(outlet, 'GET', '/api/v1/customers?pageSize=200')).json().total).toBe(4);
  });
});

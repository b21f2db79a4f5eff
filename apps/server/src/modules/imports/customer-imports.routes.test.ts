import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { countRows, upload, xlsx, type Cell, type Preview } from './imports.test-files.js';

const HEADERS = ['客户名称', '类型', '主要联系人', '电话', '省', '市', '区县', '详细地址', '来源', '标签', '等级', '所属机构编码'];

const sample: Cell[][] = [
  ['苏州新禾农场', '单位', '周新禾', '13962199001、0512-66881234', '江苏省', '苏州市', '吴中区', '甪直镇 1 号', '展会', '合作社,新客户', 'a', 'O-SZWZ'], // 2: new
  ['陆建明', '个人', null, '13962130011', null, null, null, null, null, null, 'A', null], // 3: update by phone
  ['钱多多', '个人', null, '1396219', null, null, null, null, null, null, null, null], // 4: bad phone
  ['赵铁柱', '个人', null, '13931110121', null, null, null, null, null, null, null, null], // 5: another region's customer
  ['重复甲', '个人', null, '13962199002', null, null, null, null, null, null, null, null], // 6: duplicate phone
  ['重复乙', '个人', null, '+86-13962199002', null, null, null, null, null, null, null, null], // 7: duplicate phone
  ['法人客户', '法人', null, '13962199003', '江苏省', '火星市', null, null, '路过', null, 'D', null], // 8: kind, city, source, grade
  ['越权客户', '单位', null, '13962199004', null, null, null, null, null, null, null, 'O-SJZGC'], // 9: org out of scope
  [null, '个人', null, '13962199005', null, null, null, null, null, null, null, null], // 10: no name
  ['北京客户', '个人', null, '13962199006', '北京', null, '朝阳区', null, '热线', null, null, null], // 11: new, county without city
];

describe.each(testDialects())('customer imports on %s', (dialect) => {
  let t: TestApp;
  let east: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    east = await t.login('chenzhigang'); // 华东 region manager
  });
  afterAll(async () => t.close());

  const counts = () => countRows(t.handle.db, ['customers', 'customer_phones', 'customer_search_terms', 'import_jobs', 'audit_log']);
  const preview = async (file: Buffer, headers: Record<string, string> = {}, who = east) => {
    const body = upload(file, '客户.xlsx');
    return t.call(who, 'POST', '/api/v1/imports/customers/preview', body.payload, { 'content-type': body.type, ...headers });
  };
  const commit = (token: string, mode: string) => t.call(east, 'POST', `/api/v1/imports/${token}/commit`, { mode });
  const customer = async (name: string) => {
    const row = await t.handle.db.selectFrom('customers').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return undefined;
    const phones = await t.handle.db.selectFrom('customer_phones').select('phone').where('customer_id', '=', row.id).orderBy('contact_id').orderBy('position').execute();
    const tags = await t.handle.db.selectFrom('customer_tags').select('tag').where('customer_id', '=', row.id).orderBy('tag').execute();
    return { ...row, phones: phones.map((p) => p.phone), tags: tags.map((x) => x.tag) };
  };

  it('previews every row error, the repeated phones and the updates, writing no customer', async () => {
    const before = await counts();
    const res = await preview(await xlsx(HEADERS, sample));
    expect(res.statusCode).toBe(200);
    const p = res.json<Preview>();
    expect(p).toMatchObject({ rows: 10, valid: 3, errorCount: 7, willCreate: 2, willUpdate: 1, updateRows: [3] });
    expect(p.duplicates).toEqual([{ column: '电话', value: '13962199002', rows: [6, 7] }]);
    const at = (row: number) => p.errors.filter((e) => e.row === row).map((e) => [e.column, e.reason]);
    expect(at(4)).toEqual([['电话', '电话号码无效:1396219']]);
    expect(at(5)).toEqual([['电话', '电话 13931110121 已由其他机构的客户登记']]);
    expect(at(6)).toEqual([['电话', '电话 13962199002 在文件中重复']]);
    expect(at(7)).toEqual([['电话', '电话 13962199002 在文件中重复']]);
    expect(at(8).map(([column]) => column).sort()).toEqual(['类型', '市', '来源', '等级'].sort());
    expect(at(9)).toEqual([['所属机构编码', '机构编码不存在:O-SJZGC']]);
    expect(at(10)).toEqual([['客户名称', '必填']]);
    expect(await counts()).toEqual({ ...before, import_jobs: before.import_jobs + 1 });

    const en = (await preview(await xlsx(HEADERS, sample), { 'accept-language': 'en' })).json<Preview>();
    expect(en.errors.find((e) => e.row === 9)?.reason).toBe('Unknown organisation code: O-SJZGC');
  });

  it('refuses all-or-nothing while rows have errors, then commits the valid rows', async () => {
    const { token } = (await preview(await xlsx(HEADERS, sample))).json<Preview>();
    const before = await counts();
    const refused = await commit(token, 'all-or-nothing');
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'IMPORT_HAS_ERRORS']);
    expect(await counts()).toEqual(before);

    const done = await commit(token, 'valid-only');
    expect(done.json()).toMatchObject({ kind: 'customers', status: 'committed', total: 10, valid: 3, processed: 3, created: 2, updated: 1 });
    expect((await counts()).customers).toBe(before.customers + 2);
    expect(await customer('苏州新禾农场')).toMatchObject({
      kind: 'organization', province_code: '32', city_code: '3205', county_code: '320506', address: '甪直镇 1 号', source: 'exhibition', grade: 'A',
      phones: ['13962199001', '0512-66881234'], tags: ['合作社', '新客户'], version: 1,
    });
    expect(await customer('北京客户')).toMatchObject({ province_code: '11', city_code: '1101', county_code: '110105', source: 'hotline' });
    // Blank optional cells keep what the customer had; filled ones replace it.
    expect(await customer('陆建明')).toMatchObject({ grade: 'A', source: 'hotline', county_code: '320506', tags: ['种粮大户'], phones: ['13962130011'], version: 2 });
    expect(await customer('钱多多')).toBeUndefined();
    // The new customer is found by find-as-you-type like any other.
    const found = await t.call(east, 'GET', `/api/v1/customers/search?q=${encodeURIComponent('新禾')}`);
    expect(found.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toContain('苏州新禾农场');
  });

  it('updates the customer that has a phone of the row instead of adding another, all-or-nothing', async () => {
    const rows: Cell[][] = [['苏州新禾家庭农场', '单位', '王经理', '13962199010, 0512-66881234', null, null, null, null, null, null, 'B', null]];
    const p = (await preview(await xlsx(HEADERS, rows))).json<Preview>();
    expect(p).toMatchObject({ valid: 1, errorCount: 0, willCreate: 0, willUpdate: 1, updateRows: [2] });
    const before = await counts();
    const res = await commit(p.token, 'all-or-nothing');
    expect(res.json()).toMatchObject({ status: 'committed', created: 0, updated: 1 });
    expect((await counts()).customers).toBe(before.customers);
    expect(await customer('苏州新禾农场')).toBeUndefined();
    expect(await customer('苏州新禾家庭农场')).toMatchObject({
      grade: 'B', county_code: '320506', tags: ['合作社', '新客户'], version: 2, phones: expect.arrayContaining(['13962199001', '0512-66881234', '13962199010']) as unknown,
    });
  });

  it('refuses bad files and callers without the permission, changing nothing', async () => {
    const technician = await t.login('huanglei');
    const before = await counts();
    const cases: [Buffer, number, string][] = [
      [Buffer.from('客户名称,电话\n张三,13800000000\n'), 415, 'IMPORT_NOT_XLSX'],
      [await xlsx(['客户名称', '电话'], [['张三', '13962199020']]), 422, 'IMPORT_MISSING_COLUMNS'],
      [await xlsx(HEADERS, []), 422, 'IMPORT_EMPTY'],
    ];
    for (const [file, status, code] of cases) {
      const res = await preview(file);
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
    }
    expect((await preview(cases[1]?.[0] ?? Buffer.alloc(0))).json()).toMatchObject({ message: '缺少必需的列:类型', details: { columns: ['类型'] } });
    expect((await preview(await xlsx(HEADERS, sample), {}, technician)).statusCode).toBe(403);
    expect((await t.call(technician, 'GET', '/api/v1/imports/customers/template')).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('hands out templates with the headers of each kind', async () => {
    for (const [kind, first] of [['customers', '客户名称'], ['equipment', '序列号']] as const) {
      const res = await t.call(east, 'GET', `/api/v1/imports/${kind}/template`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`${kind}-import-template.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
      const header = workbook.worksheets[0]?.getRow(1).values as unknown[];
      expect(header[1]).toBe(first);
      if (kind === 'customers') expect(header.slice(1)).toEqual([...HEADERS.slice(0, 11), '所属机构编码', '备注']);
    }
  });
});

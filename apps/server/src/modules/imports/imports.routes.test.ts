import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import * as files from './imports.test-files.js';
import { countRows, upload, type Cell, type Preview } from './imports.test-files.js';

const HEADERS = ['序列号', '型号编码', '客户名称', '客户电话', '销售日期', '安装日期', '状态', '服务网点编码'];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const xlsx = (rows: Cell[][], headers = HEADERS) => files.xlsx(headers, rows, '装机档案');
const bigXlsx = (n: number) => files.streamedXlsx(HEADERS, n, (i) => [`BIG-${i}`, 'ZY210', '单国强', null, '2025-01-01']);

const sample: Cell[][] = [
  ['IMP-0001', 'ZY210', '单国强', null, day('2025-03-01'), day('2025-03-05'), '在用', 'O-NJJN'], // 2: new
  ['imp-0002', 'ZY360', null, '138-5173-0041', '2025/4/1', null, null, null], // 3: new, owner by phone
  ['IMP-0003', 'ZY210', '单国强', null, '2025-02-30', null, null, null], // 4: broken date
  ['IMP-0004', 'XX999', '单国强', null, day('2025-03-01'), null, null, null], // 5: unknown model
  ['IMP-0005', 'ZY210', '赵铁柱', null, day('2025-03-01'), null, null, null], // 6: another region's customer
  ['IMP-0006', 'ZY210', '单国强', null, day('2025-03-01'), null, null, null], // 7: duplicate
  ['IMP-0006', 'ZY210', '单国强', null, day('2025-03-02'), null, null, null], // 8: duplicate
  ['ZY210-2024-00123', 'ZY210', '南京宁建工程机械租赁有限公司', null, day('2024-09-10'), null, '闲置', null], // 9: update
  ['IMP-0007', 'ZY210', '单国强', null, day('2025-03-01'), day('2025-02-01'), '坏了', 'O-NOPE'], // 10: order, status, outlet
];

describe.each(testDialects())('unit imports on %s', (dialect) => {
  let t: TestApp;
  let east: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    east = await t.login('chenzhigang'); // 华东 region manager
  });
  afterAll(async () => t.close());

  const counts = () => countRows(t.handle.db, ['equipment_units', 'import_jobs', 'audit_log']);
  const preview = async (file: Buffer, headers: Record<string, string> = {}) => {
    const body = upload(file, '装机档案.xlsx');
    return t.call(east, 'POST', '/api/v1/imports/equipment/preview', body.payload, { 'content-type': body.type, ...headers });
  };
  const unit = (serial: string) => t.handle.db.selectFrom('equipment_units').selectAll().where('serial_no', '=', serial).executeTakeFirst();

  it('previews every row error, the duplicates and the updates, writing no unit', async () => {
    const before = await counts();
    const res = await preview(await xlsx(sample));
    expect(res.statusCode).toBe(200);
    const p = res.json<Preview>();
    expect(p).toMatchObject({ rows: 9, valid: 3, errorCount: 6, willCreate: 2, willUpdate: 1, updateRows: [9] });
    expect(p.duplicates).toEqual([{ column: '序列号', value: 'IMP-0006', rows: [7, 8] }]);
    const at = (row: number) => p.errors.filter((e) => e.row === row).map((e) => [e.column, e.reason]);
    expect(at(4)).toEqual([['销售日期', '日期无效:2025-02-30']]);
    expect(at(5)).toEqual([['型号编码', '型号编码不存在:XX999']]);
    expect(at(6)).toEqual([['客户名称', '客户不存在:赵铁柱']]);
    expect(at(7)).toEqual([['序列号', '序列号 IMP-0006 在文件中重复']]);
    expect(at(10).map(([column]) => column).sort()).toEqual(['安装日期', '服务网点编码', '状态'].sort());
    expect(await counts()).toEqual({ ...before, import_jobs: before.import_jobs + 1 });
    expect(await unit('IMP-0001')).toBeUndefined();

    const en = (await preview(await xlsx(sample), { 'accept-language': 'en' })).json<Preview>();
    expect(en.errors.find((e) => e.row === 5)?.reason).toBe('Unknown model code: XX999');
  });

  it('refuses all-or-nothing while rows have errors, then commits the valid rows and reports progress', async () => {
    const { token } = (await preview(await xlsx(sample))).json<Preview>();
    const before = await counts();
    const refused = await t.call(east, 'POST', `/api/v1/imports/${token}/commit`, { mode: 'all-or-nothing' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
    expect(await counts()).toEqual(before);

    const done = await t.call(east, 'POST', `/api/v1/imports/${token}/commit`, { mode: 'valid-only' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', total: 9, valid: 3, processed: 3, created: 2, updated: 1 });
    expect(await unit('IMP-0002')).toMatchObject({ sale_date: '2025-04-01', status: 'in_service' });
    expect(await unit('IMP-0001')).toMatchObject({ sale_date: '2025-03-01', installation_date: '2025-03-05' });
    expect(await unit('ZY210-2024-00123')).toMatchObject({ status: 'idle', sale_date: '2024-09-10', version: 2 });
    expect(await unit('IMP-0003')).toBeUndefined();
    expect((await t.call(east, 'GET', `/api/v1/imports/${token}`)).json()).toMatchObject({ status: 'committed', processed: 3 });
    expect((await t.call(east, 'POST', `/api/v1/imports/${token}/commit`, { mode: 'valid-only' })).statusCode).toBe(409);
    const other = await t.login('admin');
    expect((await t.call(other, 'GET', `/api/v1/imports/${token}`)).statusCode).toBe(404);
  });

  it('updates by serial on re-import instead of duplicating, all-or-nothing', async () => {
    const rows = sample.slice(0, 2).map((r) => [...r.slice(0, 6), '维修中', null]);
    const p = (await preview(await xlsx(rows))).json<Preview>();
    expect(p).toMatchObject({ valid: 2, errorCount: 0, willCreate: 0, willUpdate: 2, updateRows: [2, 3] });
    const before = await counts();
    const res = await t.call(east, 'POST', `/api/v1/imports/${p.token}/commit`, { mode: 'all-or-nothing' });
    expect(res.json()).toMatchObject({ status: 'committed', created: 0, updated: 2 });
    expect((await counts()).equipment_units).toBe(before.equipment_units);
    expect(await unit('IMP-0002')).toMatchObject({ status: 'under_repair', version: 2 });
  });

  // exceljs' streaming reader garbles a few Chinese cells per 10,000 rows (chunk boundaries); this one must not.
  it('reads Chinese text intact in a large file, reporting progress under the token the client chose', async () => {
    const token = randomUUID();
    const file = await bigXlsx(20_000);
    const body = upload(file, '装机档案.xlsx');
    let done = false;
    const running = t.call(east, 'POST', `/api/v1/imports/equipment/preview?token=${token}`, body.payload, { 'content-type': body.type })
      .finally(() => { done = true; });
    // The client polls the job while its upload is checked.
    const seen: { status: string; processed: number }[] = [];
    while (!done) {
      const job = await t.call(east, 'GET', `/api/v1/imports/${token}`);
      if (job.statusCode === 200) seen.push(job.json());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const p = (await running).json<Preview>();
    expect(p).toMatchObject({ token, rows: 20_000, valid: 20_000, errorCount: 0, willCreate: 20_000 });
    expect(seen.some((j) => j.status === 'checking' && j.processed >= 5000)).toBe(true);
    expect((await t.call(east, 'GET', `/api/v1/imports/${token}`)).json()).toMatchObject({ status: 'previewed', total: 20_000, processed: 0 });
    const again = await t.call(east, 'POST', `/api/v1/imports/equipment/preview?token=${token}`, body.payload, { 'content-type': body.type });
    expect([again.statusCode, again.json().code]).toEqual([409, 'IMPORT_TOKEN_TAKEN']);
  }, 60_000);

  it('refuses bad files with clear errors and changes nothing', async () => {
    const before = await counts();
    const cases: [Buffer, number, string][] = [
      [Buffer.from('序列号,型号编码\nA1,ZY210\n'), 415, 'IMPORT_NOT_XLSX'],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 415, 'IMPORT_NOT_XLSX'],
      [await xlsx([['A1', '单国强']], ['序列号', '客户名称']), 422, 'IMPORT_MISSING_COLUMNS'],
      [await xlsx([]), 422, 'IMPORT_EMPTY'],
      [await bigXlsx(100_001), 413, 'IMPORT_TOO_MANY_ROWS'],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(21 * 1024 * 1024)]), 413, 'IMPORT_FILE_TOO_LARGE'],
    ];
    for (const [file, status, code] of cases) {
      const res = await preview(file);
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
    }
    const missing = await preview(await xlsx([['A1', '单国强']], ['序列号', '客户名称']));
    expect(missing.json()).toMatchObject({ message: '缺少必需的列:型号编码、销售日期', details: { columns: ['型号编码', '销售日期'] } });
    const noFile = await t.call(east, 'POST', '/api/v1/imports/equipment/preview', { mode: 'x' });
    expect(noFile.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  }, 60_000);
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerExportHeaders, equipmentExportHeaders } from '@sht/domain';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type Sheet = { headers: string[]; rows: string[][] };

/** The first worksheet as text cells; empty cells read as ''. */
async function readSheet(body: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(body).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i += 1) cells.push(row.getCell(i).text);
    rows.push(cells);
  });
  const [headers = [], ...data] = rows;
  return { headers, rows: data };
}

describe.each(testDialects())('exports on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  /** Every item of a list, all pages. */
  async function listAll<T>(session: Session, url: string): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page += 1) {
      const sep = url.includes('?') ? '&' : '?';
      const res = await t.call(session, 'GET', `${url}${sep}page=${page}&pageSize=200`);
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: T[] }>().items;
      out.push(...items);
      if (items.length < 200) return out;
    }
  }

  it('exports the filtered customer list with Chinese headers and a UTF-8 file name', async () => {
    const res = await t.call(admin, 'GET', '/api/v1/customers/export?kind=organization&sort=name');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="customers_\d{8}\.xlsx"; filename\*=UTF-8''%E5%AE%A2%E6%88%B7_\d{8}\.xlsx$/);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual([...customerExportHeaders]);
    const list = await listAll<{ name: string; orgName: string }>(admin, '/api/v1/customers?kind=organization&sort=name');
    expect(list.length).toBeGreaterThan(0);
    expect(sheet.rows.map((r) => [r[0], r[1], r[10]])).toEqual(list.map((c) => [c.name, '单位', c.orgName]));
  });

  it("holds only the caller's region in a region manager's export", async () => {
    const east = await t.login('chenzhigang');
    const sheet = await readSheet((await t.call(east, 'GET', '/api/v1/customers/export')).rawPayload);
    const mine = await listAll<{ name: string }>(east, '/api/v1/customers');
    const all = await listAll<{ name: string }>(admin, '/api/v1/customers');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect(sheet.rows.map((r) => r[0])).toEqual(mine.map((c) => c.name));

    const units = await readSheet((await t.call(east, 'GET', '/api/v1/equipment/export')).rawPayload);
    const myUnits = await listAll<{ serialNo: string }>(east, '/api/v1/equipment');
    expect(units.rows.map((r) => r[0])).toEqual(myUnits.map((u) => u.serialNo));
    expect(myUnits.length).toBeLessThan((await listAll(admin, '/api/v1/equipment')).length);
  });

  it('exports units matching the list filters, with labels for coded values', async () => {
    const res = await t.call(admin, 'GET', '/api/v1/equipment/export?q=zy&sort=serialNo&order=desc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E8%A3%85%E6%9C%BA%E6%A1%A3%E6%A1%88_");
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual([...equipmentExportHeaders]);
    const list = await listAll<{ serialNo: string; modelCode: string; customerName: string; saleDate: string | null }>(admin, '/api/v1/equipment?q=zy&sort=serialNo&order=desc');
    expect(list.length).toBeGreaterThan(0);
    expect(sheet.rows.map((r) => [r[0], r[1], r[4], r[7]])).toEqual(list.map((u) => [u.serialNo, u.modelCode, u.customerName, u.saleDate ?? '']));
    expect(new Set(sheet.rows.map((r) => r[12]))).toEqual(new Set(['在用']));
  });

  it('refuses bad filters and callers without the permission', async () => {
    expect((await t.call(admin, 'GET', '/api/v1/equipment/export?status=gone')).statusCode).toBe(400);
    expect((await t.call(null, 'GET', '/api/v1/customers/export')).statusCode).toBe(401);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';
import { DEMO_PASSWORD } from './support/server.js';

const HEADERS = ['序列号', '型号编码', '客户名称', '客户电话', '销售日期', '状态'];

async function unitsFile(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('装机档案');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Journey of a spreadsheet import: a regional manager uploads the units delivered last month, reads
// which rows are wrong and why, fixes the file, uploads it again and commits it.
describe.skipIf(!hasChromium())('unit import in Chromium', () => {
  const journey = useJourney();
  const { login } = journey;

  async function upload(page: Page, name: string, file: Buffer) {
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  }

  const lineTexts = (page: Page, outcome: 'error' | 'update') =>
    page.getByTestId(`import-line-${outcome}`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')));

  it('shows the row errors of a file, takes the corrected file and creates the units', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await login(page, 'chenzhigang');
    await page.getByTestId('nav-imports').click();
    // antd puts the test id on the hidden radio input: click its label.
    await page.locator('label', { has: page.getByTestId('import-kind-equipment') }).click();

    const rows = [
      ['E2E-0001', 'ZY210', '单国强', null, '2025-03-01', '在用'],
      ['E2E-0002', 'XX999', '单国强', null, '2025-03-02', null],
      ['E2E-0003', 'ZY360', null, '138-5173-0041', '2025-02-30', null],
      ['ZY210-2024-00123', 'ZY210', '南京宁建工程机械租赁有限公司', null, '2024-09-10', '闲置'],
    ];
    await upload(page, '装机档案-有错误.xlsx', await unitsFile(rows));
    expect(await page.getByTestId('import-stat-errors').innerText()).toContain('2');
    await page.getByTestId('import-errors-only').click();
    expect(await lineTexts(page, 'error')).toEqual([['3', '型号编码', '型号编码不存在:XX999'], ['4', '销售日期', '日期无效:2025-02-30']]);
    expect(await lineTexts(page, 'update')).toEqual([]);
    expect(await page.getByTestId('import-commit-all').isDisabled()).toBe(true);

    // The corrected file: a known model and a real date.
    await page.getByTestId('import-reupload').click();
    const fixed = rows.map((r) => [...r]);
    (fixed[1] as (string | null)[])[1] = 'ZY360';
    (fixed[2] as (string | null)[])[4] = '2025-02-28';
    await upload(page, '装机档案.xlsx', await unitsFile(fixed));
    expect(await page.getByTestId('import-stat-errors').innerText()).toContain('0');
    expect(await lineTexts(page, 'update')).toEqual([['5', '', '更新已有记录']]);
    await page.getByTestId('import-commit-all').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.innerText()).toContain('新增 3 条，更新 1 条，跳过 0 行');

    const api = await apiLogin(journey.server.baseUrl, 'chenzhigang', DEMO_PASSWORD);
    const list = await api.get('/api/v1/equipment?q=E2E-&pageSize=10&sort=serialNo&order=asc');
    expect(list.status).toBe(200);
    const items = list.body.items as { serialNo: string; modelCode: string; saleDate: string }[];
    expect(items.map((u) => [u.serialNo, u.modelCode, u.saleDate])).toEqual([
      ['E2E-0001', 'ZY210', '2025-03-01'], ['E2E-0002', 'ZY360', '2025-03-02'], ['E2E-0003', 'ZY360', '2025-02-28'],
    ]);
    await page.close();
  });

  it('works on a phone-sized screen', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await login(page, 'chenzhigang');
    await page.goto(`${journey.server.baseUrl}/imports`);
    await upload(page, '装机档案.xlsx', await unitsFile([['E2E-M-1', 'XX999', '单国强', null, '2025-03-01', null]]));
    expect(await lineTexts(page, 'error')).toEqual([['2', '型号编码', '型号编码不存在:XX999']]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });
});

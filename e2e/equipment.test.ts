import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { warrantyDates } from '@sht/domain';
import { apiLogin, hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';
import { DEMO_PASSWORD } from './support/server.js';

// Journey of the equipment archive (装机档案): a hotline agent, with a caller on the line, finds the
// customer, opens one of the customer's units and reads from the warranty card why the unit is, or
// is not, in warranty. Units and dates come from the demo seed (apps/server/src/db/seed/demo-equipment.ts):
// sale dates are relative to the seed day, so expected dates are derived from the sale date shown.

// Journeys of several pages: more than the project's per-test default, for a busy CI machine.
const JOURNEY_TIMEOUT = 120_000;

describe.skipIf(!hasChromium())('equipment archive and warranty card in Chromium', () => {
  const journey = useJourney();
  const { login } = journey;

  // Same find-as-you-type as the customer journey: wait for a pickable option naming the customer.
  async function findCustomer(page: Page, term: string, name: string) {
    const input = page.getByTestId('customer-search').locator('input');
    await input.fill(term);
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ has: page.getByTestId('customer-search-option') })
      .first();
    await expect.poll(() => option.innerText().catch(() => ''), { timeout: 10_000 }).toContain(name);
    await option.click();
    await page.getByTestId('customer-page').waitFor();
    await expect.poll(() => page.getByTestId('customer-name').innerText()).toBe(name);
  }

  async function openUnitFromCustomer(page: Page, serial: string) {
    const units = page.getByTestId('customer-section-equipment');
    const link = units.getByTestId('customer-unit-link').filter({ hasText: serial });
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await page.getByTestId('equipment-page').waitFor();
    await expect.poll(() => page.getByTestId('equipment-serial').innerText()).toBe(serial);
    await page.getByTestId('warranty-summary').waitFor({ timeout: 10_000 });
  }

  const coverage = (page: Page, key: string) => page.locator(`[data-testid="warranty-coverage"][data-key="${key}"]`);

  it('a hotline agent reads why a unit is in warranty, and why another is not', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.getByTestId('nav-customers').click();

    // 张三农业合作社 by its pinyin initials; it owns a harvester and a tractor sold 120 days ago.
    await findCustomer(page, 'zsny', '张三农业合作社');
    const units = await page.getByTestId('customer-section-equipment').innerText();
    expect(units).toContain('4LZ6-2024-00312');
    expect(units).toContain('JH1204-2025-00041');
    await openUnitFromCustomer(page, 'JH1204-2025-00041');

    await expect(page.getByTestId('equipment-owner').innerText()).resolves.toBe('张三农业合作社');
    await expect(page.getByTestId('equipment-model').innerText()).resolves.toContain('JH-1204 轮式拖拉机');
    const sale = await page.getByTestId('equipment-sale-date').innerText();
    // Tractor 三包 (2010 farm-machinery rules): whole unit 12 months from the sale (invoice) date.
    const until = warrantyDates.addMonths(sale, 12);
    await expect(page.getByTestId('warranty-status').innerText()).resolves.toBe('在保');
    await expect(page.getByTestId('warranty-summary').innerText()).resolves.toContain(`整机在保至 ${until}`);
    await expect(page.getByTestId('warranty-policy').innerText()).resolves.toContain('大中型拖拉机三包(农机 2010 规定)');
    const whole = coverage(page, 'whole_unit');
    await expect(whole.getAttribute('data-applies')).resolves.toBe('yes');
    const wholeText = await whole.innerText();
    expect(wholeText).toContain('整机包修');
    expect(wholeText).toContain(`截至 ${until}`);
    expect(wholeText).toContain(`保修自销售（开票）日期 ${sale} 起算`);
    expect(wholeText).toContain(`期限 12 个月，自 ${sale} 至 ${until}`);
    // The 7-day return window (包退) closed long ago, and the card says so.
    const ret = coverage(page, 'return');
    await expect(ret.getAttribute('data-applies')).resolves.toBe('no');
    expect(await ret.innerText()).toContain(`起算后 7 日内出现质量问题（性能故障）可办理，截至 ${warrantyDates.addDays(sale, 7)}（已结束）`);
    await expect(coverage(page, 'part:内燃机机体').getAttribute('data-applies')).resolves.toBe('yes');
    // The unit's work orders are listed on its page (none yet for this one).
    await expect(page.getByTestId('record-work-orders').innerText()).resolves.toContain('工单号');

    // "Will it still be covered in 2040?" — the as-of date recomputes the answer.
    const asOf = page.locator('[data-testid="warranty-as-of"] input, input[data-testid="warranty-as-of"]').first();
    await asOf.click();
    await asOf.fill('2040-01-01');
    await asOf.press('Enter');
    await expect.poll(() => page.getByTestId('warranty-status').innerText(), { timeout: 10_000 }).toBe('已过保');
    const later = await page.getByTestId('warranty-summary').innerText();
    expect(later).toContain(`最后在保日为 ${warrantyDates.addMonths(sale, 24)}`);
    expect(later).toContain('保外可享受有偿维修');

    // 常熟市虞丰家庭农场 by a fragment of 顾卫东's mobile 137 7183 0021; its tractor was sold ~900 days ago.
    await page.getByTestId('nav-customers').click();
    await findCustomer(page, '1830021', '常熟市虞丰家庭农场');
    await openUnitFromCustomer(page, 'JH1204-2023-00977');
    const oldSale = await page.getByTestId('equipment-sale-date').innerText();
    await expect(page.getByTestId('warranty-status').innerText()).resolves.toBe('已过保');
    const summary = await page.getByTestId('warranty-summary').innerText();
    expect(summary).toContain(`已过保，因为最后在保日为 ${warrantyDates.addMonths(oldSale, 24)}`);
    expect(summary).toContain('保外可享受有偿维修');
    expect(await coverage(page, 'whole_unit').innerText()).toContain(`已于 ${warrantyDates.addMonths(oldSale, 12)} 期满`);
    expect(await coverage(page, 'part:变速箱箱体').innerText()).toContain(`已于 ${warrantyDates.addMonths(oldSale, 24)} 期满`);
    const applies = await page.locator('[data-testid="warranty-coverage"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-applies')));
    expect(applies.length).toBeGreaterThan(5);
    expect(applies.every((a) => a === 'no')).toBe(true);
    await page.close();
  }, JOURNEY_TIMEOUT);

  async function pick(page: Page, testId: string, term: string, optionText: string) {
    const input = page.getByTestId(testId).locator('input').first();
    await input.click();
    await input.fill(term);
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ hasText: optionText })
      .first();
    await option.waitFor({ timeout: 10_000 });
    // Enter picks the active (first) option; a click can miss while the popup settles.
    await input.press('Enter');
    await expect.poll(() => page.getByTestId(testId).innerText()).toContain(optionText);
  }

  async function fillDate(page: Page, testId: string, date: string) {
    const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  it('an agent registers a unit from the owner page, and transfers it to another customer', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.getByTestId('nav-customers').click();
    await findCustomer(page, 'xjf', '许家富');
    await page.getByTestId('customer-section-equipment').getByTestId('customer-unit-link').filter({ hasText: 'KFR72LW-2024-097215' }).waitFor();
    await page.getByTestId('customer-unit-create').click();
    const modal = page.getByTestId('equipment-form-modal');
    await modal.getByTestId('equipment-form-serial').fill('kfr72lw-e2e-000001');
    await pick(page, 'equipment-form-model', 'KFR', 'KFR-72LW 柜式空调');
    // Installed before it was sold: refused on the form, before anything is sent.
    await fillDate(page, 'equipment-form-saleDate', '2026-10-10');
    await fillDate(page, 'equipment-form-installationDate', '2026-10-01');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => modal.innerText()).toContain('日期顺序应为：销售 ≤ 交付 ≤ 安装 ≤ 验收');
    await fillDate(page, 'equipment-form-installationDate', '2026-10-12');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();

    await page.getByTestId('equipment-page').waitFor();
    // The server stores serials upper-cased; the owner came from the customer page.
    await expect.poll(() => page.getByTestId('equipment-serial').innerText()).toBe('KFR72LW-E2E-000001');
    await expect(page.getByTestId('equipment-owner').innerText()).resolves.toBe('许家富');
    await page.getByTestId('warranty-summary').waitFor();
    await expect(page.getByTestId('warranty-policy').innerText()).resolves.toContain('房间空调器三包');
    expect(await coverage(page, 'part:压缩机').innerText()).toContain('期限 36 个月，自 2026-10-10 至 2029-10-10');
    await expect(page.getByTestId('equipment-readings').innerText()).resolves.toContain('该机型不记录使用量');

    // Edit: the unit is put into storage (封存) for the winter.
    await page.getByTestId('equipment-edit').click();
    await page.locator('.ant-modal:visible').getByText('在用', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '封存' }).click();
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('equipment-page').locator('.sht-page-header').innerText(), { timeout: 10_000 }).toContain('封存');

    // 过户 to 张三农业合作社: the unit keeps its warranty and its history records the change.
    await page.getByTestId('transfer-add').click();
    await pick(page, 'transfer-form-customer', 'zsny', '张三农业合作社');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('equipment-owner').innerText(), { timeout: 10_000 }).toBe('张三农业合作社');
    await expect.poll(() => page.getByTestId('equipment-transfers').innerText()).toContain('许家富');
    await expect.poll(() => page.getByTestId('equipment-history').innerText()).toContain('由 许家富 过户给 张三农业合作社');

    // The same serial cannot be registered twice: the server's answer lands on the serial field.
    await page.getByTestId('nav-equipment').click();
    await page.getByTestId('equipment-create').click();
    await modal.getByTestId('equipment-form-serial').fill('KFR72LW-E2E-000001');
    await pick(page, 'equipment-form-model', 'KFR', 'KFR-72LW 柜式空调');
    await pick(page, 'equipment-form-customer', '13866110291', '许家富');
    await fillDate(page, 'equipment-form-saleDate', '2026-10-10');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => modal.innerText(), { timeout: 10_000 }).toContain('出厂编号 KFR72LW-E2E-000001 已登记');
    await page.close();
  }, JOURNEY_TIMEOUT);

  it('an agent records a meter reading and a service contract on a unit', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.getByTestId('nav-equipment').click();
    await page.getByTestId('equipment-search').locator('input').fill('ZY210-2025-00301');
    await page.getByTestId('equipment-search').locator('input').press('Enter');
    const link = page.getByTestId('equipment-table').getByTestId('equipment-link').filter({ hasText: 'ZY210-2025-00301' });
    await expect.poll(() => page.getByTestId('equipment-table').getByTestId('equipment-link').count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    await page.getByTestId('warranty-summary').waitFor({ timeout: 10_000 });

    // A meter never runs backwards: 200 h after 210 h is refused on the field, 260 h is kept.
    await page.getByTestId('reading-add').click();
    const readingModal = page.getByTestId('reading-form-modal');
    await readingModal.getByTestId('reading-form-value').fill('200');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => readingModal.innerText(), { timeout: 10_000 }).toContain('表读数不能倒退');
    await readingModal.getByTestId('reading-form-value').fill('260');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('equipment-readings').innerText(), { timeout: 10_000 }).toContain('260 小时');
    await expect.poll(() => page.getByTestId('equipment-basic').innerText()).toContain('260 小时');
    await expect.poll(() => coverage(page, 'whole_unit').innerText()).toContain('使用量 260 小时');

    // An extended warranty that starts next year: listed, and on the warranty card as not started yet.
    await page.getByTestId('contract-add').click();
    const contractModal = page.locator('.ant-modal:visible');
    await contractModal.locator('#contract-form_contractNo').fill('YB-E2E-0001');
    await contractModal.locator('#contract-form_name').fill('整机延保 2 年');
    await fillDate(page, 'contract-form-startDate', '2030-01-01');
    await fillDate(page, 'contract-form-endDate', '2031-12-31');
    await contractModal.locator('.ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('equipment-contracts').innerText(), { timeout: 10_000 }).toContain('YB-E2E-0001');
    const contract = page.locator('[data-testid="warranty-coverage"][data-key^="contract:"]');
    await expect.poll(() => contract.innerText().catch(() => ''), { timeout: 10_000 }).toContain('合同：整机延保 2 年');
    expect(await contract.innerText()).toContain('延保合同有效期 2030-01-01 至 2031-12-31');
    await expect(contract.getAttribute('data-applies')).resolves.toBe('no');
    await expect(page.getByTestId('equipment-history').innerText()).resolves.toContain('延保合同「整机延保 2 年」生效（至 2031-12-31）');
    await page.close();
  }, JOURNEY_TIMEOUT);

  it('lists units by serial prefix and exports the filtered list', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.getByTestId('nav-equipment').click();
    const table = page.getByTestId('equipment-table');
    await table.locator('tbody tr[data-row-key]').first().waitFor();
    await page.getByTestId('equipment-search').locator('input').fill('zy360');
    await page.getByTestId('equipment-search').locator('input').press('Enter');
    await expect
      .poll(async () => (await table.getByTestId('equipment-link').allInnerTexts()).sort().join(','), { timeout: 10_000 })
      .toBe('ZY360-2024-00008,ZY360-2024-00021,ZY360-2025-00017,ZY360-2025-00033,ZY360-2025-00041');
    const href = await page.getByTestId('equipment-export').getAttribute('href');
    expect(href).toBe('/api/v1/equipment/export?q=zy360');
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href ?? '');
    expect(download.status).toBe(200);
    expect(download.type).toContain('spreadsheetml');
    expect(download.size).toBeGreaterThan(1000);
    await page.close();
  }, JOURNEY_TIMEOUT);

  it('the unit page fits a phone-sized screen', async () => {
    const api = await apiLogin(journey.server.baseUrl, 'lixiuying', DEMO_PASSWORD);
    const found = await api.get('/api/v1/equipment?q=ZY210-2024-00123');
    const [unit] = found.body.items as { id: string; serialNo: string }[];
    expect(unit?.serialNo).toBe('ZY210-2024-00123');

    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.goto(`${journey.server.baseUrl}/equipment/${unit?.id}`);
    await page.getByTestId('warranty-summary').waitFor({ timeout: 10_000 });
    // Sold ~430 days ago under "12 months or 2,000 hours, whichever first", now at 2,350 hours: the
    // whole unit is out, the main parts (24 months) and the hydraulic-pump extended warranty are in.
    await expect(page.getByTestId('warranty-status').innerText()).resolves.toBe('部分在保');
    const wholeZh = await coverage(page, 'whole_unit').innerText();
    expect(wholeZh).toContain('读数 2,350 小时，已达上限 2,000 小时（以先到者为准）');
    expect(wholeZh).toContain('不在保');
    const contracts = await page.locator('[data-testid="warranty-coverage"][data-key^="contract:"]').innerText();
    expect(contracts).toContain('合同：液压系统延保 1 年');
    await page.getByTestId('equipment-history').getByText('延保合同「液压系统延保 1 年」').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    // An English-speaking agent reads the same reasons in English, without a reload.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('warranty-status').innerText()).toBe('Partially covered');
    const whole = await coverage(page, 'whole_unit').innerText();
    expect(whole).toContain('Whole-unit repair');
    expect(whole).toContain('the reading of 2,350 h on');
    expect(whole).toContain('reached the limit of 2,000 h (whichever comes first)');
    await expect(page.getByTestId('warranty-summary').innerText()).resolves.toMatch(/^Partially covered, because still covered: /);

    // The list fits too: its table scrolls inside its card, not the page.
    await page.getByTestId('lang-zh-CN').click();
    await page.goto(`${journey.server.baseUrl}/equipment`);
    await page.getByTestId('equipment-table').locator('tbody tr[data-row-key]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  }, JOURNEY_TIMEOUT);

  it('lets an owner check the warranty by serial on a phone, without logging in and without personal data', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await page.goto(`${journey.server.baseUrl}/warranty`);
    await page.getByTestId('public-warranty-page').waitFor();
    await page.getByTestId('public-warranty-serial').locator('input').fill('jh1204-2025-00041');
    await page.getByTestId('public-warranty-serial').locator('input').press('Enter');
    const result = page.getByTestId('public-warranty-result');
    await result.waitFor();
    const shown = await result.innerText();
    expect(shown).toContain('JH1204-2025-00041');
    expect(shown).toContain('在保');
    expect(shown).toContain('整机包修');
    // The owner's name and phone are not part of the answer.
    expect(shown).not.toContain('张三');
    expect(shown).not.toContain('13962130001');
    expect(page.url()).toContain('serial=jh1204-2025-00041');
    await page.getByTestId('public-warranty-serial').locator('input').fill('NO-SUCH-SERIAL');
    await page.getByTestId('public-warranty-serial').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('public-warranty-error').innerText().catch(() => '')).toContain('未找到出厂编号 NO-SUCH-SERIAL');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';
import { DEMO_PASSWORD } from './support/server.js';

type Item = Record<string, unknown>;

// Journey of HQ service policy: the administrator reviews the seeded SLA promises and complaint
// routing, adds a promise for training visits, tightens it, and publishes a compensation standard.
describe.skipIf(!hasChromium())('service policies in Chromium', () => {
  const journey = useJourney();

  const modal = (page: Page) => page.locator('.ant-modal:visible');
  const save = (page: Page) => modal(page).locator('.ant-btn-primary').click();
  const tableText = (page: Page, testId: string) => page.getByTestId(testId).innerText();
  async function choose(page: Page, selectTestId: string, option: string) {
    await modal(page).getByTestId(selectTestId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  it('an admin reviews, creates and edits SLA promises and creates a compensation standard', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await journey.login(page, 'admin');
    await page.getByTestId('nav-service-policies').click();
    await page.waitForURL(/\/service-policies$/);
    await expect.poll(() => tableText(page, 'sla-table'), { timeout: 10_000 }).toContain('紧急报修');

    await page.getByTestId('policies-tab-complaint-rules').click();
    await expect.poll(() => tableText(page, 'rule-table'), { timeout: 10_000 }).toContain('大客户投诉 → 客户服务部');

    // A new promise for training visits: answer within an hour, done within two days.
    await page.getByTestId('policies-tab-sla').click();
    await page.getByTestId('sla-create').click();
    await modal(page).locator('#sla-form_name').fill('培训服务承诺');
    await choose(page, 'sla-form-type', '培训');
    await modal(page).locator('#sla-form_responseMinutes').fill('60');
    await modal(page).locator('#sla-form_resolutionMinutes').fill('2880');
    await expect.poll(() => modal(page).innerText()).toContain('1 小时');
    await save(page);
    const row = page.getByTestId('sla-table').locator('tbody tr[data-row-key]').filter({ hasText: '培训服务承诺' });
    await expect.poll(() => row.innerText().catch(() => ''), { timeout: 10_000 }).toContain('2 天');
    expect(await row.innerText()).toContain('1 小时');

    // Edit: response within 90 minutes, arrival within a day, and switched off for now.
    await row.getByTestId('sla-edit').click();
    await modal(page).locator('#sla-form_responseMinutes').fill('90');
    await modal(page).locator('#sla-form_arrivalMinutes').fill('1440');
    await modal(page).getByTestId('sla-form-active').click();
    await save(page);
    await expect.poll(() => row.innerText().catch(() => ''), { timeout: 10_000 }).toContain('90 分钟');
    expect(await row.innerText()).toContain('1 天');
    expect(await row.innerText()).toContain('停用');

    // A fixed compensation of 200 yuan for parts that wear out.
    await page.getByTestId('policies-tab-compensation').click();
    await page.getByTestId('compensation-create').click();
    await modal(page).locator('#compensation-form_code').fill('E2E-WEAR');
    await modal(page).locator('#compensation-form_name').fill('易损件补偿');
    await modal(page).locator('#compensation-form_amountYuan').fill('200');
    await save(page);
    await expect.poll(() => tableText(page, 'compensation-table'), { timeout: 10_000 }).toContain('E2E-WEAR');
    expect(await tableText(page, 'compensation-table')).toContain('¥200.00');

    // A second standard with the same code is refused on the code field, and nothing is added.
    await page.getByTestId('compensation-create').click();
    await modal(page).locator('#compensation-form_code').fill('E2E-WEAR');
    await modal(page).locator('#compensation-form_name').fill('重复编码');
    await modal(page).locator('#compensation-form_amountYuan').fill('1');
    await save(page);
    await expect.poll(() => modal(page).locator('.ant-form-item-explain-error').innerText().catch(() => ''), { timeout: 10_000 }).toContain('E2E-WEAR');
    await modal(page).locator('.ant-modal-close').click();

    const api = await apiLogin(journey.server.baseUrl, 'admin', DEMO_PASSWORD);
    const policies = (await api.get('/api/v1/sla-policies')).body.items as Item[];
    expect(policies.find((p) => p.name === '培训服务承诺')).toMatchObject({
      type: 'training', priority: null, serviceLevel: null,
      responseMinutes: 90, arrivalMinutes: 1440, resolutionMinutes: 2880, active: false, version: 2,
    });
    const standards = (await api.get('/api/v1/compensation-standards')).body.items as Item[];
    expect(standards.filter((s) => s.code === 'E2E-WEAR')).toEqual([
      expect.objectContaining({ name: '易损件补偿', kind: 'fixed', amountFen: 20_000, liability: null, active: true }),
    ]);
    await page.close();
  });

  it('an outlet manager keeps a technician profile: skills, home base and coverage', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await journey.login(page, 'qianguoping');
    await page.getByTestId('nav-technicians').click();
    await page.waitForURL(/\/technicians$/);
    const table = page.getByTestId('technician-table');
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain('钱国平');
    // The outlet's subtree only: the Suzhou outlet's technicians are not listed.
    expect(await table.innerText()).not.toContain('黄磊');

    await table.locator('tbody tr[data-row-key]').filter({ hasText: '钱国平' }).getByRole('button').click();
    const skills = modal(page).getByTestId('technician-skills');
    await skills.click();
    await page.keyboard.type('HARVESTER');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await modal(page).locator('#technician-profile_lat').fill('31.8');
    await save(page);
    // Latitude without longitude is refused on the form; nothing is sent.
    await expect.poll(() => modal(page).locator('.ant-form-item-explain-error').innerText().catch(() => ''), { timeout: 10_000 }).toContain('同时');
    await modal(page).locator('#technician-profile_lng').fill('118.83');
    const coverage = modal(page).getByTestId('technician-coverage');
    await coverage.click();
    await page.keyboard.type('江苏');
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^江苏省$/ }).first().click();
    await page.keyboard.press('Escape');
    await save(page);
    const row = table.locator('tbody tr[data-row-key]').filter({ hasText: '钱国平' });
    await expect.poll(() => row.innerText().catch(() => ''), { timeout: 10_000 }).toContain('HARVESTER');
    expect(await row.innerText()).toContain('江苏省');
    expect(await row.innerText()).toContain('31.8000, 118.8300');

    const api = await apiLogin(journey.server.baseUrl, 'qianguoping', DEMO_PASSWORD);
    const techs = (await api.get('/api/v1/technicians')).body.items as Item[];
    expect(techs.find((t) => t.name === '钱国平')).toMatchObject({
      skills: expect.arrayContaining(['HARVESTER']), base: { lat: 31.8, lng: 118.83 }, coverage: ['32'],
    });
    await page.close();
  });

  it('works on a phone-sized screen: the tables scroll inside the page', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await journey.login(page, 'admin');
    await page.goto(`${journey.server.baseUrl}/service-policies`);
    await expect.poll(() => tableText(page, 'sla-table'), { timeout: 10_000 }).toContain('紧急报修');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });
});

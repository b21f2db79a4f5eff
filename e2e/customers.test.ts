import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';

// Journey of the customer archive: a hotline agent, with a caller on the line, finds the customer
// by the pinyin initials of its name or by a few digits of a phone, and opens the customer page.
describe.skipIf(!hasChromium())('customer lookup in Chromium', () => {
  const journey = useJourney();
  const { login } = journey;

  // Results of the previous term stay on screen (disabled) until the new answer lands: wait for a
  // pickable option naming the customer, then pick it.
  async function findAndOpen(page: Page, term: string, name: string) {
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

  it('a hotline agent finds a customer by pinyin initials and by a phone fragment', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-table').locator('tbody tr[data-row-key]').first().waitFor();

    // 张三农业合作社 → zsnyhzs; "zsny" is how an agent types it while the caller talks.
    await findAndOpen(page, 'zsny', '张三农业合作社');
    const contacts = await page.getByTestId('customer-contacts').innerText();
    expect(contacts).toContain('13962130001');
    expect(contacts).toContain('张小燕');
    await expect(page.getByTestId('customer-section-equipment').innerText()).resolves.toContain('JH1204-2025-00041');

    // Middle digits of 何长贵's mobile 137 9561 0261.
    await page.getByTestId('nav-customers').click();
    await findAndOpen(page, '9561026', '何长贵');
    await expect(page.getByTestId('customer-page').innerText()).resolves.toContain('绵阳市');
    await page.close();
  });

  it('works on a phone-sized screen', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await login(page, 'lixiuying');
    await page.goto(`${journey.server.baseUrl}/customers`);
    await findAndOpen(page, '13833110112', '藁城区丰收农机服务专业合作社');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';

// 回访 journey on a phone-sized screen: a hotline agent takes the seeded callback (the demo repair
// confirmed three weeks ago, now overdue), the customer gives low scores, and a recovery order
// (service-quality complaint, high priority) appears, linked from the callback and the recovery list.
describe.skipIf(!hasChromium())('callbacks and service recovery in Chromium', () => {
  const journey = useJourney();

  const pick = (page: Page, group: string, label: string) => page.getByTestId(group).getByText(label, { exact: true }).click();

  it('an agent completes a callback with a low score and the recovery order appears', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await journey.login(page, 'lixiuying');
    // The dashboard's callback figures: the seeded callback is due and overdue.
    const figure = (key: string) => page.getByTestId(`dashboard-${key}`).locator('.ant-statistic-content').innerText();
    await page.getByTestId('dashboard-callbacks').waitFor();
    expect(await figure('pending')).toBe('1');
    expect(await figure('overdue')).toBe('1');
    const openRecoveries = Number(await figure('recoveryOpen'));
    await page.goto(`${journey.server.baseUrl}/callbacks`);
    await page.getByTestId('callbacks-table').waitFor();
    // The queue (default view) holds the overdue callback of the seeded order.
    const link = page.getByTestId('callback-link').first();
    await link.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const number = await link.innerText();
    expect(number).toMatch(/^WO\d{12}$/);
    await link.click();
    await page.getByTestId('callback-page').waitFor();
    expect(await page.getByTestId('callback-number').innerText()).toBe(number);
    expect(await page.getByTestId('callback-script').innerText()).toContain(number);

    // Submitting without ratings is refused in the form: nothing is sent.
    await page.getByTestId('cb-outcome-reached').click();
    await page.getByText('请为四项评分').first().waitFor();

    await pick(page, 'cb-arrived', '否');
    await pick(page, 'cb-charged', '是');
    await page.getByTestId('cb-charged-yuan').fill('150');
    await pick(page, 'cb-fault-fixed', '已排除');
    for (const [key, value] of [['timeliness', '1'], ['attitude', '2'], ['quality', '3'], ['overall', '2']] as const) await pick(page, `cb-rating-${key}`, value);
    await page.getByTestId('cb-comment').fill('等了两天才来,还收了上门费');
    await page.getByTestId('cb-outcome-reached').click();

    // Done: the answers show with the score (mean of 0/25/50/25 = 25), and the recovery order is linked.
    await page.getByTestId('callback-answers').waitFor();
    expect(await page.getByTestId('callback-status').first().innerText()).toBe('已回访');
    expect(await page.getByTestId('callback-answers').innerText()).toContain('¥150.00');
    const recoveryLink = page.getByTestId('callback-recovery-order');
    await recoveryLink.waitFor();
    const recoveryNumber = await recoveryLink.innerText();
    expect(recoveryNumber).not.toBe(number);
    expect(await page.getByTestId('callback-recovery').innerText()).toContain('处理中');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The recovery order: a new high-priority complaint at the same outlet, with its own SLA.
    await recoveryLink.click();
    await page.getByTestId('work-order-page').waitFor();
    expect(await page.getByTestId('work-order-number').first().innerText()).toBe(recoveryNumber);
    expect(await page.getByTestId('work-order-status').first().innerText()).toBe('新建');
    const info = await page.getByTestId('wo-info').innerText();
    expect(info).toContain('服务补救');

    // The recovery list shows the case with the trigger score.
    await page.goto(`${journey.server.baseUrl}/recovery-cases`);
    const row = page.getByTestId('recovery-cases-table').locator('tr', { has: page.getByText(recoveryNumber) });
    await row.waitFor();
    expect(await row.innerText()).toContain('25');

    // Back on the dashboard: nothing left to call, one more recovery under way.
    await page.goto(`${journey.server.baseUrl}/dashboard`);
    await page.getByTestId('dashboard-callbacks').waitFor();
    expect(await figure('pending')).toBe('0');
    expect(await figure('recoveryOpen')).toBe(String(openRecoveries + 1));
    await context.close();
  });
});

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import SQLite from 'better-sqlite3';
import { apiLogin, hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';
import { DEMO_PASSWORD } from './support/server.js';

// Journey of a satisfaction survey: the HQ service manager creates and launches a campaign in the
// browser; customers answer by their personal SMS link on a phone; a used or tampered link is
// refused; a low score opens a recovery order that staff can follow from the answer sheet.
// The development SMS driver only logs, so the test reads the sent links from the outbox table.
describe.skipIf(!hasChromium())('satisfaction surveys in Chromium', () => {
  const journey = useJourney();
  const TEMPLATE = '冬季保养服务满意度调查表';

  const readDb = <T>(fn: (db: SQLite.Database) => T): T => {
    const db = new SQLite(path.join(journey.server.dataDir, 'shouhoutong.sqlite'), { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    const manager = await apiLogin(journey.server.baseUrl, 'wangjianguo', DEMO_PASSWORD);
    const created = await manager.send('POST', '/api/v1/survey-templates', {
      name: TEMPLATE, audience: 'customer', description: '感谢您对我们服务的支持,请根据实际感受评价。',
      questions: [
        { id: 'ontime', kind: 'rating', text: '服务人员是否准时到达', scale: 5, dimension: 'reliability' },
        { id: 'attitude', kind: 'rating', text: '服务人员的态度', scale: 5, dimension: 'empathy' },
        { id: 'nps', kind: 'nps', text: '您向朋友推荐我们的可能性' },
        { id: 'fixed', kind: 'single', text: '故障是否彻底排除', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
        { id: 'advice', kind: 'text', text: '意见和建议', required: false },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Two more finished orders, so the campaign has several customers to ask.
    const agent = await apiLogin(journey.server.baseUrl, 'lixiuying', DEMO_PASSWORD);
    const customers = readDb((db) => db.prepare('select id from customers where is_active = 1 order by name limit 2').all() as { id: string }[]);
    for (const c of customers) {
      const order = await agent.send('POST', '/api/v1/work-orders', { type: 'consultation', customerId: c.id, title: '保养咨询', description: '询问保养周期', callerName: '机主', callerPhone: '13962130001' });
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      let version = Number(order.body.version);
      for (const body of [{ action: 'accept' }, { action: 'resolve', diagnosis: { symptom: '咨询', cause: '不了解保养要求', action: '告知保养周期' } }]) {
        const res = await agent.send('POST', `/api/v1/work-orders/${String(order.body.id)}/transitions`, { version, ...body });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        version = Number(res.body.version);
      }
    }
  });

  const sentLinks = () => readDb((db) =>
    (db.prepare("select body from notification_outbox where body like '%/s/%' order by created_at").all() as { body: string }[])
      .map((r) => /\/s\/([A-Za-z0-9_.-]+)/.exec(r.body)?.[1] ?? ''));

  const answer = async (page: Page, picks: Record<string, string | number>) => {
    for (const [q, v] of Object.entries(picks)) await page.locator(`label:has([data-testid="survey-q-${q}-${v}"])`).click();
  };
  // The print dialog is counted, not shown.
  const countPrints = (page: Page) => page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  it('a manager launches a campaign; customers answer on a phone; used and tampered links are refused; a low score opens a recovery order', async () => {
    // 1. The HQ manager creates the campaign and launches it.
    const desk = await journey.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await countPrints(desk);
    await journey.login(desk, 'wangjianguo');
    // The analysis before any answer of this campaign (the demo history is in it already).
    const responsesFigure = async () => {
      const text = await desk.getByTestId('analysis-responses').locator('.ant-statistic-content-value').innerText();
      return Number(text.replace(/[^0-9]/g, ''));
    };
    await desk.goto(`${journey.server.baseUrl}/survey-analysis`);
    await expect.poll(responsesFigure, { timeout: 10_000 }).toBeGreaterThan(0);
    const responsesBefore = await responsesFigure();
    await desk.getByTestId('nav-surveys').click();
    await desk.waitForURL(/\/surveys$/);
    await desk.getByTestId('survey-campaign-create').click();
    await desk.getByTestId('survey-campaign-name').fill('2026 年 11 月服务满意度回访');
    await desk.getByTestId('survey-campaign-template').click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TEMPLATE }).first().click();
    await desk.getByTestId('survey-campaign-seed').fill('20261124');
    await desk.getByTestId('survey-campaign-save').click();
    await desk.waitForURL(/\/surveys\/campaigns\/[0-9a-f-]{36}$/);
    await expect.poll(() => desk.getByTestId('survey-campaign-status').innerText()).toBe('草稿');
    await desk.getByTestId('survey-campaign-launch').click();
    await desk.getByTestId('survey-campaign-launch-ok').click();
    await expect.poll(() => desk.getByTestId('survey-campaign-status').innerText()).toBe('进行中');
    const links = sentLinks();
    expect(links.length).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await desk.getByTestId('survey-invitations-table').locator('tbody tr.ant-table-row').count())).toBe(links.length);

    // 2. A customer answers through the link on a phone and is thanked.
    const phone = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const url = (token: string) => `${journey.server.baseUrl}/s/${token}`;
    await phone.goto(url(links[0] ?? ''));
    await phone.getByTestId('survey-submit').waitFor();
    await expect(phone.locator('body').innerText()).resolves.toContain(TEMPLATE);
    await noSideScroll(phone);
    // A missing required answer is pointed out before anything is sent.
    await answer(phone, { ontime: 5, attitude: 5 });
    await phone.getByTestId('survey-submit').click();
    await phone.getByTestId('public-survey-form-error').waitFor();
    await answer(phone, { nps: 9, fixed: 'yes' });
    await phone.getByTestId('survey-q-advice-text').fill('师傅很专业');
    await noSideScroll(phone);
    await phone.getByTestId('survey-submit').click();
    await phone.getByTestId('public-survey-thanks').waitFor();

    // 3. The same link again: refused as already answered. A tampered one: refused as invalid.
    await phone.goto(url(links[0] ?? ''));
    await expect.poll(() => phone.getByTestId('public-survey-error').getAttribute('data-code')).toBe('SURVEY_TOKEN_USED');
    const token = links[1] ?? '';
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await phone.goto(url(tampered));
    await expect.poll(() => phone.getByTestId('public-survey-error').getAttribute('data-code')).toBe('SURVEY_TOKEN_INVALID');
    await expect(phone.locator('body').innerText()).resolves.toContain('调查链接无效');

    // 4. Another customer is unhappy: the answer opens a recovery order.
    await phone.goto(url(token));
    await phone.getByTestId('survey-submit').waitFor();
    await answer(phone, { ontime: 1, attitude: 2, nps: 1, fixed: 'no' });
    await phone.getByTestId('survey-comment').fill('师傅迟到两小时,问题也没修好');
    await phone.getByTestId('survey-submit').click();
    await phone.getByTestId('public-survey-thanks').waitFor();
    await phone.close();

    // 5. Staff see the response rate, the low answer and its recovery order.
    await desk.reload();
    await expect.poll(() => desk.getByTestId('survey-campaign-rate').innerText()).toContain(`${Math.round((2 / links.length) * 1000) / 10}%`);
    const low = readDb((db) => db.prepare('select id from survey_responses where score < 60 order by answered_at desc').get() as { id: string });
    await desk.getByTestId(`survey-response-link-${low.id}`).click();
    await desk.waitForURL(new RegExp(`/surveys/responses/${low.id}$`));
    await expect.poll(() => desk.getByTestId('survey-response-score').innerText()).toContain('非常不满意');
    // The filled 客户满意度调查表 prints the answers.
    await desk.getByTestId('survey-response-print').click();
    await expect.poll(() => desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await desk.emulateMedia({ media: 'print' });
    const filled = await desk.getByTestId('survey-print-filled').innerText();
    for (const expected of ['客户满意度调查表', TEMPLATE, '服务人员的态度', '☑2', '☑否', '师傅迟到两小时']) expect(filled).toContain(expected);
    await desk.emulateMedia({ media: 'screen' });
    await desk.getByTestId('survey-response-recovery').click();
    await desk.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => desk.locator('body').innerText()).toContain('服务补救');
    await expect(desk.locator('body').innerText()).resolves.toContain('师傅迟到两小时');

    // 6. Both answers are in the analysis.
    await desk.goto(`${journey.server.baseUrl}/survey-analysis`);
    await expect.poll(responsesFigure, { timeout: 10_000 }).toBe(responsesBefore + 2);
    await desk.close();
  });

  it('a manager writes a template in the editor and prints the blank form', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await countPrints(page);
    await journey.login(page, 'wangjianguo');
    await page.goto(`${journey.server.baseUrl}/surveys/templates`);
    await page.getByTestId('survey-template-create').click();
    await page.waitForURL(/\/surveys\/templates\/new$/);
    await page.getByTestId('survey-template-name').fill('网点服务季度调查表');
    await page.getByTestId('survey-question-0-text').fill('配件供应是否及时');
    await page.getByTestId('survey-question-add').click();
    await page.getByTestId('survey-question-1-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '推荐值 NPS' }).first().click();
    await page.getByTestId('survey-question-1-text').fill('您向同行推荐我们的可能性');
    await page.getByTestId('survey-template-save').click();
    await page.waitForURL(/\/surveys\/templates\/[0-9a-f-]{36}$/);
    await page.getByTestId('survey-template-print').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const blank = await page.getByTestId('survey-print-blank').innerText();
    for (const expected of ['客户满意度调查表', '网点服务季度调查表', '配件供应是否及时', '(1 分最低,5 分最高)', '☐10', '被调查人签字']) expect(blank).toContain(expected);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';

// Journey of a repair call: the hotline agent registers it while the caller is on the line and
// dispatches it to the outlet's technician; the technician works it from a phone (travel, check-in
// with position, on-site report); the agent confirms by phone and closes it, every SLA target met.
// Journeys span two users and a phone: they get more than the default 60 s on a busy machine.
describe.skipIf(!hasChromium())('service work orders in Chromium', () => {
  const journey = useJourney();
  const { login } = journey;

  const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
  const actionButtons = async (page: Page) =>
    (await page.getByTestId('wo-actions').locator('button').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))));

  async function runAction(page: Page, action: string, fill?: () => Promise<void>) {
    await page.getByTestId(`wo-action-${action}`).click();
    // The modal's root wrapper is not a box of its own: wait on its submit button.
    await page.getByTestId('wo-action-submit').waitFor();
    await fill?.();
    await page.getByTestId('wo-action-submit').click();
    await page.getByTestId('wo-action-submit').waitFor({ state: 'hidden' });
  }

  it('runs a repair from the hotline call to closing, with the technician on a phone', async () => {
    // ── The hotline agent takes the call ─────────────────────────────────────────────────────
    const agent = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await login(agent, 'lixiuying');
    await agent.getByTestId('nav-work-orders').click();
    await agent.getByTestId('work-orders-table').waitFor();
    await agent.getByTestId('work-order-create').click();
    await agent.getByTestId('work-order-new-page').waitFor();

    // The search box has the focus: the agent types the last digits the caller reads out.
    await agent.keyboard.type('130001');
    const option = agent
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ has: agent.getByTestId('intake-customer-option') })
      .first();
    await expect.poll(() => option.innerText().catch(() => ''), { timeout: 10_000 }).toContain('张三农业合作社');
    await agent.keyboard.press('Enter');
    await expect.poll(() => text(agent, 'intake-customer')).toContain('张三农业合作社');
    // The caller is the contact whose number was typed.
    await expect.poll(() => agent.getByTestId('intake-caller-phone').inputValue()).toBe('13962130001');
    expect(await agent.getByTestId('intake-caller-name').inputValue()).toBe('张三');

    // The customer's two units are listed; the broken one is picked.
    const unit = agent.getByTestId('intake-unit').filter({ hasText: '4LZ6-2024-00312' });
    await unit.waitFor();
    expect(await agent.getByTestId('intake-unit').count()).toBe(2);
    await unit.click();
    await agent.getByTestId('intake-description').fill('收割时割台不升降，液压油管有渗漏。');
    await agent.getByTestId('intake-title').fill('割台无法升降');
    await agent.getByTestId('intake-title').press('Enter');

    await agent.getByTestId('work-order-page').waitFor();
    expect(agent.url()).toMatch(/\/work-orders\/[0-9a-f-]{36}$/);
    const orderUrl = agent.url();
    const number = await text(agent, 'work-order-number');
    expect(number).toMatch(/^WO\d{8}\d{4}$/);
    expect(await text(agent, 'work-order-status')).toBe('新建');
    const info = await text(agent, 'wo-info');
    expect(info).toContain('张三农业合作社');
    expect(info).toContain('4LZ6-2024-00312');
    expect(info).toContain('苏州吴中农机特约维修站'); // the unit's servicing outlet is responsible
    expect(info).toContain('13962130001');

    // Only what the agent may do now: no field steps, no resolving or closing a new order.
    const offered = await actionButtons(agent);
    expect(offered).toEqual(expect.arrayContaining(['wo-action-accept', 'wo-action-dispatch', 'wo-action-cancel']));
    for (const illegal of ['wo-action-close', 'wo-action-resolve', 'wo-action-confirm', 'wo-action-start_travel', 'wo-action-arrive']) {
      expect(offered).not.toContain(illegal);
    }

    // Dispatch to 黄磊 of the outlet.
    await runAction(agent, 'dispatch', async () => {
      // Typing filters the technicians; the choice must show in the box before submitting.
      const select = agent.getByTestId('wo-dispatch-technician');
      await select.click();
      await agent.keyboard.type('黄磊');
      await agent.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '黄磊' }).first().click();
      await expect.poll(() => select.innerText()).toContain('黄磊 · 苏州吴中农机特约维修站');
    });
    await expect.poll(() => text(agent, 'work-order-status')).toBe('已派工');
    expect(await text(agent, 'wo-assignee')).toBe('黄磊');

    // The list finds it by the caller's phone, with its SLA badge.
    await agent.goto(`${journey.server.baseUrl}/work-orders?status=open&q=13962130001`);
    const row = agent.getByTestId('work-orders-table').locator('tbody tr[data-row-key]').filter({ hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain('已派工');
    expect(await row.getByTestId('work-order-due').innerText()).toContain('到场');

    // ── The technician on the phone ──────────────────────────────────────────────────────────
    const phoneContext = await journey.browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
      geolocation: { latitude: 31.2405, longitude: 120.4218, accuracy: 25 }, permissions: ['geolocation'],
    });
    const phone = await phoneContext.newPage();
    await login(phone, 'huanglei');
    await phone.goto(`${journey.server.baseUrl}/my-jobs`);
    const card = phone.locator(`[data-testid="job-card"][data-number="${number}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain('割台无法升降');
    expect(await card.getByTestId('job-navigate').getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/search\?keyword=/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Dispatched: travel or check in; resolving needs the visit first.
    expect(await card.getByTestId('job-resolve').count()).toBe(0);

    await card.getByTestId('job-start_travel').click();
    await expect.poll(() => card.getByTestId('work-order-status').innerText()).toBe('在途');
    await card.getByTestId('job-arrive').click();
    await expect.poll(() => card.getByTestId('work-order-status').innerText()).toBe('已到场');
    await card.getByTestId('job-resolve').click();
    await phone.getByTestId('wo-action-submit').waitFor();
    await phone.getByTestId('wo-resolve-symptom').fill('割台升降无动作');
    await phone.getByTestId('wo-resolve-cause').fill('液压油管接头 O 形圈老化渗漏，系统压力不足');
    await phone.getByTestId('wo-resolve-action').fill('更换 O 形圈并补充液压油，试车正常');
    await phone.getByTestId('wo-action-submit').click();
    // Resolved jobs leave the open list.
    await card.waitFor({ state: 'detached' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The order page fits the phone too.
    await phone.goto(orderUrl);
    await phone.getByTestId('wo-diagnosis').waitFor();
    expect(await text(phone, 'wo-diagnosis')).toContain('液压油管接头 O 形圈老化渗漏');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phoneContext.close();

    // ── The agent calls back, confirms and closes ────────────────────────────────────────────
    await agent.goto(orderUrl);
    await expect.poll(() => text(agent, 'work-order-status')).toBe('已解决');

    // The service report: a wear part is always charged; the server prices the sheet.
    await agent.getByTestId('wo-report-edit').click();
    await agent.getByTestId('wo-report-submit').waitFor();
    await agent.getByTestId('wo-report-add-part').click();
    await agent.getByTestId('wo-report-part').click();
    await agent.keyboard.type('三角带');
    await agent.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '脱粒三角带' }).first().click();
    await agent.getByTestId('wo-report-hours').fill('1.5');
    await agent.getByTestId('wo-report-liability').getByText('质量缺陷').click();
    // The customer signs on the screen; the drawing is uploaded as the order's signature image.
    const pad = agent.getByTestId('wo-signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not laid out');
    await agent.mouse.move(box.x + 20, box.y + box.height * 0.7);
    await agent.mouse.down();
    for (const [fx, fy] of [[0.2, 0.3], [0.35, 0.75], [0.5, 0.25], [0.7, 0.7], [0.85, 0.35]] as const) {
      await agent.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 5 });
    }
    await agent.mouse.up();
    await agent.getByTestId('wo-signature-save').click();
    await agent.getByTestId('wo-signature-image').waitFor();
    await agent.getByTestId('wo-report-submit').click();
    await agent.getByTestId('wo-report-submit').waitFor({ state: 'hidden' });
    const charges = agent.getByTestId('wo-report-charges');
    await expect.poll(() => charges.innerText().catch(() => '')).toContain('脱粒三角带');
    const partLine = await charges.locator('tr').filter({ hasText: '脱粒三角带' }).innerText();
    expect(partLine).toContain('¥98.00');
    expect(partLine).toContain('易损件');
    expect(await charges.innerText()).toContain('工时费');
    expect(await text(agent, 'wo-report-totals')).toContain('应收');
    // The printed 服务报告单 carries the drawn signature.
    await agent.evaluate(() => { window.print = () => undefined; });
    await agent.getByTestId('wo-print-report-button').click();
    const signature = agent.getByTestId('wo-print-report').locator('img.sht-print-sheet__signature');
    await signature.waitFor({ state: 'attached' });
    await expect.poll(() => signature.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(600);
    await runAction(agent, 'confirm', async () => {
      await agent.getByTestId('wo-confirm-method').getByText('电话确认').click();
    });
    await expect.poll(() => text(agent, 'work-order-status')).toBe('已确认');
    await runAction(agent, 'close');
    await expect.poll(() => text(agent, 'work-order-status')).toBe('已关闭');
    expect(await actionButtons(agent)).toEqual(['wo-action-reopen']);

    // The full timeline, in order, with who did each step.
    const events = agent.getByTestId('wo-event');
    await expect.poll(() => events.count()).toBe(7);
    const actions = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['create', 'dispatch', 'start_travel', 'arrive', 'resolve', 'confirm', 'close']);
    const timeline = await text(agent, 'wo-timeline');
    for (const s of ['登记', '派给 黄磊', '出发', '到场签到', '完工', '客户确认', '确认方式：电话确认', '关闭', '李秀英', '黄磊']) {
      expect(timeline).toContain(s);
    }
    expect(timeline).toContain('位置 31.24050, 120.42180');
    expect(timeline).toContain('更换 O 形圈并补充液压油，试车正常');

    // Every SLA target was met.
    const sla = await text(agent, 'wo-sla');
    for (const kind of ['response', 'arrival', 'resolution']) {
      expect(await agent.getByTestId(`wo-sla-${kind}`).getAttribute('data-state')).toBe('met');
    }
    expect(sla.match(/已达成/g)?.length).toBe(3);
    for (const s of ['响应', '到场', '解决']) expect(sla).toContain(s);
    expect(sla).not.toContain('已超时');
    // The evidence of each target: the clock's steps in business minutes, on the outlet's calendar.
    await agent.getByTestId('wo-sla-evidence-button').click();
    const evidence = agent.getByTestId('wo-sla-evidence-arrival');
    await evidence.waitFor();
    const evidenceText = await evidence.innerText();
    for (const s of ['到场', '已达成', '开始', '达成', 'Asia/Shanghai']) expect(evidenceText).toContain(s);
    await agent.keyboard.press('Escape');
    // The unit's service history lists the order.
    await expect.poll(() => text(agent, 'record-work-orders')).toContain(number);
    await agent.close();
  }, 150_000);
  it('registers a service-quality complaint, routes it by rule, records the answer and prints the notice', async () => {
    const agent = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    // The print dialog is counted, not shown.
    await agent.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed += 1; };
    });
    await login(agent, 'lixiuying');
    await agent.goto(`${journey.server.baseUrl}/work-orders/new`);
    await agent.getByTestId('work-order-new-page').waitFor();
    await agent.getByTestId('intake-customer-search').locator('input').fill('zsny');
    const option = agent
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ has: agent.getByTestId('intake-customer-option') })
      .first();
    await expect.poll(() => option.innerText().catch(() => ''), { timeout: 10_000 }).toContain('张三农业合作社');
    await option.click();
    // A name search cannot tell which contact calls: the primary contact is assumed.
    await expect.poll(() => agent.getByTestId('intake-caller-name').inputValue()).toBe('张三');

    await agent.getByTestId('intake-type').getByText('投诉').click();
    await agent.getByTestId('intake-complaint-category').getByText('服务质量').click();
    await agent.getByTestId('intake-title').fill('维修人员未按约定时间到场');
    await agent.getByTestId('intake-description').fill('约定上午九点到场，下午三点才到，也未提前电话告知。');
    await agent.getByTestId('intake-description').press('Control+Enter');

    await agent.getByTestId('work-order-page').waitFor();
    const complaint = agent.getByTestId('wo-complaint');
    await expect.poll(() => complaint.innerText()).toContain('服务质量');
    expect(await complaint.innerText()).toContain('责任部门尚未答复');

    await agent.getByTestId('wo-complaint-respond').click();
    await agent.getByTestId('wo-complaint-explanation').fill('前一单故障复杂，耽误了时间，调度未及时通知客户。');
    await agent.getByTestId('wo-complaint-apology').fill('已致电张三先生当面致歉。');
    await agent.getByTestId('wo-complaint-improvement').fill('改期时由调度在一小时内通知客户。');
    await agent.getByTestId('wo-complaint-submit').click();
    await expect.poll(() => complaint.innerText()).toContain('改期时由调度在一小时内通知客户。');
    expect(await complaint.innerText()).toContain('李秀英 于');
    // 张三农业合作社 is tagged 大客户: the seeded rule sent the complaint to the service department.
    expect(await complaint.innerText()).toContain('大客户投诉 → 客户服务部');
    expect(await text(agent, 'wo-org')).toBe('江淮重工机械股份有限公司 客户服务部');

    // The printable 客户投诉处理通知单: hidden on screen, the only thing on paper.
    const number = await text(agent, 'work-order-number');
    await agent.getByTestId('wo-print-notice-button').click();
    await expect.poll(() => agent.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const sheet = agent.getByTestId('wo-print-notice');
    expect(await sheet.isVisible()).toBe(false);
    await agent.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await agent.getByTestId('work-order-page').isVisible()).toBe(false);
    const paper = await sheet.innerText();
    for (const expected of ['客户投诉处理通知单', number, '张三农业合作社', '服务质量', '维修人员未按约定时间到场', '江淮重工机械股份有限公司 客户服务部', '大客户投诉 → 客户服务部', '受理人：李秀英']) {
      expect(paper).toContain(expected);
    }
    await agent.emulateMedia({ media: 'screen' });
    // The handling report prints the answer of the department at fault.
    await agent.getByTestId('wo-print-report-button').click();
    await agent.emulateMedia({ media: 'print' });
    const report = await agent.getByTestId('wo-print-report').innerText();
    expect(report).toContain('客户投诉处理情况表');
    expect(report).toContain('改期时由调度在一小时内通知客户。');
    await agent.close();
  }, 150_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import SQLite from 'better-sqlite3';
import { apiLogin, hasChromium, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

// Journey of the customer portal on a phone: a customer logs in with phone + SMS code, finds the
// order the technician resolved, confirms it (the staff side then sees it confirmed), and reports
// a new problem.
// The development SMS driver only logs; PORTAL_OTP_LOG_FILE (refused in production) also writes
// each login code to a file, which is how this test reads the code.
describe.skipIf(!hasChromium())('customer portal in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const codeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sht-portal-')), 'otp.jsonl');
  let orderId = '';
  let orderNumber = '';

  beforeAll(async () => {
    process.env.PORTAL_OTP_LOG_FILE = codeFile;
    try {
      server = await startServer();
    } finally {
      delete process.env.PORTAL_OTP_LOG_FILE;
    }
    browser = await launchBrowser();
    const db = new SQLite(path.join(server.dataDir, 'shouhoutong.sqlite'), { readonly: true });
    const customerId = (db.prepare('select id from customers where name = ?').get('张三农业合作社') as { id: string }).id;
    const techId = (db.prepare('select id from users where username = ?').get('huanglei') as { id: string }).id;
    db.close();

    // The staff side: the agent registers and dispatches, the technician arrives and resolves.
    const agent = await apiLogin(server.baseUrl, 'lixiuying', DEMO_PASSWORD);
    const tech = await apiLogin(server.baseUrl, 'huanglei', DEMO_PASSWORD);
    const created = await agent.send('POST', '/api/v1/work-orders', { type: 'repair', customerId, title: '收割机割台不转', description: '割台传动异响后停转' });
    expect(created.status).toBe(201);
    orderId = String(created.body.id);
    orderNumber = String(created.body.number);
    let version = Number(created.body.version);
    for (const [client, body] of [
      [agent, { action: 'dispatch', assigneeId: techId, note: '内部:就近派工' }],
      [tech, { action: 'arrive' }],
      [tech, { action: 'resolve', diagnosis: { symptom: '割台不转', cause: '三角带断裂', action: '更换三角带' } }],
    ] as const) {
      const res = await client.send('POST', `/api/v1/work-orders/${orderId}/transitions`, { version, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      version = Number(res.body.version);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(path.dirname(codeFile), { recursive: true, force: true });
  });

  const lastCode = (phone: string) => {
    const lines = fs.existsSync(codeFile) ? fs.readFileSync(codeFile, 'utf8').trim().split('\n') : [];
    const entries = lines.filter(Boolean).map((l) => JSON.parse(l) as { to: string; code: string });
    return entries.filter((e) => e.to === phone).at(-1)?.code;
  };

  it('a customer logs in with an SMS code, confirms the resolved order, staff see it confirmed, and reports a new problem', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await page.goto(`${server.baseUrl}/portal`);
    await page.waitForURL(/\/portal\/login$/);

    await page.getByTestId('portal-phone').fill('139 6213 0001');
    await page.getByTestId('portal-send-code').click();
    await page.getByTestId('portal-code-sent').waitFor();
    await expect.poll(() => lastCode('13962130001')).toMatch(/^\d{6}$/);
    await expect(page.getByTestId('portal-send-code').isDisabled()).resolves.toBe(true); // resend cool-down

    // A wrong code is refused with the server's message; the right one logs in.
    const code = lastCode('13962130001') ?? '';
    await page.getByTestId('portal-code').fill(code === '000000' ? '000001' : '000000');
    await page.getByTestId('portal-login-submit').click();
    await expect.poll(() => page.getByTestId('portal-login-error').textContent()).toContain('验证码错误或已过期');
    await page.getByTestId('portal-code').fill(code);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/portal$/);
    await expect(page.getByTestId('portal-customer').textContent()).resolves.toBe('张三农业合作社');

    const card = page.locator(`[data-testid="portal-order"][data-number="${orderNumber}"]`);
    await expect(card.innerText()).resolves.toContain('已解决');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await card.click();
    await page.waitForURL(new RegExp(`/portal/orders/${orderId}$`));
    await expect(page.getByTestId('portal-order-status').getAttribute('data-status')).resolves.toBe('resolved');
    await expect(page.locator('body').innerText()).resolves.not.toContain('就近派工'); // staff notes stay internal
    await page.getByTestId('portal-satisfied-yes').click();
    await page.getByTestId('portal-confirm-note').fill('师傅很专业,已恢复作业');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('portal-confirm-submit').click();
    await expect.poll(() => page.getByTestId('portal-order-status').getAttribute('data-status')).toBe('confirmed');
    await expect(page.getByTestId('portal-confirm').count()).resolves.toBe(0);
    const confirmEvent = page.locator('[data-testid="portal-event"][data-action="confirm"]');
    await expect(confirmEvent.innerText()).resolves.toContain('师傅很专业');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The staff API sees the confirmation, made in the portal.
    const agent = await apiLogin(server.baseUrl, 'lixiuying', DEMO_PASSWORD);
    expect((await agent.get(`/api/v1/work-orders/${orderId}`)).body.status).toBe('confirmed');
    const events = (await agent.get(`/api/v1/work-orders/${orderId}/events`)).body.items as { action: string; data: Record<string, unknown> | null }[];
    expect(events.at(-1)).toMatchObject({ action: 'confirm', data: { method: 'portal', satisfied: true } });

    // 网上报修: a new problem, which lands with the service point as a portal order.
    await page.getByTestId('portal-back').click();
    await page.getByTestId('portal-report-open').click();
    await page.waitForURL(/\/portal\/new$/);
    await page.getByTestId('portal-report-title').fill('拖拉机发动机冒黑烟');
    await page.getByTestId('portal-report-description').fill('耕地作业时冒黑烟,动力不足');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('portal-report-submit').click();
    await page.waitForURL(/\/portal\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('portal-order-status').getAttribute('data-status')).toBe('new');
    const reportedId = page.url().split('/').at(-1) ?? '';
    expect((await agent.get(`/api/v1/work-orders/${reportedId}`)).body).toMatchObject({ channel: 'portal', status: 'new', title: '拖拉机发动机冒黑烟' });

    // 网上投诉: a complaint needs its category, then goes where the complaint rules send it.
    await page.getByTestId('portal-back').click();
    await page.getByTestId('portal-report-open').click();
    await page.waitForURL(/\/portal\/new$/);
    await page.getByTestId('portal-report-type').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '投诉' }).first().click();
    await page.getByTestId('portal-report-title').fill('师傅上门迟到');
    await page.getByTestId('portal-report-description').fill('约好上午九点,下午三点才到');
    await page.getByTestId('portal-report-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').innerText().catch(() => ''), { timeout: 10_000 }).not.toBe('');
    await page.getByTestId('portal-report-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '服务质量' }).first().click();
    await page.getByTestId('portal-report-submit').click();
    await page.waitForURL(/\/portal\/orders\/[0-9a-f-]{36}$/);
    const complaintId = page.url().split('/').at(-1) ?? '';
    expect((await agent.get(`/api/v1/work-orders/${complaintId}`)).body).toMatchObject({
      type: 'complaint', channel: 'portal', complaint: { category: 'service_quality', routedBy: expect.objectContaining({ name: expect.any(String) }) },
    });

    // The portal login is no staff login: the staff app still asks for one.
    await page.goto(`${server.baseUrl}/customers`);
    await page.waitForURL(/\/login$/);
    await page.goto(`${server.baseUrl}/portal`);
    await page.getByTestId('portal-logout').click();
    await page.waitForURL(/\/portal\/login$/);
    await page.close();
  });
});

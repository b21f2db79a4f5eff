import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, hasChromium, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

// Journey of the platform issue: admin builds a region, an outlet and an outlet user in the UI;
// that user sees only their outlet, in the UI and through the API.
describe.skipIf(!hasChromium())('platform journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(page: Page, username: string, password: string) {
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('#login_username').fill(username);
    await page.locator('#login_password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  // antd renders dropdowns in a portal and animates them closed: pick from the open one, then wait it out.
  // antd renders dropdowns in a portal and re-renders them when a background refetch lands, which
  // can swallow a click: pick, check the field shows the choice, and try again if it does not.
  async function pickFromDropdown(page: Page, fieldId: string, optionSelector: string, text: string) {
    const container = page.locator(`.ant-select:has(${fieldId})`);
    for (let attempt = 1; ; attempt++) {
      await page.locator(fieldId).click();
      await page.locator('.ant-select-dropdown:visible').locator(optionSelector, { hasText: text }).first().click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 2000 }).toBe(0).catch(() => page.keyboard.press('Escape'));
      if ((await container.innerText()).includes(text)) return;
      if (attempt === 3) throw new Error(`could not pick ${text} in ${fieldId}`);
    }
  }
  // The form fills its defaults in an effect after opening; wait for them before typing.
  async function openOrgForm(page: Page) {
    await page.getByTestId('org-create').click();
    await expect.poll(() => page.locator('.ant-select:has(#org-form_kind)').innerText()).toContain('服务网点');
  }
  const pickTreeNode = (page: Page, fieldId: string, title: string) =>
    pickFromDropdown(page, fieldId, '.ant-select-tree-node-content-wrapper', title);
  const pickOption = (page: Page, fieldId: string, label: string) => pickFromDropdown(page, fieldId, '.ant-select-item-option', label);

  it('admin creates a region, an outlet and an outlet user; that user is confined to the outlet', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const admin = await apiLogin(server.baseUrl, 'admin', DEMO_PASSWORD);
    await login(page, 'admin', DEMO_PASSWORD);
    await expect.poll(() => page.getByTestId('header-user-name').textContent()).toBe('系统管理员');

    // Region under HQ.
    await page.getByTestId('nav-orgs').click();
    await openOrgForm(page);
    await pickOption(page, '#org-form_kind', '地区服务中心');
    await pickTreeNode(page, '#org-form_parentId', '江淮重工');
    await page.locator('#org-form_code').fill('R-SOUTH');
    await page.locator('#org-form_name').fill('华南服务中心');
    await page.locator('#org-form_city').fill('广州市');
    await page.locator('[data-testid=org-form-modal] .ant-btn-primary').click();
    await page.getByTestId('org-form-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('org-tree-node-R-SOUTH').waitFor();
    await expect.poll(async () => (await admin.get('/api/v1/orgs?q=R-SOUTH')).body.items).toEqual([expect.objectContaining({ kind: 'region', name: '华南服务中心' })]);

    // Outlet under the new region.
    await openOrgForm(page);
    await pickTreeNode(page, '#org-form_parentId', '华南服务中心');
    await page.locator('#org-form_code').fill('O-GZPY');
    await page.locator('#org-form_name').fill('广州番禺特约维修站');
    await page.locator('#org-form_contactPhone').fill('13922001234');
    await page.locator('[data-testid=org-form-modal] .ant-btn-primary').click();
    await page.getByTestId('org-form-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('org-tree-node-O-GZPY').waitFor();
    await expect.poll(async () => (await admin.get('/api/v1/orgs?q=O-GZPY')).body.items).toEqual([expect.objectContaining({ kind: 'outlet', depth: 2 })]);

    // An outlet manager in it.
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await page.locator('#user-form_username').fill('liangwei');
    await page.locator('#user-form_name').fill('梁伟');
    await page.locator('#user-form_phone').fill('13922005678');
    await pickTreeNode(page, '#user-form_orgId', '广州番禺特约维修站');
    await page.locator('#user-form_roles').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '网点负责人' }).click();
    await page.locator('[data-testid=user-form-modal] .ant-modal-title').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.locator('#user-form_password').fill('Start2026gz');
    await page.locator('[data-testid=user-form-modal] .ant-btn-primary').click();
    await page.getByTestId('user-form-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('users-search').locator('input').fill('liangwei');
    await page.getByTestId('users-search').locator('button').last().click();
    await expect.poll(() => page.locator('[data-testid=users-table] tbody tr[data-row-key]').allInnerTexts()).toEqual([expect.stringContaining('梁伟')]);
    await page.getByTestId('logout').click();
    await page.locator('#login_username').waitFor();

    // The new user logs in, must set a password, then sees only the outlet.
    await login(page, 'liangwei', 'Start2026gz');
    await page.getByTestId('forced-password-page').waitFor();
    await page.locator('#change-password_currentPassword').fill('Start2026gz');
    await page.locator('#change-password_newPassword').fill('Mine2026gz');
    await page.locator('#change-password_confirmPassword').fill('Mine2026gz');
    await page.getByTestId('change-password-submit').click();
    await expect.poll(() => page.getByTestId('header-org-name').textContent()).toContain('广州番禺特约维修站');
    await expect(page.getByTestId('nav-audit').count()).resolves.toBe(0);

    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-tree-node-O-GZPY').waitFor();
    expect(await page.locator('[data-testid^=org-tree-node-]').count()).toBe(1);
    expect(await page.locator('[data-testid=orgs-table] tbody tr[data-row-key]').count()).toBe(1);

    await page.getByTestId('nav-users').click();
    await expect.poll(() => page.locator('[data-testid=users-table] tbody tr[data-row-key]').count()).toBe(1);
    const seen = await page.locator('[data-testid=users-table] tbody').innerText();
    expect(seen).toContain('梁伟');
    expect(seen).not.toContain('黄磊');

    // Opening another outlet's records by id, through the browser session and the API.
    const others = await admin.get('/api/v1/users?q=huanglei');
    const otherUserId = (others.body.items as { id: string }[])[0]?.id;
    const otherOrgs = await admin.get('/api/v1/orgs?q=O-SZWZ');
    const otherOrgId = (otherOrgs.body.items as { id: string }[])[0]?.id;
    expect(otherUserId && otherOrgId).toBeTruthy();
    const viaBrowser = await page.evaluate(async (ids) => {
      const u = await fetch(`/api/v1/users/${ids.user}`);
      const o = await fetch(`/api/v1/orgs/${ids.org}`);
      return [u.status, o.status];
    }, { user: otherUserId, org: otherOrgId });
    expect(viaBrowser).toEqual([404, 404]);
    const mgr = await apiLogin(server.baseUrl, 'liangwei', 'Mine2026gz');
    expect((await mgr.get(`/api/v1/users/${otherUserId}`)).status).toBe(404);
    // Writing: the role may manage users, but not another outlet's; it may not edit orgs at all.
    expect((await mgr.send('POST', `/api/v1/users/${otherUserId}/disable`)).status).toBe(404);
    expect((await mgr.send('PATCH', `/api/v1/orgs/${otherOrgId}`, { name: '越权改名', version: 1 })).status).toBe(403);
    expect((await admin.get(`/api/v1/users/${otherUserId}`)).body.isActive).toBe(true);
    const list = await mgr.get('/api/v1/users?pageSize=200');
    expect((list.body.items as { username: string }[]).map((u) => u.username)).toEqual(['liangwei']);
    await page.close();
  });

  it('works on a phone-sized screen with the menu in a drawer, in English on request', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await login(page, 'huanglei', DEMO_PASSWORD);
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-drawer').getByTestId('nav-account').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('change-password-submit').innerText()).toMatch(/password/i);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });
});

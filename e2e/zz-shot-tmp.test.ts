import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { it } from 'vitest';
import SQLite from 'better-sqlite3';
import { launchBrowser } from '/work/main/e2e/support/browser.js';
import { DEMO_PASSWORD, startServer } from '/work/main/e2e/support/server.js';

it('shots', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const db = new SQLite(path.join(server.dataDir, 'shouhoutong.sqlite'));
    const user = db.prepare('select id from users where username = ?').get('huanglei') as { id: string };
    const insert = db.prepare('insert into notifications (id, user_id, kind, title, body, link, entity_type, entity_id, created_at, read_at) values (?, ?, ?, ?, ?, ?, null, null, ?, ?)');
    insert.run(randomUUID(), user.id, 'sla_warning', '到场时限即将到期', 'WO-20261123-0001 溧阳市天目湖茶叶专业合作社 挖掘机无法启动,到场时限剩余 30 分钟', null, '2026-11-23T01:00:00.000Z', null);
    insert.run(randomUUID(), user.id, 'assignment', '新工单已派给您', '挖掘机无法启动', '/account', '2026-11-23T02:00:00.000Z', '2026-11-23T02:10:00.000Z');
    insert.run(randomUUID(), user.id, 'escalation', '工单已升级', '客户第二次来电', null, '2026-11-23T03:00:00.000Z', null);
    db.close();
    for (const [w, h, name] of [[1280, 800, 'desk'], [390, 844, 'phone']] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: h }, locale: 'zh-CN' });
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('#login_username').fill('huanglei');
      await page.locator('#login_password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/dashboard$/);
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('inbox-table').locator('tbody tr[data-row-key]').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/inbox-${name}.png` });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}, 120_000);

import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import SQLite from 'better-sqlite3';
import { hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';

// Journey of the inbox: a technician sees the unread count on the bell, opens the inbox, follows
// a notification to its page (which marks it read), and clears the rest — on a phone-sized screen.
describe.skipIf(!hasChromium())('notification inbox in Chromium', () => {
  const journey = useJourney();
  const { login } = journey;
  beforeAll(() => {
    // Other modules raise notifications inside their own transactions; here they are written
    // straight into the running server's SQLite file (WAL lets both write).
    const db = new SQLite(path.join(journey.server.dataDir, 'shouhoutong.sqlite'));
    db.pragma('busy_timeout = 5000');
    const user = db.prepare('select id from users where username = ?').get('huanglei') as { id: string };
    // The demo work orders left notifications for him; this journey counts only its own.
    db.prepare('delete from notification_outbox where notification_id in (select id from notifications where user_id = ?)').run(user.id);
    db.prepare('delete from notifications where user_id = ?').run(user.id);
    const insert = db.prepare(
      'insert into notifications (id, user_id, kind, title, body, link, entity_type, entity_id, created_at, read_at) values (?, ?, ?, ?, ?, ?, null, null, ?, null)',
    );
    insert.run(randomUUID(), user.id, 'sla_warning', '到场时限即将到期', 'WO-0001 剩余 30 分钟', null, '2026-11-23T01:00:00.000Z');
    insert.run(randomUUID(), user.id, 'assignment', '新工单已派给您', '挖掘机无法启动', '/account', '2026-11-23T02:00:00.000Z');
    insert.run(randomUUID(), user.id, 'escalation', '工单已升级', '客户第二次来电', null, '2026-11-23T03:00:00.000Z');
    db.close();
  });

  const unread = (page: Page) => page.getByTestId('notification-unread-count').getAttribute('data-count');

  it('a technician reads and clears the inbox from the bell', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await login(page, 'huanglei');
    await expect.poll(() => unread(page)).toBe('3');

    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/\/inbox$/);
    const rows = page.getByTestId('inbox-table').locator('tbody tr[data-row-key]');
    await expect.poll(() => rows.count()).toBe(3);
    await expect(rows.first().innerText()).resolves.toContain('工单已升级'); // newest first

    // The unread filter, then following the one with a link.
    await page.getByTestId('inbox-filter-unread').getByText('未读').click();
    await page.getByText('新工单已派给您').click();
    await page.waitForURL(/\/account$/);
    await expect.poll(() => unread(page)).toBe('2');

    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/\/inbox$/);
    await expect.poll(() => rows.count()).toBe(3);
    // The list may show its cached page first; the refetch brings the read state.
    await expect.poll(() => rows.nth(1).innerText()).toContain('已读');

    await page.getByTestId('inbox-mark-all-read').click();
    await page.getByText('已将 2 条消息标为已读').waitFor();
    await expect.poll(() => unread(page)).toBe('0');
    await page.getByTestId('inbox-filter-unread').getByText('未读').click();
    await expect.poll(() => rows.count()).toBe(0);
    await expect(page.getByTestId('inbox-table').innerText()).resolves.toContain('暂无消息');
  });
});

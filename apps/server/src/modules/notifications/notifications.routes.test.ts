import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '@sht/domain';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import type { ServiceContext } from '../../context.js';
import { notify, notifyCustomer } from './notifications.service.js';

type PageJson = { items: Notification[]; total: number; page: number; pageSize: number };

describe.each(testDialects())('notifications on %s', (dialect) => {
  let t: TestApp;
  let tech: Session; // 黄磊, technician
  let other: Session; // 林峰, technician in the same outlet
  let techId: string;
  let otherId: string;
  const at = new Date('2026-11-23T02:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tech = await t.login('huanglei');
    other = await t.login('linfeng');
    techId = tech.userId;
    otherId = other.userId;
    await t.handle.db.updateTable('users').set({ email: 'huanglei@example.com' }).where('id', '=', techId).execute();
    // The demo work orders left notifications behind; this file counts only its own.
    await t.handle.db.deleteFrom('notification_outbox').execute();
    await t.handle.db.deleteFrom('notifications').execute();
  });
  afterAll(async () => t.close());

  const outboxFor = (ids: string[]) =>
    ids.length === 0 ? Promise.resolve([]) : t.handle.db.selectFrom('notification_outbox').selectAll().where('id', 'in', ids).orderBy('channel').execute();

  it('notify writes one inbox row per recipient and outbox rows per address on record and kind', async () => {
    const res = await t.handle.db.transaction().execute((trx) =>
      notify(trx, at, {
        userIds: [techId, otherId, techId], kind: 'assignment', title: '新工单 WO-20261123-0001 已派给您',
        body: '溧阳市天目湖茶叶专业合作社 · 挖掘机无法启动', link: '/work-orders/0b5a2f1e-0000-4000-8000-000000000001',
        entity: { type: 'work_order', id: '0b5a2f1e-0000-4000-8000-000000000001' },
      }),
    );
    expect(res.notificationIds).toHaveLength(2);
    const inbox = await t.handle.db.selectFrom('notifications').selectAll().where('id', 'in', res.notificationIds).execute();
    expect(inbox.map((n) => n.user_id).sort()).toEqual([techId, otherId].sort());
    expect(inbox[0]).toMatchObject({ kind: 'assignment', entity_type: 'work_order', read_at: null, created_at: at.toISOString() });

    // 黄磊 has an e-mail and a mobile; 林峰 only a mobile.
    const rows = await outboxFor(res.outboxIds);
    expect(rows.map((r) => [r.channel, r.to_address]).sort()).toEqual([
      ['email', 'huanglei@example.com'], ['sms', '13962110001'], ['sms', '13962110002'],
    ]);
    const email = rows.find((r) => r.channel === 'email');
    expect(email).toMatchObject({ subject: '新工单 WO-20261123-0001 已派给您', status: 'pending', attempts: 0, link: '/work-orders/0b5a2f1e-0000-4000-8000-000000000001' });
    expect(rows.find((r) => r.to_address === '13962110001')?.body).toBe('【售后通】新工单 WO-20261123-0001 已派给您:溧阳市天目湖茶叶专业合作社 · 挖掘机无法启动');
  });

  it('follows the kind: a warning is e-mail only, a status update stays in the inbox', async () => {
    const warn = await notify(t.handle.db, new Date(at.getTime() + 60_000), { userIds: [techId], kind: 'sla_warning', title: '即将超时', body: '到场时限剩余 30 分钟' });
    expect((await outboxFor(warn.outboxIds)).map((r) => r.channel)).toEqual(['email']);
    const update = await notify(t.handle.db, new Date(at.getTime() + 120_000), { userIds: [techId], kind: 'status_update', title: '工单已完工', body: '' });
    expect(update.notificationIds).toHaveLength(1);
    expect(update.outboxIds).toEqual([]);
  });

  it('skips the acting user and sends nothing outside the app to a disabled account', async () => {
    const ctx = { actor: { userId: techId }, now: at, requestId: 'r', ip: null } as unknown as ServiceContext; // only the fields notify reads
    const self = await notify(t.handle.db, ctx, { userIds: [techId], kind: 'assignment', title: '我派给自己', body: '' });
    expect(self.notificationIds).toEqual([]);
    await t.handle.db.updateTable('users').set({ is_active: 0 }).where('username', '=', 'hejun').execute();
    const disabled = await notify(t.handle.db, ctx, { userIds: [await t.userId('hejun')], kind: 'escalation', title: '升级', body: '' });
    expect(disabled.notificationIds).toHaveLength(1);
    expect(disabled.outboxIds).toEqual([]);
  });

  it('writes nothing when the surrounding transaction rolls back, and refuses a link to another site', async () => {
    const count = async () => Number((await t.handle.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await expect(t.handle.db.transaction().execute(async (trx) => {
      await notify(trx, at, { userIds: [techId], kind: 'escalation', title: '升级', body: '' });
      throw new Error('the work-order change failed');
    })).rejects.toThrow('the work-order change failed');
    await expect(notify(t.handle.db, at, { userIds: [techId], kind: 'assignment', title: 'x', body: '', link: 'https://evil.example/' })).rejects.toThrow(/app path/);
    expect(await count()).toBe(before);
  });

  it('notifyCustomer texts a mobile number, e-mails when given, and skips a landline', async () => {
    const res = await notifyCustomer(t.handle.db, at, { phone: '+86 137-7519-0001', email: 'jiang@example.com', subject: '维修进度', text: '您的挖掘机已修复,请验收。' });
    const rows = await outboxFor(res.outboxIds);
    expect(rows.map((r) => [r.channel, r.to_address, r.body])).toEqual([
      ['email', 'jiang@example.com', '您的挖掘机已修复,请验收。'],
      ['sms', '13775190001', '【售后通】您的挖掘机已修复,请验收。'],
    ]);
    expect((await notifyCustomer(t.handle.db, at, { phone: '0519-87261234', text: '已派工' })).outboxIds).toEqual([]);
  });

  it('lists only the caller’s own notifications, newest first, with unread filter and count', async () => {
    await notify(t.handle.db, new Date('2026-11-23T03:00:00.000Z'), { userIds: [otherId], kind: 'sla_breach', title: '林峰的超时', body: '' });
    const mine = (await t.call(tech, 'GET', '/api/v1/notifications')).json<PageJson>();
    expect(mine.items.every((n) => n.title !== '林峰的超时')).toBe(true);
    expect(mine.items.map((n) => n.title)).toEqual(['工单已完工', '即将超时', '新工单 WO-20261123-0001 已派给您']);
    expect(mine.total).toBe(3);
    const theirs = (await t.call(other, 'GET', '/api/v1/notifications?unread=true&kind=sla_breach')).json<PageJson>();
    expect(theirs.items.map((n) => n.title)).toEqual(['林峰的超时']);
    expect((await t.call(tech, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 3 });
    expect((await t.call(tech, 'GET', '/api/v1/notifications?q=超时')).json<PageJson>().items.map((n) => n.title)).toEqual(['即将超时']);
    expect((await t.call(tech, 'GET', '/api/v1/notifications?q=100%25')).json<PageJson>().total).toBe(0);
    expect((await t.call(tech, 'GET', '/api/v1/notifications?pageSize=2&page=2')).json<PageJson>()).toMatchObject({ total: 3, page: 2, items: [{ title: '新工单 WO-20261123-0001 已派给您' }] });
  });

  it('marks one read, then all read; another user gets 404 and changes nothing', async () => {
    const [first] = (await t.call(tech, 'GET', '/api/v1/notifications?unread=true')).json<PageJson>().items;
    if (!first) throw new Error('expected an unread notification');
    const intruder = await t.call(other, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(intruder.statusCode).toBe(404);
    expect(intruder.json()).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
    expect((await t.call(tech, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 3 });

    const read = await t.call(tech, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Notification>().readAt).not.toBeNull();
    const again = await t.call(tech, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(again.json<Notification>().readAt).toBe(read.json<Notification>().readAt); // idempotent: the first read time stays
    expect((await t.call(tech, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
    expect((await t.call(tech, 'GET', '/api/v1/notifications?unread=false')).json<PageJson>().items.map((n) => n.id)).toEqual([first.id]);

    expect((await t.call(other, 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 2 }); // 林峰's own: assignment + breach
    expect((await t.call(tech, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
    expect((await t.call(tech, 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await t.call(tech, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it('refuses anonymous callers, writes without CSRF, bad ids and bad filters', async () => {
    expect((await t.call(null, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
    expect((await t.call(null, 'GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
    expect((await t.call(tech, 'POST', '/api/v1/notifications/read-all', undefined, { 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await t.call(tech, 'POST', '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await t.call(tech, 'POST', '/api/v1/notifications/0b5a2f1e-0000-4000-8000-00000000dead/read')).statusCode).toBe(404);
    expect((await t.call(tech, 'GET', '/api/v1/notifications?unread=maybe')).statusCode).toBe(400);
    expect((await t.call(tech, 'GET', '/api/v1/notifications?kind=spam')).statusCode).toBe(400);
  });
});

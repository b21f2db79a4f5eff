import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '@sht/domain';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

describe.each(testDialects())('dashboard summary on %s', (dialect) => {
  let t: TestApp;
  const sessions = new Map<string, Promise<Session>>();
  const login = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, t.login(username));
    return sessions.get(username) as Promise<Session>;
  };
  const summary = async (username: string) => {
    const res = await t.call(await login(username), 'GET', '/api/v1/dashboard/summary');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DashboardSummary>();
  };
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('counts every order in scope once, by status, and moves when an order is registered', async () => {
    const before = await summary('admin');
    const rows = await t.handle.db.selectFrom('work_orders').select(['status']).execute();
    const wo = before.workOrders!;
    expect(wo.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(rows.length);
    const open = rows.filter((r) => !['resolved', 'confirmed', 'closed', 'cancelled'].includes(r.status)).length;
    expect(wo.open).toBe(open);
    expect(wo.atRisk + wo.breached).toBeLessThanOrEqual(wo.open);

    const agent = await login('lixiuying');
    const customerId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '张三农业合作社').executeTakeFirstOrThrow()).id;
    const created = await t.call(agent, 'POST', '/api/v1/work-orders', {
      type: 'consultation', customerId, title: '保养周期咨询', description: '询问一级保养周期', callerName: '张三', callerPhone: '13962130001',
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = (await summary('admin')).workOrders!;
    expect(after.open).toBe(wo.open + 1);
    expect(after.createdToday).toBe(wo.createdToday + 1);
    expect(after.unassigned).toBe(wo.unassigned + 1);
    expect(after.byStatus.find((s) => s.status === 'new')?.count).toBe((wo.byStatus.find((s) => s.status === 'new')?.count ?? 0) + 1);
  });

  it('keeps each caller to their subtree and shows only the blocks their roles may read', async () => {
    const all = await summary('admin');
    expect(all.callbacks).not.toBeNull();
    expect(all.satisfaction).not.toBeNull();
    expect(all.recovery).not.toBeNull();

    // An outlet manager: the outlet's orders only, callbacks yes (read), surveys read too.
    const outletPath = (await t.handle.db.selectFrom('orgs').select('path').where('code', '=', 'O-NJJN').executeTakeFirstOrThrow()).path;
    const outletOrders = await t.handle.db.selectFrom('work_orders').select('id').where('org_path', 'like', `${outletPath}%`).execute();
    const outlet = await summary('qianguoping');
    expect(outlet.workOrders!.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(outletOrders.length);
    expect(outletOrders.length).toBeLessThan(all.workOrders!.byStatus.reduce((sum, s) => sum + s.count, 0));

    // A technician reads orders but neither callbacks nor surveys.
    const tech = await summary('huanglei');
    expect(tech.workOrders).not.toBeNull();
    expect(tech.callbacks).toBeNull();
    expect(tech.recovery).toBeNull();
    expect(tech.satisfaction).toBeNull();
    // A hotline agent works callbacks but does not read survey results.
    const agent = await summary('lixiuying');
    expect(agent.callbacks).not.toBeNull();
    expect(agent.satisfaction).toBeNull();
  });

  it('counts pending and overdue callbacks as the queue does', async () => {
    const now = new Date().toISOString();
    const tasks = await t.handle.db.selectFrom('callback_tasks').select(['status', 'due_at']).execute();
    const { callbacks } = await summary('admin');
    expect(callbacks!.pending).toBe(tasks.filter((x) => x.status === 'pending').length);
    expect(callbacks!.overdue).toBe(tasks.filter((x) => x.status === 'pending' && new Date(x.due_at).toISOString() < now).length);
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/summary' });
    expect(res.statusCode).toBe(401);
  });
});

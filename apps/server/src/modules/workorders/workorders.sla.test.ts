import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { sweepSla } from './workorders.sla-sweep.js';
import { notifySlaAlerts } from './workorders.notify.js';

type Detail = { id: string; version: number; createdAt: string; sla: { kind: string; state: string; dueAt: string | null; isWarning: boolean }[] };

describe.each(testDialects())('SLA sweep and timeline on %s', (dialect) => {
  let t: TestApp;
  let agent: Session;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    agent = await t.login('lixiuying');
    customerId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '张三农业合作社').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  // Urgent orders run on the 7×24 calendar: respond 30 min, on site 4 h, fixed 8 h (seeded policy).
  const urgent = async () => {
    const res = await t.call(agent, 'POST', '/api/v1/work-orders', {
      type: 'repair', priority: 'urgent', customerId, title: '烘干机停机', description: '粮食烘干机突然停机,粮食在机内',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  };
  const at = (order: Detail, minutes: number) => new Date(Date.parse(order.createdAt) + minutes * 60_000);

  it('warns at 80 % and escalates on breach, each once, and stops checking a breached clock', async () => {
    const order = await urgent();
    expect(order.sla.find((s) => s.kind === 'response')?.dueAt).toBe(at(order, 30).toISOString());
    // Nothing is due a minute in.
    expect((await sweepSla(t.handle.db, at(order, 1))).alerts.filter((a) => a.orderId === order.id)).toEqual([]);
    const warned = await sweepSla(t.handle.db, at(order, 25));
    expect(warned.alerts.filter((a) => a.orderId === order.id).map((a) => [a.kind, a.alert, a.at])).toEqual([['response', 'warning', at(order, 24).toISOString()]]);
    expect((await sweepSla(t.handle.db, at(order, 26))).alerts.filter((a) => a.orderId === order.id)).toEqual([]);
    const breached = await sweepSla(t.handle.db, at(order, 31));
    expect(breached.alerts.filter((a) => a.orderId === order.id).map((a) => [a.kind, a.alert])).toEqual([['response', 'breach']]);
    const row = await t.handle.db.selectFrom('work_order_sla').selectAll().where('work_order_id', '=', order.id).where('kind', '=', 'response').executeTakeFirstOrThrow();
    expect(new Date(row.breached_at ?? '').toISOString()).toBe(at(order, 30).toISOString());
    expect(row.state).toBe('breached');
    // The next threshold is the arrival warning at 80 % of 4 h.
    const next = await t.handle.db.selectFrom('work_orders').select('next_sla_check_at').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(new Date(next.next_sla_check_at ?? '').toISOString()).toBe(at(order, 192).toISOString());
  });

  it('tells the outlet of a warning, and escalates a breach to the region manager', async () => {
    const order = await urgent();
    const inbox = async (username: string) => {
      const userId = await t.userId(username);
      return (await t.handle.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', userId).where('entity_id', '=', order.id).orderBy('created_at').execute())
        .map((n) => `${n.kind}:${n.title}`);
    };
    await sweepSla(t.handle.db, at(order, 25), 500, notifySlaAlerts);
    await sweepSla(t.handle.db, at(order, 31), 500, notifySlaAlerts);
    const number = (await t.handle.db.selectFrom('work_orders').select('number').where('id', '=', order.id).executeTakeFirstOrThrow()).number;
    expect(await inbox('wuhaitao')).toEqual([`assignment:新工单 ${number} 待苏州吴中农机特约维修站处理`, `sla_warning:工单 ${number} 响应即将超时`, `sla_breach:工单 ${number} 响应已超时`]);
    expect(await inbox('chenzhigang')).toEqual([`escalation:升级:工单 ${number} 响应已超时`]);
    expect(await inbox('zhengwei')).toEqual([]);
  });

  it('lets HQ set the promises; a change applies to new orders and never moves running deadlines', async () => {
    const admin = await t.login('admin');
    const bad = await t.call(admin, 'POST', '/api/v1/sla-policies', { name: '培训', type: 'training', priority: null, serviceLevel: null, responseMinutes: -5, arrivalMinutes: null, resolutionMinutes: 0 });
    expect(bad.statusCode).toBe(400);
    const policy = { name: '培训服务', type: 'training', priority: null, serviceLevel: null, responseMinutes: 60, arrivalMinutes: 2 * 24 * 60, resolutionMinutes: 5 * 24 * 60, allHours: true };
    expect((await t.call(agent, 'POST', '/api/v1/sla-policies', policy)).statusCode).toBe(403);
    const created = await t.call(admin, 'POST', '/api/v1/sla-policies', policy);
    expect(created.statusCode, created.body).toBe(201);
    const body = { type: 'training', customerId, title: '机手操作培训', description: '新机交付前的三懂四会培训' };
    const order = (await t.call(agent, 'POST', '/api/v1/work-orders', body)).json<Detail>();
    expect(order.sla.find((s) => s.kind === 'response')?.dueAt).toBe(at(order, 60).toISOString());
    const { id, version } = created.json<{ id: string; version: number }>();
    const edited = await t.call(admin, 'PATCH', `/api/v1/sla-policies/${id}`, { responseMinutes: 10, version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await t.call(admin, 'PATCH', `/api/v1/sla-policies/${id}`, { responseMinutes: 20, version })).statusCode).toBe(409);
    const again = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json<Detail>();
    expect(again.sla.find((s) => s.kind === 'response')?.dueAt).toBe(at(order, 60).toISOString());
    const next = (await t.call(agent, 'POST', '/api/v1/work-orders', body)).json<Detail>();
    expect(next.sla.find((s) => s.kind === 'response')?.dueAt).toBe(at(next, 10).toISOString());
  });

  it('does not warn about a clock that was stopped in time', async () => {
    const order = await urgent();
    const accepted = await t.call(agent, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { action: 'accept', version: order.version });
    expect(accepted.statusCode).toBe(200);
    const result = await sweepSla(t.handle.db, at(order, 60));
    expect(result.alerts.filter((a) => a.orderId === order.id && a.kind === 'response')).toEqual([]);
  });

  it('lets one sweeper claim an order: a second sweep at the same instant finds nothing to do', async () => {
    const order = await urgent();
    const [first, second] = await Promise.all([sweepSla(t.handle.db, at(order, 25)), sweepSla(t.handle.db, at(order, 25))]);
    const mine = [...first.alerts, ...second.alerts].filter((a) => a.orderId === order.id);
    expect(mine.map((a) => a.alert)).toEqual(['warning']);
  });

  it('shows the evidence: each target\'s clock timeline with pauses, business minutes and calendar', async () => {
    const order = await urgent();
    const tech = await t.login('huanglei');
    let o = (await t.call(agent, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { action: 'dispatch', assigneeId: await t.userId('huanglei'), version: 1 })).json<Detail>();
    o = (await t.call(tech, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { action: 'arrive', version: o.version })).json<Detail>();
    o = (await t.call(tech, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { action: 'wait_customer', reason: '机主外出,约定明早', version: o.version })).json<Detail>();
    const res = await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}/sla`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { kind: string; state: string; calendar: { kind: string }; timeline: { type: string; reason?: string }[] }[] }>().items;
    expect(items.map((i) => [i.kind, i.state])).toEqual([['response', 'met'], ['arrival', 'met'], ['resolution', 'paused']]);
    expect(items[2]?.calendar.kind).toBe('24x7');
    expect(items[2]?.timeline.map((e) => e.type)).toEqual(['start', 'pause', 'now']);
    expect(items[2]?.timeline[1]?.reason).toBe('waiting_customer');
    // A paused clock is not swept.
    const next = await t.handle.db.selectFrom('work_orders').select('next_sla_check_at').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(next.next_sla_check_at).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { confirmByCustomer } from '../workorders/workorders.service.js';
import { sweepOverdueCallbacks } from './callbacks.sweep.js';

type Order = { id: string; number: string; status: string; version: number; type: string; priority: string; serviceLevel: string; org: { id: string; name: string }; responseDueAt: string | null; complaint: { category: string } | null };
type Task = {
  id: string; kind: string; status: string; version: number; attempts: number; maxAttempts: number; nextAttemptAt: string | null; dueAt: string; isOverdue: boolean;
  score: number | null; isFalseCompletion: boolean; recoveryCaseId: string | null; workOrder: { id: string; number: string; status: string }; technician: { name: string } | null;
  assignee: { name: string } | null; script: string[]; history: { outcome: string }[];
};
type Case = { id: string; status: string; score: number; source: string; originalOrder: { id: string } | null; recoveryOrder: { id: string; number: string; status: string }; followUpTaskId: string | null; followUpScore: number | null };

const good = { timeliness: 5, attitude: 5, quality: 4, overall: 5 };
const poor = { timeliness: 2, attitude: 2, quality: 1, overall: 1 };
const answers = (over: Record<string, unknown> = {}) => ({ arrivedOnTime: true, charged: false, faultFixed: 'fixed', ratings: good, comment: '', ...over });

describe.each(testDialects())('callbacks and recovery on %s', (dialect) => {
  let t: TestApp;
  let agent: Session;
  let customerId: string;
  let unitId: string;
  const sessions = new Map<string, Promise<Session>>();
  const login = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, t.login(username));
    return sessions.get(username) as Promise<Session>;
  };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    agent = await login('lixiuying');
    customerId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '张三农业合作社').executeTakeFirstOrThrow()).id;
    unitId = (await t.handle.db.selectFrom('equipment_units').select('id').where('serial_no', '=', '4LZ6-2024-00312').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json: <J>() => J }>, status = 200): Promise<T> => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const step = (session: Session, order: Pick<Order, 'id' | 'version'>, body: Record<string, unknown>) =>
    ok<Order>(t.call(session, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { version: order.version, ...body }));
  const diagnosis = { symptom: '咨询', cause: '用户未读手册', action: '电话解答' };
  const consultation = (over: Record<string, unknown> = {}) => ok<Order>(t.call(agent, 'POST', '/api/v1/work-orders', {
    type: 'consultation', customerId, title: '保养周期咨询', description: '询问一级保养周期', callerName: '张三', callerPhone: '13962130001', ...over,
  }), 201);
  const resolvedConsultation = async (over: Record<string, unknown> = {}) => {
    let o = await consultation(over);
    o = await step(agent, o, { action: 'accept' });
    return step(agent, o, { action: 'resolve', diagnosis });
  };
  const confirmed = async (over: Record<string, unknown> = {}) => step(agent, await resolvedConsultation(over), { action: 'confirm', method: 'phone' });
  const confirmedRepair = async () => {
    const tech = await login('huanglei');
    let o = await ok<Order>(t.call(agent, 'POST', '/api/v1/work-orders', {
      type: 'repair', customerId, equipmentId: unitId, title: '割台不转', description: '割台传动异响后停转', callerName: '张三', callerPhone: '13962130001',
    }), 201);
    o = await step(agent, o, { action: 'accept' });
    o = await step(agent, o, { action: 'dispatch', assigneeId: await t.userId('huanglei') });
    o = await step(tech, o, { action: 'start_travel' });
    o = await step(tech, o, { action: 'arrive' });
    o = await step(tech, o, { action: 'resolve', diagnosis: { symptom: '割台不转', cause: '三角带断裂', action: '更换三角带' } });
    return step(tech, o, { action: 'confirm', method: 'signature' });
  };
  const tasksOf = (orderId: string) => t.handle.db.selectFrom('callback_tasks').selectAll().where('work_order_id', '=', orderId).orderBy('created_at').execute();
  const taskOf = async (orderId: string) => {
    const rows = await tasksOf(orderId);
    expect(rows).toHaveLength(1);
    return ok<Task>(t.call(agent, 'GET', `/api/v1/callbacks/${rows[0]?.id}`));
  };
  const outcome = (task: Pick<Task, 'id' | 'version'>, body: Record<string, unknown>, session = agent) =>
    t.call(session, 'POST', `/api/v1/callbacks/${task.id}/outcome`, { version: task.version, ...body });
  const count = async (table: 'callback_tasks' | 'callback_attempts' | 'recovery_cases' | 'work_orders' | 'audit_log' | 'work_order_events') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({
    tasks: await count('callback_tasks'), attempts: await count('callback_attempts'), cases: await count('recovery_cases'),
    orders: await count('work_orders'), audit: await count('audit_log'), events: await count('work_order_events'),
  });
  const setPolicy = async (level: string, over: Record<string, unknown>) => {
    const hq = await login('wangjianguo');
    const current = (await ok<{ items: { serviceLevel: string; version: number; share: number; delayMinutes: number; retryMinutes: number[]; lowScoreThreshold: number }[] }>(
      t.call(hq, 'GET', '/api/v1/callbacks/policies'))).items.find((p) => p.serviceLevel === level);
    if (!current) throw new Error(`no policy ${level}`);
    const { serviceLevel: _, ...body } = { ...current, ...over };
    return ok<{ share: number; version: number }>(t.call(hq, 'PUT', `/api/v1/callbacks/policies/${level}`, body));
  };

  it('creates a callback in the confirm transaction, due after the delay, with the script and order summary', async () => {
    const before = Date.now();
    const order = await confirmed();
    expect(order.status).toBe('confirmed');
    const task = await taskOf(order.id);
    expect(task).toMatchObject({ kind: 'order', status: 'pending', attempts: 0, maxAttempts: 3, isOverdue: false, workOrder: { number: order.number, status: 'confirmed' } });
    const due = Date.parse(task.dueAt) - 24 * 3600_000;
    expect(due).toBeGreaterThanOrEqual(before - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 1000);
    expect(task.script[0]).toContain(order.number);
    const queue = await ok<{ items: Task[]; total: number }>(t.call(agent, 'GET', `/api/v1/callbacks?status=pending&callable=true&q=${order.number}`));
    expect(queue.items.map((i) => i.id)).toEqual([task.id]);
  });

  it('samples exactly the configured share of each service level, and none at share 0', async () => {
    await setPolicy('C', { share: 0.5 });
    const orders = [];
    for (let i = 0; i < 10; i++) orders.push(await confirmed({ serviceLevel: 'C' }));
    const taken = (await Promise.all(orders.map((o) => tasksOf(o.id)))).filter((rows) => rows.length === 1);
    expect(taken).toHaveLength(5); // floor((k+10)/2) − floor(k/2) = 5 whatever the counter stood at
    await setPolicy('C', { share: 0 });
    const before = await count('callback_tasks');
    for (let i = 0; i < 3; i++) await confirmed({ serviceLevel: 'C' });
    expect(await count('callback_tasks')).toBe(before);
  });

  it('creates the callback when the customer confirms in the portal too', async () => {
    const order = await resolvedConsultation();
    await confirmByCustomer(t.handle.db, { actor: null, requestId: 'test', ip: null, now: new Date() }, { customerId, name: '张三' }, order.id, { version: order.version });
    expect(await tasksOf(order.id)).toHaveLength(1);
  });

  it('retries a call not reached on the schedule, then gives up; a closed task takes no more outcomes', async () => {
    let task = await taskOf((await confirmed()).id);
    const t0 = Date.now();
    task = await ok<Task>(outcome(task, { outcome: 'not_reached', note: '无人接听' }));
    expect(task).toMatchObject({ status: 'pending', attempts: 1, assignee: { name: '李秀英' } });
    expect(Math.abs(Date.parse(task.nextAttemptAt ?? '') - t0 - 120 * 60_000)).toBeLessThan(5000);
    // Not callable until the retry time.
    const callable = await ok<{ items: Task[] }>(t.call(agent, 'GET', `/api/v1/callbacks?callable=true&q=${task.workOrder.number}`));
    expect(callable.items).toEqual([]);
    task = await ok<Task>(outcome(task, { outcome: 'not_reached' }));
    expect(Math.abs(Date.parse(task.nextAttemptAt ?? '') - Date.now() - 1440 * 60_000)).toBeLessThan(5000);
    task = await ok<Task>(outcome(task, { outcome: 'not_reached' }));
    expect(task).toMatchObject({ status: 'unreachable', attempts: 3, nextAttemptAt: null });
    expect(task.history.map((h) => h.outcome)).toEqual(['not_reached', 'not_reached', 'not_reached']);
    const again = await outcome(task, { outcome: 'refused' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CALLBACK_CLOSED' });

    const refused = await ok<Task>(outcome(await taskOf((await confirmed()).id), { outcome: 'refused', note: '客户不愿回访' }));
    expect(refused).toMatchObject({ status: 'refused', attempts: 1 });
    const wrong = await ok<Task>(outcome(await taskOf((await confirmed()).id), { outcome: 'wrong_number' }));
    expect(wrong.status).toBe('wrong_number');
  });

  it('records a reached callback with its score and leaves a happy customer alone', async () => {
    const before = await count('recovery_cases');
    const task = await ok<Task>(outcome(await taskOf((await confirmed()).id), { outcome: 'reached', answers: answers({ charged: true, chargedFen: 5000 }) }));
    expect(task).toMatchObject({ status: 'completed', score: 93.8, isFalseCompletion: false, recoveryCaseId: null });
    expect(await count('recovery_cases')).toBe(before);
  });

  it('refuses bad answers clearly and stores nothing', async () => {
    const task = await taskOf((await confirmed()).id);
    const before = await counts();
    for (const body of [
      { outcome: 'reached' },
      { outcome: 'reached', answers: answers({ ratings: { ...good, overall: 6 } }) },
      { outcome: 'reached', answers: answers({ ratings: { ...good, quality: 0 } }) },
      { outcome: 'reached', answers: answers({ charged: true }) },
      { outcome: 'hung_up' },
    ]) {
      const res = await outcome(task, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const stale = await outcome({ ...task, version: task.version + 5 }, { outcome: 'refused' });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect(await ok<Task>(t.call(agent, 'GET', `/api/v1/callbacks/${task.id}`))).toMatchObject({ status: 'pending', attempts: 0, version: task.version });
  });

  it('reopens and flags the order on 虚假完工, in the same transaction; the re-done order is called again', async () => {
    const order = await confirmedRepair();
    const task = await taskOf(order.id);
    expect(task.technician?.name).toBe('黄磊');
    const done = await ok<Task>(outcome(task, { outcome: 'reached', answers: answers({ faultFixed: 'not_done', ratings: { timeliness: 4, attitude: 4, quality: 3, overall: 3 } }) }));
    expect(done).toMatchObject({ status: 'completed', isFalseCompletion: true });
    const reopened = await ok<Order & { reopenCount: number; isRepeat: boolean }>(t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`));
    expect(reopened).toMatchObject({ status: 'accepted', reopenCount: 1, isRepeat: true });
    const events = (await ok<{ items: { action: string; note: string | null; data: Record<string, unknown> | null }[] }>(t.call(agent, 'GET', `/api/v1/work-orders/${order.id}/events`))).items;
    expect(events.at(-1)).toMatchObject({ action: 'reopen', note: expect.stringContaining('虚假完工'), data: { falseCompletion: true, callbackId: task.id, faultFixed: 'not_done' } });
    // Back through the work and confirmed again: always called back, whatever the sampler says.
    const tech = await login('huanglei');
    let o = await step(agent, reopened, { action: 'dispatch', assigneeId: await t.userId('huanglei') });
    o = await step(tech, o, { action: 'start_travel' });
    o = await step(tech, o, { action: 'arrive' });
    o = await step(tech, o, { action: 'resolve', diagnosis: { symptom: '割台不转', cause: '三角带未更换', action: '实际更换三角带' } });
    await step(tech, o, { action: 'confirm', method: 'signature' });
    expect((await tasksOf(order.id)).map((r) => r.status)).toEqual(['completed', 'pending']);
  });

  it('opens a recovery order with its own SLA on a low score; the follow-up callback measures success', async () => {
    const order = await confirmed();
    const task = await ok<Task>(outcome(await taskOf(order.id), { outcome: 'reached', answers: answers({ arrivedOnTime: false, ratings: poor, comment: '等了两天才来' }) }));
    expect(task.score).toBe(12.5);
    expect(task.recoveryCaseId).not.toBeNull();
    const rc = await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${task.recoveryCaseId}`));
    expect(rc).toMatchObject({ status: 'open', source: 'callback', score: 12.5, originalOrder: { id: order.id }, recoveryOrder: { status: 'new' } });
    let recoveryOrder = await ok<Order>(t.call(agent, 'GET', `/api/v1/work-orders/${rc.recoveryOrder.id}`));
    // 投诉处理 promise: respond in 30 min; resolution in 3 days.
    expect(recoveryOrder).toMatchObject({ type: 'complaint', priority: 'high', complaint: { category: 'service_quality' }, org: { id: order.org.id } });
    expect(recoveryOrder.responseDueAt).not.toBeNull();
    const sla = await t.handle.db.selectFrom('work_order_sla').select(['kind', 'target_minutes']).where('work_order_id', '=', recoveryOrder.id).orderBy('kind').execute();
    expect(sla).toEqual([{ kind: 'resolution', target_minutes: 3 * 24 * 60 }, { kind: 'response', target_minutes: 30 }]);
    const page = await ok<{ items: Case[] }>(t.call(agent, 'GET', '/api/v1/recovery-cases?status=open'));
    expect(page.items.map((c) => c.id)).toContain(rc.id);

    // The recovery order is worked and confirmed: a follow-up callback (kind recovery) appears.
    recoveryOrder = await step(agent, recoveryOrder, { action: 'accept' });
    recoveryOrder = await ok<Order>(t.call(agent, 'POST', `/api/v1/work-orders/${recoveryOrder.id}/complaint-response`, {
      version: recoveryOrder.version, explanation: '工程师排班冲突', apology: '向客户致歉', improvement: '增加农忙值班',
    }));
    recoveryOrder = await step(agent, recoveryOrder, { action: 'resolve', diagnosis: { symptom: '客户不满', cause: '上门迟到', action: '致歉并回访' } });
    await step(agent, recoveryOrder, { action: 'confirm', method: 'phone' });
    const followUp = await taskOf(recoveryOrder.id);
    expect(followUp.kind).toBe('recovery');
    expect(await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${rc.id}`))).toMatchObject({ status: 'follow_up', followUpTaskId: followUp.id });
    const before = await count('recovery_cases');
    await ok<Task>(outcome(followUp, { outcome: 'reached', answers: answers() }));
    expect(await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${rc.id}`))).toMatchObject({ status: 'succeeded', followUpScore: 93.8 });
    expect(await count('recovery_cases')).toBe(before);
  });

  // A low callback, its recovery order worked to confirmation: the follow-up task and the case.
  const followUpOfNewCase = async () => {
    const first = await ok<Task>(outcome(await taskOf((await confirmed()).id), { outcome: 'reached', answers: answers({ ratings: poor }) }));
    const rc = await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${first.recoveryCaseId}`));
    let ro = await ok<Order>(t.call(agent, 'GET', `/api/v1/work-orders/${rc.recoveryOrder.id}`));
    ro = await step(agent, ro, { action: 'accept' });
    ro = await ok<Order>(t.call(agent, 'POST', `/api/v1/work-orders/${ro.id}/complaint-response`, { version: ro.version, explanation: '说明', apology: '致歉', improvement: '改进' }));
    ro = await step(agent, ro, { action: 'resolve', diagnosis: { symptom: '不满', cause: '迟到', action: '致歉' } });
    await step(agent, ro, { action: 'confirm', method: 'phone' });
    return { rc, followUp: await taskOf(ro.id) };
  };

  it('marks a recovery failed when the follow-up is low again, without opening another case', async () => {
    const { rc, followUp } = await followUpOfNewCase();
    const before = await count('recovery_cases');
    await ok<Task>(outcome(followUp, { outcome: 'reached', answers: answers({ ratings: poor }) }));
    expect(await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${rc.id}`))).toMatchObject({ status: 'failed', followUpScore: 12.5 });
    expect(await count('recovery_cases')).toBe(before);
  });

  it('marks a recovery failed when the fault is still there despite good scores, or the customer refuses', async () => {
    const notFixed = await followUpOfNewCase();
    await ok<Task>(outcome(notFixed.followUp, { outcome: 'reached', answers: answers({ faultFixed: 'not_fixed' }) }));
    expect(await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${notFixed.rc.id}`))).toMatchObject({ status: 'failed', followUpScore: 93.8 });
    expect((await ok<Order>(t.call(agent, 'GET', `/api/v1/work-orders/${notFixed.rc.recoveryOrder.id}`))).status).toBe('accepted');
    const refused = await followUpOfNewCase();
    await ok<Task>(outcome(refused.followUp, { outcome: 'refused' }));
    expect(await ok<Case>(t.call(agent, 'GET', `/api/v1/recovery-cases/${refused.rc.id}`))).toMatchObject({ status: 'failed', followUpScore: null });
  });

  it('reports callback rate, timeliness, technician and outlet scores and recovery success', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const stats = await ok<{
      byOrg: { org: { name: string }; required: number; done: number; onTime: number; rate: number | null; timeliness: number | null }[];
      technicians: { name: string; count: number; meanScore: number | null; falseCompletions: number }[];
      outlets: { name: string; count: number }[];
      recovery: { opened: number; succeeded: number; failed: number; successRate: number | null };
    }>(t.call(agent, 'GET', `/api/v1/callbacks/stats?from=${today}&to=${today}`));
    const start = new Date(`${today}T00:00:00+08:00`).getTime();
    const created = (await t.handle.db.selectFrom('callback_tasks').select(['status', 'created_at']).where('kind', '=', 'order').execute())
      .filter((r) => Date.parse(r.created_at) >= start);
    const sum = (k: 'required' | 'done' | 'onTime') => stats.byOrg.reduce((s, r) => s + r[k], 0);
    // Seeded orders confirmed days ago fall outside today: the happy, 虚假完工 and four low-score callbacks are done.
    expect(sum('required')).toBe(created.length);
    expect(sum('done')).toBe(6);
    expect(sum('onTime')).toBe(6); // all done well before the one-day deadline
    for (const r of stats.byOrg) expect(r.rate).toBe(r.required > 0 ? Math.round((r.done / r.required) * 1000) / 1000 : null);
    expect(stats.technicians.find((r) => r.name === '黄磊')).toMatchObject({ count: 1, meanScore: 62.5, falseCompletions: 1 });
    expect(stats.recovery).toMatchObject({ opened: 4, succeeded: 1, failed: 3, successRate: 0.25 });
    expect((await t.call(agent, 'GET', `/api/v1/callbacks/stats?from=${today}&to=2020-01-01`)).statusCode).toBe(400);
  });

  it('scopes tasks by org subtree and guards writes by permission', async () => {
    const task = await taskOf((await confirmed()).id); // an order of an east-region outlet or HQ's customer
    const row = await t.handle.db.selectFrom('callback_tasks').select('org_path').where('id', '=', task.id).executeTakeFirstOrThrow();
    const north = await login('liuyang');
    const northPath = (await t.handle.db.selectFrom('orgs').select('path').where('code', '=', 'R-NORTH').executeTakeFirstOrThrow()).path;
    expect(row.org_path.startsWith(northPath)).toBe(false);
    expect((await t.call(north, 'GET', `/api/v1/callbacks/${task.id}`)).statusCode).toBe(404);
    const northList = await ok<{ items: Task[] }>(t.call(north, 'GET', '/api/v1/callbacks?pageSize=200'));
    expect(northList.items.map((i) => i.id)).not.toContain(task.id);
    const quality = await login('sunliping');
    expect((await t.call(quality, 'GET', `/api/v1/callbacks/${task.id}`)).statusCode).toBe(200);
    expect((await outcome(task, { outcome: 'refused' }, quality)).statusCode).toBe(403);
    expect((await t.call(await login('huanglei'), 'GET', '/api/v1/callbacks')).statusCode).toBe(403);
    expect((await t.call(agent, 'PUT', '/api/v1/callbacks/policies/A', { share: 1, delayMinutes: 60, retryMinutes: [], lowScoreThreshold: 50, version: 1 })).statusCode).toBe(403);
    expect((await t.call(agent, 'PUT', '/api/v1/recovery-cases/settings', { threshold: 70 })).statusCode).toBe(403);
    // Claiming: the first agent holds it; another agent cannot take it over.
    const claimed = await ok<Task>(t.call(agent, 'POST', `/api/v1/callbacks/${task.id}/claim`, { version: task.version }));
    expect(claimed.assignee?.name).toBe('李秀英');
    const other = await t.call(await login('zhangli'), 'POST', `/api/v1/callbacks/${task.id}/claim`, { version: claimed.version });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'CALLBACK_CLAIMED' });
    const mine = await ok<{ items: Task[] }>(t.call(agent, 'GET', '/api/v1/callbacks?assignee=me&status=pending'));
    expect(mine.items.map((i) => i.id)).toContain(task.id);
    // The org filter takes a whole subtree: the region of the task's outlet lists it, another region does not.
    const regionOf = async (code: string) => t.call(agent, 'GET', `/api/v1/callbacks?pageSize=200&orgId=${await t.orgId(code)}`);
    const inSubtree = row.org_path.startsWith((await t.handle.db.selectFrom('orgs').select('path').where('code', '=', 'R-EAST').executeTakeFirstOrThrow()).path);
    expect((await ok<{ items: Task[] }>(regionOf('R-EAST'))).items.some((i) => i.id === task.id)).toBe(inSubtree);
    expect((await ok<{ items: Task[] }>(regionOf('R-NORTH'))).items.some((i) => i.id === task.id)).toBe(false);
    expect((await ok<{ items: Task[] }>(regionOf('HQ'))).items.some((i) => i.id === task.id)).toBe(true);
  });

  it('lets HQ change the policy and the recovery threshold, audited; bad values are refused', async () => {
    const hq = await login('wangjianguo');
    const updated = await setPolicy('B', { share: 0.25, retryMinutes: [60] });
    expect(updated.share).toBe(0.25);
    const bad = await t.call(hq, 'PUT', '/api/v1/callbacks/policies/B', { share: 2, delayMinutes: 60, retryMinutes: [60], lowScoreThreshold: 60, version: updated.version });
    expect(bad.statusCode).toBe(400);
    expect((await t.call(hq, 'PUT', '/api/v1/callbacks/policies/D', { share: 1, delayMinutes: 60, retryMinutes: [60], lowScoreThreshold: 60, version: 1 })).statusCode).toBe(400);
    expect(await ok(t.call(hq, 'PUT', '/api/v1/recovery-cases/settings', { threshold: 70 }))).toEqual({ threshold: 70 });
    expect(await ok(t.call(agent, 'GET', '/api/v1/recovery-cases/settings'))).toEqual({ threshold: 70 });
    const doc = await ok<{ paths: Record<string, unknown> }>(t.call(null, 'GET', '/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/callbacks/{id}/outcome', '/api/v1/recovery-cases/', '/api/v1/callbacks/stats']));
    const audit = await t.handle.db.selectFrom('audit_log').select('entity_type').where('entity_type', 'in', ['callback_policy', 'recovery_settings']).execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
  it('tells the agents about overdue callbacks once, one notice per agent', async () => {
    const order = await confirmed();
    const task = await taskOf(order.id);
    const later = new Date(Date.parse(task.dueAt) + 60_000);
    const notices = async (username: string) => t.handle.db.selectFrom('notifications').select('title')
      .where('user_id', '=', await t.userId(username)).where('link', '=', '/callbacks?view=overdue').execute();
    const before = (await notices('zhangli')).length;
    const first = await sweepOverdueCallbacks(t.handle.db, later);
    expect(first.tasks).toBeGreaterThanOrEqual(1);
    // Both HQ agents hear of the unclaimed task; the sweep after that reports nothing new.
    const after = await notices('zhangli');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.title).toMatch(/^\d+ 条回访已超过回访时限$/);
    expect((await notices('lixiuying')).length).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdueCallbacks(t.handle.db, later)).toEqual({ tasks: 0, agents: 0 });
    const overdue = await ok<{ items: Task[] }>(t.call(agent, 'GET', `/api/v1/callbacks?overdue=true&q=${order.number}`));
    expect(overdue.items).toEqual([]); // not yet overdue by the real clock
  });
});

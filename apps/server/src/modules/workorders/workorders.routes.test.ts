import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { multipart, pdf, png } from '../../test/test-files.js';

type Detail = {
  id: string; number: string; status: string; version: number; type: string; serviceLevel: string; isRepeat: boolean; repeatOfId: string | null;
  org: { id: string; name: string }; assignee: { id: string; name: string } | null; equipment: { serialNo: string } | null;
  allowedActions: string[]; sla: { kind: string; cycle: number; state: string; dueAt: string | null; targetMinutes: number }[];
  diagnosis: { cause: string } | null; responseDueAt: string | null;
};

describe.each(testDialects())('work orders on %s', (dialect) => {
  let t: TestApp;
  let agent: Session;
  let customerId: string;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    agent = await t.login('lixiuying');
    customerId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '张三农业合作社').executeTakeFirstOrThrow()).id;
    unitId = (await t.handle.db.selectFrom('equipment_units').select('id').where('serial_no', '=', '4LZ6-2024-00312').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());
  // One session per user for the whole file: logins are rate-limited per address.
  const sessions = new Map<string, Promise<Session>>();
  const login = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, t.login(username));
    return sessions.get(username) as Promise<Session>;
  };

  const newRepair = (over: Record<string, unknown> = {}) => ({
    type: 'repair', priority: 'normal', channel: 'hotline', customerId, equipmentId: unitId, title: '收割机割台不转',
    description: '机主来电:割台传动异响后停转,正值麦收', callerName: '张三', callerPhone: '13962130001', ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await t.call(agent, 'POST', '/api/v1/work-orders', newRepair(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  };
  const step = (session: Session, order: Pick<Detail, 'id' | 'version'>, body: Record<string, unknown>) =>
    t.call(session, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { version: order.version, ...body });
  // A detail without what moves with the clock between two requests (elapsed / remaining minutes).
  const atRest = (d: { sla: Record<string, unknown>[] }) => ({ ...d, sla: d.sla.map(({ elapsedMinutes: _e, remainingMinutes: _r, ...rest }) => rest) });
  const counts = async () => {
    const n = async (table: 'work_orders' | 'work_order_events' | 'audit_log') =>
      Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { orders: await n('work_orders'), events: await n('work_order_events'), audit: await n('audit_log') };
  };

  it('registers a repair from a call: numbered, owned by the unit outlet, with SLA targets from the policy', async () => {
    const order = await create();
    expect(order.number).toMatch(/^WO\d{8}\d{4}$/);
    expect(order).toMatchObject({ status: 'new', version: 1, serviceLevel: 'A', org: { name: '苏州吴中农机特约维修站' }, equipment: { serialNo: '4LZ6-2024-00312' } });
    // Class-A outlet: the "A 级服务承诺" policy (on site in 12 h) beats the standard one.
    expect(order.sla.map((s) => [s.kind, s.targetMinutes, s.state])).toEqual([
      ['response', 30, 'running'], ['arrival', 720, 'running'], ['resolution', 1440, 'running'],
    ]);
    expect(order.responseDueAt).toBe(order.sla[0]?.dueAt);
    expect(order.allowedActions).toEqual(expect.arrayContaining(['accept', 'dispatch', 'cancel']));
    const second = await create();
    expect(Number(second.number.slice(-4))).toBe(Number(order.number.slice(-4)) + 1);
  });

  it('runs the whole lifecycle with every step on record and every SLA target met', async () => {
    const tech = await login('huanglei');
    const techId = await t.userId('huanglei');
    let order = await create();
    for (const [session, body] of [
      [agent, { action: 'accept' }],
      [agent, { action: 'dispatch', assigneeId: techId, note: '就近派工' }],
      [tech, { action: 'start_travel', position: { lat: 31.26, lng: 120.63 } }],
      [tech, { action: 'arrive', position: { lat: 31.05, lng: 120.4, accuracyM: 12 } }],
      [tech, { action: 'resolve', diagnosis: { symptom: '割台不转', cause: '割台传动三角带断裂', action: '更换脱粒三角带并张紧' } }],
      [tech, { action: 'confirm', method: 'signature' }],
      [agent, { action: 'close' }],
    ] as const) {
      const res = await step(session, order, body);
      expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
      order = res.json<Detail>();
    }
    expect(order.status).toBe('closed');
    expect(order.assignee?.name).toBe('黄磊');
    expect(order.diagnosis?.cause).toBe('割台传动三角带断裂');
    expect(order.sla.map((s) => [s.kind, s.state])).toEqual([['response', 'met'], ['arrival', 'met'], ['resolution', 'met']]);
    const events = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}/events`)).json<{ items: { action: string; toStatus: string; actor: { name: string } | null; data: Record<string, unknown> | null }[] }>().items;
    expect(events.map((e) => `${e.action}>${e.toStatus}`)).toEqual([
      'create>new', 'accept>accepted', 'dispatch>dispatched', 'start_travel>travelling', 'arrive>on_site', 'resolve>resolved', 'confirm>confirmed', 'close>closed',
    ]);
    expect(events[4]?.actor?.name).toBe('黄磊');
    // The technician was told of the job; the caller got an SMS when the technician was assigned, arrived and finished.
    const told = await t.handle.db.selectFrom('notifications').select('title').where('user_id', '=', await t.userId('huanglei')).where('entity_id', '=', order.id).execute();
    expect(told.map((n) => n.title)).toEqual([`新工单 ${order.number} 已派给您`]);
    const sms = await t.handle.db.selectFrom('notification_outbox').select(['channel', 'to_address', 'body']).where('to_address', '=', '13962130001').execute();
    expect(sms.filter((m) => m.body.includes(order.number)).map((m) => m.body)).toEqual([
      expect.stringContaining('已安排服务工程师黄磊'), expect.stringContaining('已到达现场'), expect.stringContaining('已处理完毕'),
    ]);
    expect(events[4]?.data).toEqual({ position: { lat: 31.05, lng: 120.4, accuracyM: 12 } });
    const rows = await t.handle.db.selectFrom('work_order_sla').select(['kind', 'state']).where('work_order_id', '=', order.id).orderBy('kind').execute();
    expect(rows).toEqual([{ kind: 'arrival', state: 'met' }, { kind: 'resolution', state: 'met' }, { kind: 'response', state: 'met' }]);
  });

  it('refuses an illegal transition with a clear error and changes nothing', async () => {
    const order = await create();
    const before = await counts();
    const res = await step(agent, order, { action: 'close' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '工单当前状态为「new」,不能执行「close」' });
    const en = await t.call(agent, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { version: 1, action: 'arrive' }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(403); // arriving is the assigned technician's step
    expect(await counts()).toEqual(before);
    expect((await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json()).toMatchObject({ status: 'new', version: 1 });
  });

  it('validates the step: a resolve without a cause, an unknown action, a stale version', async () => {
    const order = await create({ type: 'consultation', equipmentId: null, title: '保养周期咨询', description: '询问收割机一级保养周期' });
    const before = await counts();
    const noCause = await step(agent, order, { action: 'resolve', diagnosis: { symptom: '咨询', cause: '  ', action: '电话解答' } });
    expect(noCause.statusCode).toBe(400);
    expect(noCause.json().code).toBe('VALIDATION_FAILED');
    expect((await step(agent, order, { action: 'teleport' })).statusCode).toBe(400);
    expect((await step(agent, { ...order, version: 7 }, { action: 'accept' })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    // A consultation is settled by phone: accepted → resolved, and it has no arrival target.
    const accepted = (await step(agent, order, { action: 'accept' })).json<Detail>();
    const done = await step(agent, accepted, { action: 'resolve', diagnosis: { symptom: '咨询保养周期', cause: '用户未读保养手册', action: '电话告知每 50 小时一级保养' } });
    expect(done.statusCode).toBe(200);
    expect(done.json<Detail>().sla.map((s) => s.kind)).toEqual(['response', 'resolution']);
  });

  it('refuses to resolve a repair without a site visit', async () => {
    const order = (await step(agent, await create(), { action: 'accept' })).json<Detail>();
    const res = await step(agent, order, { action: 'resolve', diagnosis: { symptom: 'x', cause: 'y', action: 'z' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'NEEDS_SITE_VISIT' });
  });

  it('pauses the clocks while waiting for parts and resumes them where they were', async () => {
    const techId = await t.userId('linfeng');
    const tech = await login('linfeng');
    let order = (await step(agent, await create(), { action: 'dispatch', assigneeId: techId })).json<Detail>();
    order = (await step(tech, order, { action: 'arrive' })).json<Detail>();
    const waiting = await step(tech, order, { action: 'wait_parts', reason: '液压泵缺货,已向华东中心调拨' });
    expect(waiting.statusCode).toBe(200);
    order = waiting.json<Detail>();
    expect(order.status).toBe('waiting_parts');
    expect(order.sla.find((s) => s.kind === 'resolution')?.state).toBe('paused');
    expect(order.sla.find((s) => s.kind === 'arrival')?.state).toBe('met');
    order = (await step(tech, order, { action: 'resume' })).json<Detail>();
    expect(order.status).toBe('on_site');
    expect(order.sla.find((s) => s.kind === 'resolution')?.state).toBe('running');
  });

  it('dispatches only to active technicians of the responsible org', async () => {
    const order = await create();
    const elsewhere = await step(agent, order, { action: 'dispatch', assigneeId: await t.userId('hejun') });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json()).toMatchObject({ code: 'ASSIGNEE_INVALID', message: expect.stringContaining('何军') });
    const manager = await step(agent, order, { action: 'dispatch', assigneeId: await t.userId('wuhaitao') });
    expect(manager.json().code).toBe('ASSIGNEE_INVALID');
    expect((await step(agent, order, { action: 'dispatch' })).json().code).toBe('DISPATCH_TARGET_MISSING');
    // A region hands the order to another outlet: it moves into that outlet's scope.
    const region = await login('chenzhigang');
    const moved = await step(region, order, { action: 'dispatch', orgId: await t.orgId('O-NJJN') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ status: 'dispatched', org: { name: '南京江宁工程机械服务站' }, assignee: null });
  });

  it('lets only the assigned technician travel, and lets a technician decline with a reason', async () => {
    const techId = await t.userId('huanglei');
    const other = await login('linfeng');
    const order = (await step(agent, await create(), { action: 'dispatch', assigneeId: techId })).json<Detail>();
    const res = await step(other, order, { action: 'start_travel' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NOT_ASSIGNEE');
    const tech = await login('huanglei');
    expect((await step(tech, order, { action: 'decline' })).statusCode).toBe(400); // a reason is required
    const declined = await step(tech, order, { action: 'decline', reason: '正在常熟抢修,无法前往' });
    expect(declined.json<Detail>()).toMatchObject({ status: 'accepted', assignee: null });
  });

  it('scopes orders by org subtree: another outlet cannot see them, the assignee and the region can', async () => {
    const order = await create();
    const foreign = await login('zhengwei');
    expect((await t.call(foreign, 'GET', `/api/v1/work-orders/${order.id}`)).statusCode).toBe(404);
    expect((await step(foreign, order, { action: 'accept' })).statusCode).toBe(404);
    const list = (await t.call(foreign, 'GET', '/api/v1/work-orders?pageSize=200')).json<{ items: { id: string }[] }>();
    expect(list.items.some((o) => o.id === order.id)).toBe(false);
    const region = await login('chenzhigang');
    expect((await t.call(region, 'GET', `/api/v1/work-orders/${order.id}`)).statusCode).toBe(200);
    const outlet = await login('wuhaitao');
    const mine = (await t.call(outlet, 'GET', `/api/v1/work-orders?status=new&pageSize=200`)).json<{ items: { id: string; status: string }[]; total: number }>();
    expect(mine.items.some((o) => o.id === order.id)).toBe(true);
    expect(mine.items.every((o) => o.status === 'new')).toBe(true);
  });

  it("lists a technician's own jobs", async () => {
    const tech = await login('huanglei');
    const order = (await step(agent, await create(), { action: 'dispatch', assigneeId: await t.userId('huanglei') })).json<Detail>();
    const jobs = (await t.call(tech, 'GET', '/api/v1/work-orders?assigneeId=me&status=open')).json<{ items: { id: string; assignee: { name: string } }[] }>();
    expect(jobs.items.map((j) => j.id)).toContain(order.id);
    expect(jobs.items.every((j) => j.assignee.name === '黄磊')).toBe(true);
  });

  it('pages the job list with the same total as the full list, and answers a create with the detail GET returns', async () => {
    const tech = await login('huanglei');
    const created = await create();
    // The create's answer is built from what it wrote: it must be exactly what a read returns.
    expect(atRest(created)).toEqual(atRest((await t.call(agent, 'GET', `/api/v1/work-orders/${created.id}`)).json()));
    await step(agent, created, { action: 'dispatch', assigneeId: await t.userId('huanglei') });
    await step(agent, await create(), { action: 'dispatch', assigneeId: await t.userId('huanglei') });
    type JobPage = { items: { id: string }[]; total: number };
    const all = (await t.call(tech, 'GET', '/api/v1/work-orders?assigneeId=me&status=open&pageSize=200')).json<JobPage>();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const first = (await t.call(tech, 'GET', '/api/v1/work-orders?assigneeId=me&status=open&pageSize=1')).json<JobPage>();
    const last = (await t.call(tech, 'GET', `/api/v1/work-orders?assigneeId=me&status=open&pageSize=1&page=${all.total}`)).json<JobPage>();
    const beyond = (await t.call(tech, 'GET', `/api/v1/work-orders?assigneeId=me&status=open&pageSize=1&page=${all.total + 1}`)).json<JobPage>();
    expect([first.total, last.total, beyond.total]).toEqual([all.total, all.total, all.total]);
    expect([first.items[0]?.id, last.items[0]?.id, beyond.items.length]).toEqual([all.items[0]?.id, all.items.at(-1)?.id, 0]);
  });

  it('flags a repeat repair of the same unit within the window', async () => {
    const tech = await login('huanglei');
    let first = (await step(agent, await create(), { action: 'dispatch', assigneeId: await t.userId('huanglei') })).json<Detail>();
    first = (await step(tech, first, { action: 'arrive' })).json<Detail>();
    first = (await step(tech, first, { action: 'resolve', diagnosis: { symptom: '割台不转', cause: '三角带断裂', action: '更换' } })).json<Detail>();
    const again = await create();
    expect(again).toMatchObject({ isRepeat: true });
    expect(again.repeatOfId).not.toBeNull();
    const reopened = await step(agent, first, { action: 'reopen', reason: '回访:故障复发' });
    expect(reopened.json<Detail>()).toMatchObject({ status: 'accepted', isRepeat: true });
    expect(reopened.json<Detail>().sla.filter((s) => s.kind === 'resolution').map((s) => [s.cycle, s.state])).toEqual([[0, 'met'], [1, 'running']]);
  });

  it('refuses bad intake with clear errors and stores nothing', async () => {
    const tech = await login('huanglei'); // (logging in is audited: before the count)
    const before = await counts();
    const other = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '陆建明').executeTakeFirstOrThrow()).id;
    const notOwned = await t.call(agent, 'POST', '/api/v1/work-orders', newRepair({ customerId: other }));
    expect(notOwned.statusCode).toBe(422);
    expect(notOwned.json()).toMatchObject({ code: 'EQUIPMENT_NOT_OWNED' });
    const future = await t.call(agent, 'POST', '/api/v1/work-orders', newRepair({ faultDate: '2999-01-01' }));
    expect(future.json()).toMatchObject({ code: 'FAULT_DATE_IN_FUTURE' });
    const missing = await t.call(agent, 'POST', '/api/v1/work-orders', newRepair({ customerId: '00000000-0000-4000-8000-000000000000' }));
    expect(missing.statusCode).toBe(404);
    const bad = await t.call(agent, 'POST', '/api/v1/work-orders', newRepair({ type: 'teleport', callerPhone: '12345', title: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues.map((i: { path: string[] }) => i.path.join('.')).sort()).toEqual(['body.callerPhone', 'body.title', 'body.type']);
    expect((await t.call(tech, 'POST', '/api/v1/work-orders', newRepair())).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('prices the on-site report by the warranty on the fault date and feeds the repair history', async () => {
    const combine = (await t.handle.db.selectFrom('equipment_units').select('id').where('serial_no', '=', 'JH1204-2025-00041').executeTakeFirstOrThrow()).id;
    const part = async (code: string) => (await t.handle.db.selectFrom('spare_parts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const clutch = await part('SP-TR-CL01');
    const belt = await part('SP-LZ-VB02');
    const tech = await login('huanglei');
    let order = await create({ equipmentId: combine, title: '联合收割机离合器打滑', faultCategory: '离合器' });
    order = (await step(agent, order, { action: 'dispatch', assigneeId: await t.userId('huanglei') })).json<Detail>();
    order = (await step(tech, order, { action: 'arrive' })).json<Detail>();
    const report = {
      parts: [{ partId: clutch, quantity: 1, oldPartReturned: true }, { partId: belt, quantity: 2 }],
      faultCode: 'CLUTCH-SLIP', isSeriousFault: true, labourHours: 2.5, travelKm: 36, testRun: { passed: true, note: '试割 20 分钟正常' },
      liability: 'quality_defect',
    };
    const before = await counts();
    const unknown = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version, parts: [{ partId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'PART_NOT_FOUND', details: { path: ['body', 'parts', '0', 'partId'] } });
    const wrongPart = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version, mainPartReplaced: '螺旋桨' });
    expect(wrongPart.json()).toMatchObject({ code: 'MAIN_PART_UNKNOWN' });
    const fakeSignature = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version, signatureAttachmentId: '00000000-0000-4000-8000-000000000000' });
    expect(fakeSignature.json()).toMatchObject({ code: 'SIGNATURE_NOT_FOUND' });
    expect(await counts()).toEqual(before);

    const saved = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const sheet = saved.json<{ coverage: { wholeUnit: boolean }; charges: { chargedFen: number; isWarrantyRepair: boolean; lines: { kind: string; free: boolean; reason: string; amountFen: number }[] } }>();
    expect(sheet.coverage.wholeUnit).toBe(true);
    // In warranty and a quality defect: the clutch, labour and travel are free; the wear-part belts are charged.
    expect(sheet.charges.lines.map((l) => [l.kind, l.free, l.reason])).toEqual([
      ['part', true, 'warranty'], ['part', false, 'wear_part'], ['labour', true, 'warranty'], ['travel', true, 'warranty'],
    ]);
    expect(sheet.charges.chargedFen).toBe(2 * 9_800);
    const parts = await t.handle.db.selectFrom('work_order_parts').select(['quantity', 'is_free', 'old_part_returned']).where('work_order_id', '=', order.id).orderBy('quantity').execute();
    expect(parts.map((p) => [p.quantity, Boolean(p.is_free), Boolean(p.old_part_returned)])).toEqual([[1, true, true], [2, false, false]]);

    // Misuse makes everything chargeable, even in warranty; the report moved the order's version.
    const stale = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version, liability: 'misuse' });
    expect(stale.statusCode).toBe(409);
    order = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json<Detail>();
    const misuse = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version, liability: 'misuse' });
    expect(misuse.json().charges).toMatchObject({ isWarrantyRepair: false, chargedFen: 1_680 * 100 + 2 * 9_800 + 2.5 * 12_000 + 36 * 300 });
    order = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json<Detail>();
    await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version });
    order = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json<Detail>();
    order = (await step(tech, order, { action: 'resolve', diagnosis: { symptom: '离合器打滑', cause: '离合器摩擦片烧蚀', action: '更换离合器总成' } })).json<Detail>();
    order = (await step(tech, order, { action: 'confirm', method: 'signature' })).json<Detail>();
    const locked = await t.call(agent, 'PUT', `/api/v1/work-orders/${order.id}/report`, { ...report, version: order.version });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'REPORT_LOCKED' });
    expect((await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}/report`)).json()).toMatchObject({ liability: 'quality_defect', faultCode: 'CLUTCH-SLIP' });

    // The unit's warranty now counts this repair (repeated-repair rules see one serious CLUTCH-SLIP repair).
    const warranty = (await t.call(agent, 'GET', `/api/v1/equipment/${combine}/warranty`)).json<{ repairHistoryIncluded: boolean; result: { repeatedRepair: { reasons: { code: string; params: { count?: number } }[] }[] } }>();
    expect(warranty.repairHistoryIncluded).toBe(true);
    const counted = warranty.result.repeatedRepair.flatMap((c) => c.reasons).filter((r) => r.code === 'repeated_repair_not_met' || r.code === 'repeated_repair_met');
    expect(counted.some((r) => (r.params.count ?? 0) >= 1)).toBe(true);
  });

  it('routes a complaint by rule, and needs the at-fault department\'s answer before resolving a service-quality complaint', async () => {
    const admin = await login('admin');
    const east = await t.orgId('R-EAST');
    const hq = await t.orgId('HQ');
    const rules = [
      { name: '大客户投诉 → 客户服务部', position: 1, category: null, regionOrgId: null, customerGrade: null, customerTag: '大客户', targetOrgId: hq },
      { name: '华东服务质量投诉 → 华东服务中心', position: 10, category: 'service_quality', regionOrgId: east, customerGrade: null, customerTag: null, targetOrgId: east },
    ];
    for (const rule of rules) expect((await t.call(admin, 'POST', '/api/v1/complaint-rules', rule)).statusCode).toBe(201);
    expect((await t.call(agent, 'POST', '/api/v1/complaint-rules', rules[0])).statusCode).toBe(403);

    // 陆建明 (no tags, outlet O-SZWZ in the east): a service-quality complaint goes to the regional centre.
    const luId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '陆建明').executeTakeFirstOrThrow()).id;
    const outlet = await t.orgId('O-SZWZ');
    const complaint = { type: 'complaint', customerId: luId, title: '服务人员态度差', description: '维修工迟到三小时且未道歉', complaint: { category: 'service_quality', atFaultOrgId: outlet } };
    const missing = await t.call(agent, 'POST', '/api/v1/work-orders', { ...complaint, complaint: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.issues).toEqual([expect.objectContaining({ path: ['body', 'complaint'], message: '投诉工单须选择投诉类别' })]);
    const res = await t.call(agent, 'POST', '/api/v1/work-orders', complaint);
    expect(res.statusCode, res.body).toBe(201);
    let order = res.json<Detail & { complaint: { category: string; atFaultOrg: { name: string }; routedBy: { name: string } } }>();
    expect(order.org.name).toBe('华东服务中心');
    expect(order.complaint).toMatchObject({ category: 'service_quality', atFaultOrg: { name: '苏州吴中农机特约维修站' }, routedBy: { name: '华东服务质量投诉 → 华东服务中心' } });
    expect(atRest(order)).toEqual(atRest((await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json()));
    // 张三农业合作社 is tagged 大客户: rule 1 wins whatever the category.
    const bulk = await t.call(agent, 'POST', '/api/v1/work-orders', { ...complaint, customerId, complaint: { category: 'technical' } });
    expect(bulk.json<Detail>().org.name).toBe('江淮重工机械股份有限公司 客户服务部');

    order = (await step(agent, order, { action: 'accept' })).json<typeof order>();
    const early = await step(agent, order, { action: 'resolve', diagnosis: { symptom: '态度差', cause: '派工过晚', action: '约谈' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('COMPLAINT_RESPONSE_REQUIRED');
    // The at-fault outlet answers; another outlet may not.
    const answer = { explanation: '当日派工过晚', apology: '已电话向机主致歉', improvement: '派工后 30 分钟内联系机主', version: order.version };
    expect((await t.call(await login('zhengwei'), 'POST', `/api/v1/work-orders/${order.id}/complaint-response`, answer)).statusCode).toBe(404);
    const answered = await t.call(await login('wuhaitao'), 'POST', `/api/v1/work-orders/${order.id}/complaint-response`, answer);
    expect(answered.statusCode, answered.body).toBe(404); // the order sits with the region: the outlet manager cannot see it
    const byRegion = await t.call(await login('chenzhigang'), 'POST', `/api/v1/work-orders/${order.id}/complaint-response`, answer);
    expect(byRegion.statusCode, byRegion.body).toBe(200);
    order = byRegion.json<typeof order>();
    expect(order.complaint).toMatchObject({ response: { apology: '已电话向机主致歉', by: '陈志刚' } });
    const done = await step(agent, order, { action: 'resolve', diagnosis: { symptom: '态度差', cause: '派工过晚', action: '约谈并整改' } });
    expect(done.statusCode).toBe(200);
  });

  it('suggests technicians by skill, distance and load, and keeps their last position from field steps', async () => {
    const manager = await login('wuhaitao');
    const techs = (await t.call(manager, 'GET', '/api/v1/technicians')).json<{ items: { id: string; name: string; version: number }[] }>().items;
    expect(techs.map((x) => x.name).sort()).toEqual(['林峰', '黄磊']);
    const huang = techs.find((x) => x.name === '黄磊')!;
    const lin = techs.find((x) => x.name === '林峰')!;
    const saved = await t.call(manager, 'PUT', `/api/v1/technicians/${huang.id}/profile`, { skills: ['4LZ-6'], base: { lat: 31.26, lng: 120.63 }, coverage: ['3205'], version: huang.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await t.call(manager, 'PUT', `/api/v1/technicians/${huang.id}/profile`, { skills: [], base: null, coverage: [], version: huang.version })).statusCode).toBe(409);
    expect((await t.call(manager, 'PUT', `/api/v1/technicians/${lin.id}/profile`, { skills: ['HARVESTER'], base: { lat: 32.06, lng: 118.8 }, coverage: ['32x'], version: lin.version })).statusCode).toBe(400);
    await t.call(manager, 'PUT', `/api/v1/technicians/${lin.id}/profile`, { skills: ['HARVESTER'], base: { lat: 32.06, lng: 118.8 }, coverage: [], version: lin.version });
    // Another outlet's manager cannot touch them.
    expect((await t.call(await login('zhengwei'), 'PUT', `/api/v1/technicians/${lin.id}/profile`, { skills: [], base: null, coverage: [], version: 1 })).statusCode).toBe(404);

    const order = await create();
    const ranked = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}/dispatch-suggestions`)).json<{ items: { name: string; skill: string; inCoverage: boolean | null; openJobs: number; score: number }[] }>().items;
    expect(ranked.map((r) => [r.name, r.skill])).toEqual([['黄磊', 'model'], ['林峰', 'category']]);
    expect(ranked[0]?.inCoverage).toBe(true);
    expect((await t.call(await login('huanglei'), 'GET', `/api/v1/work-orders/${order.id}/dispatch-suggestions`)).statusCode).toBe(403);

    // Arriving somewhere records where 林峰 is now.
    const tech = await login('linfeng');
    let o = (await step(agent, order, { action: 'dispatch', assigneeId: lin.id })).json<Detail>();
    o = (await step(tech, o, { action: 'arrive', position: { lat: 31.3, lng: 120.6 } })).json<Detail>();
    const after = (await t.call(manager, 'GET', '/api/v1/technicians')).json<{ items: { name: string; last: { lat: number } | null; openJobs: number }[] }>().items;
    expect(after.find((x) => x.name === '林峰')).toMatchObject({ last: { lat: 31.3 }, openJobs: expect.any(Number) });
  });

  it('takes the customer\'s drawn signature only as an image, and links it to the report', async () => {
    const tech = await login('huanglei');
    let order = (await step(agent, await create(), { action: 'dispatch', assigneeId: await t.userId('huanglei') })).json<Detail>();
    order = (await step(tech, order, { action: 'arrive' })).json<Detail>();
    const upload = (file: Buffer, name: string) => {
      const body = multipart([{ name: 'ownerType', value: 'work_order' }, { name: 'ownerId', value: order.id }, { name: 'purpose', value: 'signature' }, { name: 'file', file, fileName: name, type: 'image/png' }]);
      return t.call(tech, 'POST', '/api/v1/attachments', body.payload, { 'content-type': body.type });
    };
    const before = await t.handle.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const notImage = await upload(pdf(), 'signature.png');
    expect(notImage.statusCode).toBe(415);
    const after = await t.handle.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const signed = await upload(png(120, 40), 'signature.png');
    expect(signed.statusCode, signed.body).toBe(201);
    const signatureId = signed.json<{ id: string }>().id;
    const report = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { liability: 'quality_defect', signatureAttachmentId: signatureId, version: order.version });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ signatureAttachmentId: signatureId });
    // Another outlet cannot even list the order's files.
    expect((await t.call(await login('zhengwei'), 'GET', `/api/v1/attachments?ownerType=work_order&ownerId=${order.id}`)).statusCode).toBe(404);
  });

  it('compensates by a published standard, only for the liability it names', async () => {
    const admin = await login('admin');
    const standards = (await t.call(agent, 'GET', '/api/v1/compensation-standards')).json<{ items: { id: string; code: string }[] }>().items;
    const downtime = standards.find((x) => x.code === 'QD-DOWNTIME')!;
    expect((await t.call(admin, 'POST', '/api/v1/compensation-standards', { code: 'X1', name: '无金额', liability: null, kind: 'fixed', amountFen: null, percent: null })).statusCode).toBe(400);
    expect((await t.call(admin, 'POST', '/api/v1/compensation-standards', { code: 'QD-DOWNTIME', name: '重复', liability: null, kind: 'fixed', amountFen: 1, percent: null })).statusCode).toBe(409);
    expect((await t.call(agent, 'POST', '/api/v1/compensation-standards', { code: 'X2', name: '越权', liability: null, kind: 'fixed', amountFen: 1, percent: null })).statusCode).toBe(403);

    const tech = await login('huanglei');
    let order = (await step(agent, await create(), { action: 'dispatch', assigneeId: await t.userId('huanglei') })).json<Detail>();
    order = (await step(tech, order, { action: 'arrive' })).json<Detail>();
    const misuse = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { liability: 'misuse', labourHours: 1, compensationStandardId: downtime.id, version: order.version });
    expect(misuse.statusCode).toBe(422);
    expect(misuse.json()).toMatchObject({ code: 'COMPENSATION_NOT_APPLICABLE' });
    const ok = await t.call(tech, 'PUT', `/api/v1/work-orders/${order.id}/report`, { liability: 'quality_defect', labourHours: 1, compensationFen: 1, compensationStandardId: downtime.id, version: order.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ compensationFen: 20_000, compensationStandard: { name: '质量问题停机补偿(每次 200 元)' } });
    expect(ok.json().charges.lines.at(-1)).toMatchObject({ kind: 'compensation', amountFen: -20_000 });
  });

  it('follows its outlet when the outlet moves to another region (runs last: it changes the tree)', async () => {
    const order = await create();
    const admin = await login('admin');
    const outlet = await t.orgId('O-SZWZ');
    const moved = await t.call(admin, 'POST', `/api/v1/orgs/${outlet}/move`, { parentId: await t.orgId('R-NORTH') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await t.call(await login('liuyang'), 'GET', `/api/v1/work-orders/${order.id}`)).statusCode).toBe(200);
    expect((await t.call(await login('chenzhigang'), 'GET', `/api/v1/work-orders/${order.id}`)).statusCode).toBe(404);
  });
});

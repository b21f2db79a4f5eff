import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sweepSessions } from '../../jobs/session-sweep.js';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import type { LogSmsDriver } from '../notifications/notifications.channels.js';

type PortalSession = { cookie: string; csrf: string };
type Detail = { id: string; status: string; version: number; canConfirm: boolean; events: { action: string; toStatus: string; byCustomer: boolean; method: string | null; satisfied: boolean | null; note: string | null }[] };
const PHONE = '13962130001'; // 张三农业合作社 in the demo seed
let ipCounter = 0;

describe.each(testDialects())('customer portal on %s', (dialect) => {
  let t: TestApp;
  let agent: Session;
  let tech: Session;
  let techId: string;
  const sms = () => t.app.deps.channels.sms as LogSmsDriver;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    agent = await t.login('lixiuying');
    tech = await t.login('huanglei');
    techId = await t.userId('huanglei');
  });
  afterAll(async () => t.close());

  // Each test speaks from its own address, so the per-IP limits of one do not spill into another.
  const client = () => {
    const remoteAddress = `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
    return (method: InjectOptions['method'], url: string, opts: { body?: unknown; session?: PortalSession; headers?: Record<string, string> } = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.session) {
        headers.cookie = opts.session.cookie;
        if (method !== 'GET' && headers['x-csrf-token'] === undefined) headers['x-csrf-token'] = opts.session.csrf;
      }
      const req: InjectOptions = { method, url, headers, remoteAddress };
      if (opts.body !== undefined) req.payload = opts.body as InjectOptions['payload'];
      return t.app.inject(req);
    };
  };
  const lastCode = (phone: string) => {
    const msg = sms().sent.filter((m) => m.to === phone).at(-1);
    return /验证码为 (\d{6})/.exec(msg?.text ?? '')?.[1];
  };
  // Lets the next code be asked for at once (the 60-s resend cool-down is tested on its own).
  const ageCodes = (phone: string, seconds: number) =>
    t.handle.db.updateTable('portal_otps').set({ created_at: new Date(Date.now() - seconds * 1000).toISOString() }).where('phone', '=', phone).execute();
  const count = async (table: 'portal_sessions' | 'work_order_events' | 'audit_log') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  async function portalLogin(phone = PHONE): Promise<PortalSession> {
    const call = client();
    await ageCodes(phone, 3600);
    expect((await call('POST', '/api/v1/portal/otp', { body: { phone } })).statusCode).toBe(200);
    const res = await call('POST', '/api/v1/portal/login', { body: { phone, code: lastCode(phone) } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sht_portal');
    return { cookie: `sht_portal=${cookie?.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
  }

  async function resolvedOrder(customerName = '张三农业合作社', note = '就近派工'): Promise<{ id: string; version: number }> {
    const customerId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', customerName).executeTakeFirstOrThrow()).id;
    const created = await t.call(agent, 'POST', '/api/v1/work-orders', { type: 'repair', customerId, title: '收割机割台不转', description: '割台传动异响后停转' });
    expect(created.statusCode, created.body).toBe(201);
    let order = created.json<{ id: string; version: number }>();
    for (const [session, body] of [
      [agent, { action: 'dispatch', assigneeId: techId, note }],
      [tech, { action: 'arrive' }],
      [tech, { action: 'resolve', diagnosis: { symptom: '割台不转', cause: '三角带断裂', action: '更换三角带' }, note: '内部:配件从总部调拨' }],
    ] as const) {
      const res = await t.call(session, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { version: order.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      order = res.json();
    }
    return order;
  }

  it('sends a code by SMS at once, stores only its hash, and logs in with it once', async () => {
    const call = client();
    const before = sms().sent.length;
    const res = await call('POST', '/api/v1/portal/otp', { body: { phone: '+86 139-6213-0001' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ sent: true, expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(sms().sent.length).toBe(before + 1);
    const code = lastCode(PHONE);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.handle.db.selectFrom('portal_otps').selectAll().where('phone', '=', PHONE).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(`"${code}"`);

    const login = await call('POST', '/api/v1/portal/login', { body: { phone: PHONE, code } });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'sht_portal');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/v1/portal', sameSite: 'Strict' });
    expect(login.cookies.some((c) => c.name === 'sht_sid')).toBe(false);
    const me = await call('GET', '/api/v1/portal/me', { headers: { cookie: `sht_portal=${cookie?.value}` } });
    expect(me.json()).toMatchObject({ maskedPhone: '139****0001', customers: [{ name: '张三农业合作社' }] });

    const again = await call('POST', '/api/v1/portal/login', { body: { phone: PHONE, code } });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'OTP_INVALID' });
  });

  it('answers an unknown phone exactly like a known one and sends it nothing', async () => {
    const call = client();
    const before = sms().sent.length;
    const unknown = await call('POST', '/api/v1/portal/otp', { body: { phone: '13900000000' } });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ sent: true, expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(sms().sent.length).toBe(before);
    const login = await call('POST', '/api/v1/portal/login', { body: { phone: '13900000000', code: '123456' } });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toMatchObject({ code: 'OTP_INVALID' });
    // The resend cool-down holds for both.
    const resend = await call('POST', '/api/v1/portal/otp', { body: { phone: '13900000000' } });
    expect(resend.statusCode).toBe(429);
    expect(resend.json<{ code: string; message: string }>()).toMatchObject({ code: 'OTP_WAIT', message: expect.stringMatching(/^验证码发送过于频繁,请 (59|60) 秒后再试$/) });
    await ageCodes(PHONE, 3600);
    await call('POST', '/api/v1/portal/otp', { body: { phone: PHONE } });
    expect((await call('POST', '/api/v1/portal/otp', { body: { phone: PHONE } })).json()).toMatchObject({ code: 'OTP_WAIT' });
  });

  it('locks a code after five wrong tries, even for the right code, and opens no session', async () => {
    const call = client();
    await ageCodes(PHONE, 3600);
    await call('POST', '/api/v1/portal/otp', { body: { phone: PHONE } });
    const code = lastCode(PHONE) ?? '';
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const sessions = await count('portal_sessions');
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await call('POST', '/api/v1/portal/login', { body: { phone: PHONE, code: wrong } })).json<{ code: string }>().code);
    expect(answers).toEqual(['OTP_INVALID', 'OTP_INVALID', 'OTP_INVALID', 'OTP_INVALID', 'OTP_LOCKED']);
    const right = await call('POST', '/api/v1/portal/login', { body: { phone: PHONE, code }, headers: { 'accept-language': 'en' } });
    expect(right.statusCode).toBe(401);
    expect(right.json()).toMatchObject({ code: 'OTP_LOCKED', message: 'Too many wrong codes; ask for a new one' });
    expect(await count('portal_sessions')).toBe(sessions);
  });

  it('refuses an expired code', async () => {
    const call = client();
    await ageCodes(PHONE, 3600);
    await call('POST', '/api/v1/portal/otp', { body: { phone: PHONE } });
    await t.handle.db.updateTable('portal_otps').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('phone', '=', PHONE).execute();
    const res = await call('POST', '/api/v1/portal/login', { body: { phone: PHONE, code: lastCode(PHONE) } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'OTP_INVALID', message: '验证码错误或已过期' });
  });

  it('rejects bad input with 400 in Chinese or English and stores nothing', async () => {
    const call = client();
    const otps = Number((await t.handle.db.selectFrom('portal_otps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const zh = await call('POST', '/api/v1/portal/otp', { body: { phone: '0512-66881234' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求数据不合法', details: { issues: [{ path: ['body', 'phone'] }] } });
    const en = await call('POST', '/api/v1/portal/login', { body: { phone: PHONE, code: '12a' }, headers: { 'accept-language': 'en-US' } });
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request is not valid', details: { issues: [{ path: ['body', 'code'] }] } });
    expect(Number((await t.handle.db.selectFrom('portal_otps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(otps);
  });

  it('limits code requests per address', async () => {
    const call = client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call('POST', '/api/v1/portal/otp', { body: { phone: `1370000${String(i).padStart(4, '0')}` } })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('shows the customer only their own orders, with a customer-safe timeline', async () => {
    const own = await resolvedOrder();
    const other = await resolvedOrder('陆建明');
    const session = await portalLogin();
    const call = client();
    const list = (await call('GET', '/api/v1/portal/orders', { session })).json<{ items: { id: string; customer: { name: string } }[] }>().items;
    expect(list.map((o) => o.id)).toContain(own.id);
    expect(list.map((o) => o.id)).not.toContain(other.id);
    expect(new Set(list.map((o) => o.customer.name))).toEqual(new Set(['张三农业合作社']));

    const detail = await call('GET', `/api/v1/portal/orders/${own.id}`, { session });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'resolved', canConfirm: true, technicianName: '黄磊', diagnosis: { cause: '三角带断裂' } });
    expect(detail.body).not.toContain('就近派工');
    expect(detail.body).not.toContain('内部');
    expect(detail.body).not.toContain('callerPhone');
    expect(detail.json<Detail>().events.map((e) => `${e.action}>${e.toStatus}`)).toEqual(['create>new', 'dispatch>dispatched', 'arrive>on_site', 'resolve>resolved']);

    for (const id of [other.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await call('GET', `/api/v1/portal/orders/${id}`, { session });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'WORK_ORDER_NOT_FOUND' });
    }
    const events = await count('work_order_events');
    const confirmOther = await call('POST', `/api/v1/portal/orders/${other.id}/confirm`, { session, body: { version: other.version } });
    expect(confirmOther.statusCode).toBe(404);
    expect(await count('work_order_events')).toBe(events);
  });

  it('confirms a resolved order: confirmed, on the timeline with method portal, and seen so by staff', async () => {
    const order = await resolvedOrder();
    const session = await portalLogin();
    const call = client();
    const url = `/api/v1/portal/orders/${order.id}/confirm`;
    const events = await count('work_order_events');
    for (const [body, status] of [
      [{ version: 'x' }, 400],
      [{ version: order.version, note: 'x'.repeat(1001) }, 400],
      [{ version: order.version + 1 }, 409],
    ] as const) {
      const res = await call('POST', url, { session, body });
      expect(res.statusCode, res.body).toBe(status);
    }
    expect((await call('POST', url, { session, body: { version: order.version }, headers: { 'x-csrf-token': 'forged' } })).statusCode).toBe(403);
    expect(await count('work_order_events')).toBe(events);

    const res = await call('POST', url, { session, body: { version: order.version, satisfied: true, note: '师傅很专业' } });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<Detail>();
    expect(detail).toMatchObject({ status: 'confirmed', canConfirm: false });
    expect(detail.events.at(-1)).toEqual(expect.objectContaining({ action: 'confirm', toStatus: 'confirmed', byCustomer: true, method: 'portal', satisfied: true, note: '师傅很专业' }));

    const staff = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}`)).json<{ status: string }>();
    expect(staff.status).toBe('confirmed');
    const staffEvents = (await t.call(agent, 'GET', `/api/v1/work-orders/${order.id}/events`)).json<{ items: { action: string; actor: unknown; data: Record<string, unknown> | null }[] }>().items;
    // Staff see who confirmed: the customer by name, with no staff user id.
    expect(staffEvents.at(-1)).toMatchObject({ action: 'confirm', actor: { id: null, name: expect.stringContaining('(客户)') }, data: { method: 'portal', satisfied: true } });

    // A second confirmation is refused and changes nothing.
    const twice = await call('POST', url, { session, body: { version: detail.version } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('keeps portal and staff sessions apart', async () => {
    const session = await portalLogin();
    const call = client();
    // A portal cookie is no staff login …
    expect((await call('GET', '/api/v1/customers', { session })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/auth/me', { session })).statusCode).toBe(401);
    // … and a staff login (cookie or API token) is no customer.
    expect((await call('GET', '/api/v1/portal/orders', { headers: { cookie: agent.cookie } })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/portal/me', { headers: { cookie: agent.cookie } })).json()).toMatchObject({ code: 'PORTAL_UNAUTHENTICATED' });
    // Writes need the session's CSRF token; logout ends the session.
    expect((await call('POST', '/api/v1/portal/logout', { session, headers: { 'x-csrf-token': 'nope' } })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/portal/logout', { session })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/portal/me', { session })).statusCode).toBe(401);
  });

  it('sweeps expired portal sessions and day-old codes, and keeps live ones', async () => {
    await t.handle.db.updateTable('portal_sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const live = await portalLogin();
    // Every code asked for so far (this file's and the one just used) is made two days old.
    await t.handle.db.updateTable('portal_otps').set({ created_at: new Date(Date.now() - 2 * 86_400_000).toISOString() }).execute();
    const otps = () => t.handle.db.selectFrom('portal_otps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    expect(await otps()).toBeGreaterThan(0);
    await sweepSessions(t.handle.db, new Date());
    expect(await otps()).toBe(0);
    expect(await count('portal_sessions')).toBe(1);
    expect((await client()('GET', '/api/v1/portal/me', { session: live })).statusCode).toBe(200);
  });

  it('ends a session at its expiry', async () => {
    const session = await portalLogin();
    const call = client();
    await t.handle.db.updateTable('portal_sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect((await call('GET', '/api/v1/portal/me', { session })).statusCode).toBe(401);
  });

  it('takes a problem report from the portal as a new order of the customer, for staff to handle', async () => {
    const session = await portalLogin();
    const call = client();
    const zhang = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '张三农业合作社').executeTakeFirstOrThrow()).id;
    const units = (await call('GET', '/api/v1/portal/equipment', { session })).json<{ items: { id: string; customerId: string; serialNo: string }[] }>().items;
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.customerId === zhang)).toBe(true);
    const foreign = await t.handle.db.selectFrom('equipment_units').select('id').where('customer_id', '!=', zhang).executeTakeFirstOrThrow();
    const orders = async () => Number((await t.handle.db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { orders: await orders(), audit: await count('audit_log') };
    for (const [body, status, code] of [
      [{ type: 'repair', title: '发动机冒黑烟', description: '作业中冒黑烟', equipmentId: foreign.id }, 404, 'EQUIPMENT_NOT_FOUND'],
      [{ type: 'complaint', title: '投诉', description: '服务差' }, 400, 'VALIDATION_FAILED'], // no category
      [{ type: 'repair', complaintCategory: 'billing', title: '投诉', description: '服务差' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'repair', title: ' ', description: '作业中冒黑烟' }, 400, 'VALIDATION_FAILED'],
      [{ type: 'repair', title: '发动机冒黑烟', description: '作业中冒黑烟', faultDate: '2099-01-01' }, 422, 'FAULT_DATE_IN_FUTURE'],
    ] as const) {
      const res = await call('POST', '/api/v1/portal/orders', { session, body });
      expect([res.statusCode, res.json<{ code: string }>().code], res.body).toEqual([status, code]);
    }
    expect({ orders: await orders(), audit: await count('audit_log') }).toEqual(before);

    const unit = units[0];
    const res = await call('POST', '/api/v1/portal/orders', { session, body: { type: 'repair', title: '发动机冒黑烟', description: '作业中冒黑烟,动力不足', equipmentId: unit?.id } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; status: string; equipment: { serialNo: string } | null; events: { action: string }[] }>();
    expect(created).toMatchObject({ status: 'new', equipment: { serialNo: unit?.serialNo }, events: [{ action: 'create', byCustomer: true }] });
    const staff = await t.call(agent, 'GET', `/api/v1/work-orders/${created.id}`);
    expect(staff.statusCode).toBe(200);
    expect(staff.json()).toMatchObject({ channel: 'portal', status: 'new', callerPhone: PHONE, customer: { name: '张三农业合作社' } });
    expect(staff.json<{ sla: unknown[] }>().sla.length).toBe(3);
    // The clocks are on record from the start (the SLA sweep finds the order without a further step).
    const stored = await t.handle.db.selectFrom('work_orders').select(['response_due_at', 'next_sla_check_at']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.response_due_at).not.toBeNull();
    expect(stored.next_sla_check_at).not.toBeNull();
    const slaRows = await t.handle.db.selectFrom('work_order_sla').select('kind').where('work_order_id', '=', created.id).execute();
    expect(slaRows.map((r) => r.kind).sort()).toEqual(['arrival', 'resolution', 'response']);
    const notices = await t.handle.db.selectFrom('notifications').select('title').where('entity_id', '=', created.id).execute();
    expect(notices.length).toBeGreaterThan(0);
  });

  it('takes a complaint from the portal and routes it by the complaint rules', async () => {
    const session = await portalLogin();
    const res = await client()('POST', '/api/v1/portal/orders', {
      session, body: { type: 'complaint', complaintCategory: 'service_quality', title: '维修人员迟到', description: '约好上午到,下午四点才来' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const staff = await t.call(agent, 'GET', `/api/v1/work-orders/${id}`);
    expect(staff.statusCode, staff.body).toBe(200);
    // 张三农业合作社 is tagged 大客户: the first seeded rule sends big customers' complaints to HQ's
    // customer service department, ahead of the regional service-quality rule.
    expect(staff.json()).toMatchObject({
      type: 'complaint', channel: 'portal', org: { name: '江淮重工机械股份有限公司 客户服务部' },
      complaint: { category: 'service_quality', routedBy: { name: '大客户投诉 → 客户服务部' } },
    });
  });

  it('documents the portal in OpenAPI under its own cookie', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { security?: unknown }>> }>();
    expect(doc.paths['/api/v1/portal/otp']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/portal/orders/{id}/confirm']?.post?.security).toEqual([{ portal: [] }]);
  });

  it('speaks for every active customer sharing the phone', async () => {
    const created = await t.call(agent, 'POST', '/api/v1/customers', {
      kind: 'individual', name: '张三', source: 'hotline', contacts: [{ name: '张三', phones: [PHONE] }], confirmDuplicate: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = await portalLogin();
    const me = (await client()('GET', '/api/v1/portal/me', { session })).json<{ customers: { name: string }[] }>();
    expect(me.customers.map((c) => c.name).sort()).toEqual(['张三', '张三农业合作社'].sort());
    // Reporting then needs the customer named, and only one of theirs.
    const call = client();
    const body = { type: 'repair', title: '发动机冒黑烟', description: '作业中冒黑烟' };
    const unnamed = await call('POST', '/api/v1/portal/orders', { session, body });
    expect([unnamed.statusCode, unnamed.json<{ code: string }>().code]).toEqual([400, 'PORTAL_CUSTOMER_REQUIRED']);
    const stranger = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '陆建明').executeTakeFirstOrThrow()).id;
    expect((await call('POST', '/api/v1/portal/orders', { session, body: { ...body, customerId: stranger } })).statusCode).toBe(404);
    const own = created.json<{ id: string }>().id;
    expect((await call('POST', '/api/v1/portal/orders', { session, body: { ...body, customerId: own } })).statusCode).toBe(201);
  });
});

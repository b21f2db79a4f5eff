import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tableCounts, testDialects, TEST_PASSWORD, type Session, type TestApp } from '../../test/test-app.js';

type UserJson = { id: string; username: string; orgId: string; roles: string[]; isActive: boolean; version: number };

describe.each(testDialects())('users on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('creates a user who must change the password at first login', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'xuming', name: '徐明', phone: '13912345678', orgId: await t.orgId('O-NJJN'), roles: ['technician'], password: 'Start2026a',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<UserJson>()).toMatchObject({ username: 'xuming', roles: ['technician'], isActive: true });
    const login = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'xuming', password: 'Start2026a' });
    expect(login.json().mustChangePassword).toBe(true);
    // Until then the account can do nothing else.
    const s = await t.login('xuming', 'Start2026a');
    const blocked = await t.call(s, 'GET', '/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'Start2026a', newPassword: 'Chosen2026b' })).statusCode).toBe(200);
    expect((await t.call(s, 'GET', '/api/v1/orgs')).statusCode).toBe(200);
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const before = await tableCounts(t);
    const org = await t.orgId('O-NJJN');
    const base = { username: 'newuser', name: '新人', orgId: org, roles: ['technician'], password: 'Start2026a' };
    const bad: [Record<string, unknown>, number, string][] = [
      [{ ...base, username: undefined }, 400, 'VALIDATION_FAILED'],
      [{ ...base, roles: [] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, roles: ['emperor'] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, phone: '12345' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, password: 'abc' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, name: 'x'.repeat(51) }, 400, 'VALIDATION_FAILED'],
      [{ ...base, username: 'huanglei' }, 409, 'USERNAME_TAKEN'],
      [{ ...base, orgId: '00000000-0000-4000-8000-000000000000' }, 404, 'ORG_NOT_FOUND'],
    ];
    for (const [body, status, code] of bad) {
      const res = await t.call(admin, 'POST', '/api/v1/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const phone = await t.call(admin, 'POST', '/api/v1/users', { ...base, phone: '12345' });
    expect(phone.json().details.issues[0]).toEqual({ path: ['body', 'phone'], message: '电话号码格式不正确' });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('shows an outlet manager only the own outlet, and hides other outlets as 404', async () => {
    const mgr = await t.login('wuhaitao'); // 苏州吴中
    const list = await t.call(mgr, 'GET', '/api/v1/users?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: UserJson) => u.username).sort()).toEqual(['huanglei', 'linfeng', 'wuhaitao']);
    const other = await t.userId('hejun'); // 石家庄
    expect((await t.call(mgr, 'GET', `/api/v1/users/${other}`)).statusCode).toBe(404);
    expect((await t.call(mgr, 'POST', `/api/v1/users/${other}/disable`)).statusCode).toBe(404);
    const sneaky = await t.call(mgr, 'GET', `/api/v1/users?orgId=${await t.orgId('O-SJZGC')}`);
    expect(sneaky.json().total).toBe(0);
    const foreignOrg = await t.call(mgr, 'POST', '/api/v1/users', {
      username: 'intruder', name: '越权', orgId: await t.orgId('O-SJZGC'), roles: ['technician'], password: 'Start2026a',
    });
    expect(foreignOrg.statusCode).toBe(404);
  });

  it('lets nobody grant roles above their own', async () => {
    const mgr = await t.login('chenzhigang');
    const res = await t.call(mgr, 'POST', '/api/v1/users', {
      username: 'upstart', name: '越级', orgId: await t.orgId('R-EAST'), roles: ['hq_manager'], password: 'Start2026a',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ROLE_NOT_GRANTABLE');
    const outletMgr = await t.login('wuhaitao');
    const peer = await t.userId('wuhaitao');
    const self = (await t.call(outletMgr, 'GET', `/api/v1/users/${peer}`)).json<UserJson>();
    const selfPromote = await t.call(outletMgr, 'PATCH', `/api/v1/users/${peer}`, { roles: ['outlet_manager', 'region_manager'], version: self.version });
    expect(selfPromote.statusCode).toBe(403);
    const tech = await t.login('huanglei');
    expect((await t.call(tech, 'GET', '/api/v1/users')).statusCode).toBe(403);
  });

  it('disables a user, ending their sessions, and re-enables them', async () => {
    const victim = await t.login('linfeng');
    const id = victim.userId;
    const off = await t.call(admin, 'POST', `/api/v1/users/${id}/disable`);
    expect(off.json<UserJson>().isActive).toBe(false);
    expect((await t.call(victim, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'linfeng', password: TEST_PASSWORD });
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    expect((await t.call(admin, 'POST', `/api/v1/users/${id}/enable`)).json<UserJson>().isActive).toBe(true);
    expect((await t.call(admin, 'POST', `/api/v1/users/${admin.userId}/disable`)).json().code).toBe('USER_SELF_CHANGE');
  });

  it('resets a password: the user must choose a new one', async () => {
    const id = await t.userId('machao');
    const res = await t.call(admin, 'POST', `/api/v1/users/${id}/reset-password`, { newPassword: 'Reset2026x' });
    expect(res.statusCode).toBe(200);
    await expect(t.login('machao')).rejects.toThrow(/401/);
    const s = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'machao', password: 'Reset2026x' });
    expect(s.json().mustChangePassword).toBe(true);
  });

  it('edits with a version and records before/after in the audit log', async () => {
    const id = await t.userId('hejun');
    const u = (await t.call(admin, 'GET', `/api/v1/users/${id}`)).json<UserJson>();
    const res = await t.call(admin, 'PATCH', `/api/v1/users/${id}`, { name: '何俊', roles: ['technician', 'outlet_manager'], version: u.version });
    expect(res.statusCode).toBe(200);
    expect(res.json<UserJson>().roles).toEqual(['outlet_manager', 'technician']);
    const stale = await t.call(admin, 'PATCH', `/api/v1/users/${id}`, { name: '旧', version: u.version });
    expect(stale.statusCode).toBe(409);
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=user&entityId=${id}&action=update`);
    const entry = audit.json().items[0];
    expect(entry.before).toMatchObject({ name: '何军', roles: ['technician'] });
    expect(entry.after).toMatchObject({ name: '何俊' });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('filters by role and searches by name or phone', async () => {
    const techs = await t.call(admin, 'GET', '/api/v1/users?role=technician&pageSize=100&sort=username');
    expect(techs.json().items.every((u: UserJson) => u.roles.includes('technician'))).toBe(true);
    expect(techs.json().total).toBeGreaterThanOrEqual(5);
    const byPhone = await t.call(admin, 'GET', '/api/v1/users?q=13880210001');
    expect(byPhone.json().items.map((u: UserJson) => u.username)).toEqual(['machao']);
  });

  it('scopes the audit log like the data', async () => {
    const east = await t.login('chenzhigang');
    const entries = await t.call(east, 'GET', '/api/v1/audit?pageSize=200');
    expect(entries.statusCode).toBe(200);
    const ids = new Set<string>(entries.json().items.map((e: { entityId: string }) => e.entityId));
    expect(ids.has(await t.userId('hejun'))).toBe(false); // 华北
    expect(ids.has(await t.userId('xuming'))).toBe(true); // 南京, created above
  });
});

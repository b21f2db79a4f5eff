import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, TEST_PASSWORD, type TestApp } from '../../test/test-app.js';

describe.each(testDialects())('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('logs in with an http-only session cookie and returns a CSRF token', async () => {
    const res = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'admin', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sht_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = res.json<{ username: string; roles: string[]; csrfToken: string }>();
    expect(me.username).toBe('admin');
    expect(me.roles).toEqual(['admin']);
    expect(me.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // The raw cookie value is never stored, only its hash.
    const stored = await t.handle.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
  });

  it('refuses wrong passwords with a localised message', async () => {
    const zh = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'zhangli', password: 'nope12345' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'nobody', password: 'nope12345' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.statusCode).toBe(401);
    expect(en.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'zhouqiang', password: 'wrong-pass1' })).statusCode).toBe(401);
    }
    const fifth = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'zhouqiang', password: 'wrong-pass1' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'zhouqiang', password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    // An admin unlocks; then the right password works again.
    const admin = await t.login('admin');
    const unlock = await t.call(admin, 'POST', `/api/v1/users/${await t.userId('zhouqiang')}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().isLocked).toBe(false);
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'zhouqiang', password: TEST_PASSWORD })).statusCode).toBe(200);
    const failures = await t.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'login_failed').execute();
    expect(failures.length).toBeGreaterThanOrEqual(5);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const s = await t.login('admin');
    const noHeader = await t.call(s, 'POST', '/api/v1/auth/tokens', { name: 'x' }, { 'x-csrf-token': '' });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('CSRF_INVALID');
    const wrong = await t.call(s, 'POST', '/api/v1/auth/tokens', { name: 'x' }, { 'x-csrf-token': 'forged-token-value-000000' });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.call(s, 'POST', '/api/v1/auth/tokens', { name: 'x' });
    expect(ok.statusCode).toBe(201);
  });

  it('rejects unauthenticated calls before looking at the body', async () => {
    const res = await t.call(null, 'POST', '/api/v1/orgs', {});
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const s = await t.login('lixiuying');
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.call(s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires idle sessions', async () => {
    const s = await t.login('sunliping');
    const longAgo = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000).toISOString();
    await t.handle.db.updateTable('sessions').set({ last_seen_at: longAgo }).where('user_id', '=', s.userId).execute();
    expect((await t.call(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(await t.handle.db.selectFrom('sessions').select('id').where('user_id', '=', s.userId).execute()).toHaveLength(0);
  });

  it('authenticates scripts with personal API tokens, without CSRF, until revoked', async () => {
    const s = await t.login('wangjianguo');
    const created = await t.call(s, 'POST', '/api/v1/auth/tokens', { name: '报表脚本', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json<{ token: string; id: string; prefix: string }>();
    expect(token.startsWith(prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ username: 'wangjianguo', csrfToken: null });
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer, payload: { name: 'second' } });
    expect(write.statusCode).toBe(201);
    const list = await t.call(s, 'GET', '/api/v1/auth/tokens');
    expect(list.json<{ name: string }[]>().map((x) => x.name).sort()).toEqual(['second', '报表脚本']);
    expect((await t.call(s, 'DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(401);
    expect((await t.call(s, 'DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
    const bogus = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer sht_nonsense' } });
    expect(bogus.statusCode).toBe(401);
  });

  it('changes the own password and ends other sessions', async () => {
    const a = await t.login('zhaomin');
    const b = await t.login('zhaomin');
    const bad = await t.call(a, 'POST', '/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'NewPass2026' });
    expect(bad.json().code).toBe('WRONG_CURRENT_PASSWORD');
    const weak = await t.call(a, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('VALIDATION_FAILED');
    const ok = await t.call(a, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPass2026' });
    expect(ok.statusCode).toBe(200);
    expect((await t.call(a, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.call(b, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.login('zhaomin')).rejects.toThrow(/401/);
    await t.login('zhaomin', 'NewPass2026');
    const hash = await t.handle.db.selectFrom('users').select('password_hash').where('username', '=', 'zhaomin').executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });
});

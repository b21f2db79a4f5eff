import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('answers health', async () => {
    const res = await t.call(null, 'GET', '/api/health');
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves OpenAPI generated from the validation schemas, and the docs UI', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/orgs/', '/api/v1/users/{id}', '/api/v1/auth/login', '/api/v1/audit/']));
    const create = spec.paths['/api/v1/orgs/']?.post?.requestBody?.content['application/json']?.schema;
    expect(create?.required).toEqual(expect.arrayContaining(['kind', 'parentId', 'code', 'name']));
    const docs = await t.call(null, 'GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API routes with a coded 404 in the caller language', async () => {
    const zh = await t.call(null, 'GET', '/api/v1/nothing-here');
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toMatchObject({ code: 'NOT_FOUND', message: '资源不存在' });
    const en = await t.call(null, 'GET', '/api/v1/nothing-here', undefined, { 'accept-language': 'en' });
    expect(en.json().message).toBe('Not found');
    expect(typeof en.json().requestId).toBe('string');
  });

  it('refuses oversized and non-JSON bodies', async () => {
    const s = await t.login('admin');
    const big = await t.call(s, 'POST', '/api/v1/auth/tokens', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const xml = await t.call(s, 'POST', '/api/v1/auth/tokens', '<name/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
  });

  it('sets protective headers', async () => {
    const res = await t.call(null, 'GET', '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
type AttachmentJson = { id: string; ownerType: string; ownerId: string; purpose: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; uploadedByName: string | null };

import { exe, multipart, pdf, png } from '../../test/test-files.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(testDialects())('attachments on %s', (dialect) => {
  let t: TestApp;
  let east: Session; // 华东 region manager
  let north: Session; // 华北 region manager: another subtree
  let eastUnit: string; // a unit of 南京宁建 (outlet o2, 华东)
  let o1Unit: string; // a unit of a customer of outlet o1 (华东)
  beforeAll(async () => {
    // Small limits so "too large" needs no big upload: 300 KB for papers, 600 KB for video.
    t = await createTestApp(dialect, { attachments: { maxBytes: 300 * 1024, videoMaxBytes: 600 * 1024 } });
    east = await t.login('chenzhigang');
    north = await t.login('liuyang');
    const unitOf = async (orgCode: string) => (await t.handle.db.selectFrom('equipment_units').innerJoin('customers', 'customers.id', 'equipment_units.customer_id')
      .innerJoin('orgs', 'orgs.id', 'customers.org_id').select('equipment_units.id').where('orgs.code', '=', orgCode).orderBy('equipment_units.serial_no').executeTakeFirstOrThrow()).id;
    eastUnit = (await t.handle.db.selectFrom('equipment_units').select('id').where('serial_no', '=', 'ZY210-2024-00123').executeTakeFirstOrThrow()).id;
    o1Unit = await unitOf('O-SZWZ');
  });
  afterAll(async () => t.close());

  async function counts() {
    const n = async (table: 'attachments' | 'attachment_chunks' | 'audit_log') =>
      Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { attachments: await n('attachments'), chunks: await n('attachment_chunks'), audit: await n('audit_log') };
  }
  const upload = (who: Session, file: Buffer, fileName: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const body = multipart([
      ...Object.entries({ ownerType: 'equipment', ownerId: eastUnit, purpose: 'invoice', ...fields }).map(([name, value]) => ({ name, value })),
      { name: 'file', file, fileName, type: 'application/pdf' }, // what the client claims is never trusted
    ]);
    return t.call(who, 'POST', '/api/v1/attachments', body.payload, { 'content-type': body.type, ...headers });
  };
  const list = (who: Session, ownerId = eastUnit) => t.call(who, 'GET', `/api/v1/attachments?ownerType=equipment&ownerId=${ownerId}`);

  it('stores a PDF invoice and a PNG warranty card, lists them and gives back the same bytes', async () => {
    const before = await counts();
    const invoice = pdf();
    const res = await upload(east, invoice, '购机发票 2025.pdf');
    expect(res.statusCode).toBe(201);
    const a = res.json<AttachmentJson>();
    expect(a).toMatchObject({ ownerType: 'equipment', ownerId: eastUnit, purpose: 'invoice', fileName: '购机发票 2025.pdf', contentType: 'application/pdf', sizeBytes: invoice.length, sha256: sha(invoice), uploadedByName: '陈志刚' });

    const card = png();
    const res2 = await upload(east, card, '三包凭证.png', { purpose: 'warranty_card' });
    expect(res2.statusCode).toBe(201);
    expect(res2.json()).toMatchObject({ contentType: 'image/png', purpose: 'warranty_card', sizeBytes: card.length });
    expect(await counts()).toEqual({ attachments: before.attachments + 2, chunks: before.chunks + 2, audit: before.audit + 2 });

    const listed = list(east);
    expect((await listed).statusCode).toBe(200);
    expect((await listed).json<{ items: AttachmentJson[] }>().items.map((i) => [i.fileName, i.purpose])).toEqual([['购机发票 2025.pdf', 'invoice'], ['三包凭证.png', 'warranty_card']]);
    expect((await t.call(east, 'GET', '/api/v1/attachments/limits')).json()).toEqual({ maxBytes: 300 * 1024, videoMaxBytes: 600 * 1024 });
    const cards = await t.call(east, 'GET', `/api/v1/attachments?ownerType=equipment&ownerId=${eastUnit}&purpose=warranty_card`);
    expect(cards.json().items).toHaveLength(1);

    const got = await t.call(east, 'GET', `/api/v1/attachments/${a.id}/content`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(invoice)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(invoice.length));
    expect(got.headers['content-disposition']).toBe(`inline; filename="____ 2025.pdf"; filename*=UTF-8''${encodeURIComponent('购机发票 2025.pdf')}`);
    expect(got.headers['cache-control']).toBe('private, max-age=86400');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const saved = await t.call(east, 'GET', `/api/v1/attachments/${a.id}/content?download=1`);
    expect(saved.headers['content-disposition']).toMatch(/^attachment; /);
    const again = await t.call(east, 'GET', `/api/v1/attachments/${a.id}/content`, undefined, { 'if-none-match': String(got.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload).toHaveLength(0);

    const audit = await t.call(east, 'GET', `/api/v1/audit?entityType=attachment&entityId=${a.id}`);
    expect(audit.json().items).toMatchObject([{ action: 'create', after: { file_name: '购机发票 2025.pdf', sha256: sha(invoice), owner_id: eastUnit } }]);
  });

  it('serves byte ranges, and takes only the purposes of the owner kind', async () => {
    const big = pdf('scan', 290 * 1024); // just under the 300 KB limit
    expect(big.length).toBeLessThan(300 * 1024);
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12), randomBytes(590 * 1024)]);
    const o1Manager = await t.login('wuhaitao');
    const before = await counts();
    // Units take no video: the purposes are the owner kind's.
    const refused = await upload(o1Manager, video, 'clip.mp4', { ownerId: o1Unit, purpose: 'video' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('ATTACHMENT_PURPOSE_NOT_ALLOWED');
    expect(await counts()).toEqual(before);

    const res = await upload(o1Manager, big, 'scan.pdf', { ownerId: o1Unit, purpose: 'document' });
    expect(res.statusCode).toBe(201);
    const id = res.json<AttachmentJson>().id;
    const whole = await t.call(o1Manager, 'GET', `/api/v1/attachments/${id}/content`);
    expect(whole.rawPayload.equals(big)).toBe(true);
    const part = await t.call(o1Manager, 'GET', `/api/v1/attachments/${id}/content`, undefined, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${big.length}`);
    expect(part.rawPayload.equals(big.subarray(100, 200))).toBe(true);
    const tail = await t.call(o1Manager, 'GET', `/api/v1/attachments/${id}/content`, undefined, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(big.subarray(big.length - 10))).toBe(true);
    expect((await t.call(o1Manager, 'GET', `/api/v1/attachments/${id}/content`, undefined, { range: `bytes=${big.length}-` })).statusCode).toBe(416);
  });

  it('splits large files into pieces and joins them back exactly', async () => {
    // Here the limit is raised so a 1.2 MB PDF fits: three 512 KB pieces.
    const wide = await createTestApp(dialect, { attachments: { maxBytes: 2 * 1024 * 1024, videoMaxBytes: 2 * 1024 * 1024 } });
    try {
      const who = await wide.login('chenzhigang');
      const unit = (await wide.handle.db.selectFrom('equipment_units').select('id').where('serial_no', '=', 'ZY210-2024-00123').executeTakeFirstOrThrow()).id;
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n%'), randomBytes(1200 * 1024)]);
      const body = multipart([{ name: 'ownerType', value: 'equipment' }, { name: 'ownerId', value: unit }, { name: 'purpose', value: 'document' }, { name: 'file', file: big, fileName: 'big.pdf' }]);
      const res = await wide.call(who, 'POST', '/api/v1/attachments', body.payload, { 'content-type': body.type });
      expect(res.statusCode).toBe(201);
      const id = res.json<AttachmentJson>().id;
      const pieces = await wide.handle.db.selectFrom('attachment_chunks').select(['seq', 'data']).where('attachment_id', '=', id).orderBy('seq').execute();
      expect(pieces.map((p) => p.data.length)).toEqual([512 * 1024, 512 * 1024, big.length - 1024 * 1024]);
      const got = await wide.call(who, 'GET', `/api/v1/attachments/${id}/content`);
      expect(got.rawPayload.equals(big)).toBe(true);
      const across = await wide.call(who, 'GET', `/api/v1/attachments/${id}/content`, undefined, { range: `bytes=${512 * 1024 - 5}-${1024 * 1024 + 4}` });
      expect(across.statusCode).toBe(206);
      expect(across.rawPayload.equals(big.subarray(512 * 1024 - 5, 1024 * 1024 + 5))).toBe(true);
    } finally {
      await wide.close();
    }
  });

  it('refuses wrong types, whatever the name says, and stores nothing', async () => {
    const before = await counts();
    const cases: [Buffer, string, Record<string, string>, number, string][] = [
      [exe(), 'invoice.pdf', {}, 415, 'ATTACHMENT_TYPE_UNRECOGNISED'],
      [Buffer.from('这不是 PDF,只是改了扩展名的文本'), '发票.pdf', {}, 415, 'ATTACHMENT_TYPE_UNRECOGNISED'],
      [pdf(), 'photo.jpg', { purpose: 'photo' }, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [png(), 'sig.png', { purpose: 'signature' }, 422, 'ATTACHMENT_PURPOSE_NOT_ALLOWED'],
      [Buffer.alloc(0), 'empty.pdf', {}, 422, 'ATTACHMENT_EMPTY'],
      [pdf(), 'x.pdf', { purpose: 'selfie' }, 400, 'ATTACHMENT_FIELDS_INVALID'],
      [pdf(), 'x.pdf', { ownerType: 'ticket' }, 400, 'ATTACHMENT_FIELDS_INVALID'],
      [pdf(), 'x.pdf', { ownerId: 'not-a-uuid' }, 400, 'ATTACHMENT_FIELDS_INVALID'],
    ];
    for (const [file, name, fields, status, code] of cases) {
      const res = await upload(east, file, name, fields);
      expect([name, res.statusCode, res.json().code]).toEqual([name, status, code]);
    }
    const wrong = await upload(east, pdf(), 'photo.jpg', { purpose: 'photo' }, { 'accept-language': 'en' });
    expect(wrong.json().message).toBe('A photo file must be JPEG/PNG/WebP; this file is PDF');
    expect((await upload(east, exe(), 'a.pdf')).json().message).toMatch(/^无法识别的文件类型/);
    expect(await counts()).toEqual(before);
  });

  it('refuses files over the limit with 413, within and beyond the parser cap, storing nothing', async () => {
    const before = await counts();
    const over = await upload(east, pdf('big', 400 * 1024), 'big.pdf'); // over 300 KB, under the 600 KB parser cap
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: '文件超过 0.3 MB 上限' });
    const huge = await upload(east, pdf('huge', 900 * 1024), 'huge.pdf'); // cut off by the parser
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('answers over a real connection, refusals included, while the browser is still sending', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const send = async (ownerId: string, file: Buffer) => {
      const form = new FormData();
      form.append('ownerType', 'equipment');
      form.append('ownerId', ownerId);
      form.append('purpose', 'document');
      form.append('file', new Blob([file]), '扫描件.pdf');
      const res = await fetch(`${address}/api/v1/attachments`, { method: 'POST', body: form, headers: { cookie: east.cookie, 'x-csrf-token': east.csrf } });
      return { status: res.status, body: (await res.json()) as { code?: string; fileName?: string } };
    };
    const before = await counts();
    expect(await send(crypto.randomUUID(), pdf('x', 250 * 1024))).toMatchObject({ status: 404, body: { code: 'ATTACHMENT_OWNER_NOT_FOUND' } });
    expect(await send(eastUnit, pdf('x', 2 * 1024 * 1024))).toMatchObject({ status: 413, body: { code: 'ATTACHMENT_TOO_LARGE' } });
    expect(await counts()).toEqual(before);
    expect(await send(eastUnit, pdf('x', 100 * 1024))).toMatchObject({ status: 201, body: { fileName: '扫描件.pdf' } });
  });

  it('needs a multipart body with the fields before the file', async () => {
    const before = await counts();
    const json = await t.call(east, 'POST', '/api/v1/attachments', { ownerType: 'equipment' });
    expect([json.statusCode, json.json().code]).toEqual([400, 'ATTACHMENT_FILE_MISSING']);
    const late = multipart([{ name: 'file', file: pdf(), fileName: 'x.pdf' }, { name: 'ownerType', value: 'equipment' }, { name: 'ownerId', value: eastUnit }, { name: 'purpose', value: 'invoice' }]);
    const res = await t.call(east, 'POST', '/api/v1/attachments', late.payload, { 'content-type': late.type });
    expect([res.statusCode, res.json().code]).toEqual([400, 'ATTACHMENT_FIELDS_INVALID']);
    expect(await counts()).toEqual(before);
  });

  it('hides another subtree\'s files (404) and needs the owner\'s write permission to change them (403)', async () => {
    const mine = (await list(east)).json<{ items: AttachmentJson[] }>().items[0];
    if (!mine) throw new Error('no attachment from the first test');
    const o1Manager = await t.login('wuhaitao');
    const tech = await t.login('huanglei');
    const before = await counts(); // logging in is audited too
    expect((await list(north)).statusCode).toBe(404);
    expect((await list(north)).json().code).toBe('ATTACHMENT_OWNER_NOT_FOUND');
    expect((await t.call(north, 'GET', `/api/v1/attachments/${mine.id}/content`)).statusCode).toBe(404);
    expect((await t.call(north, 'DELETE', `/api/v1/attachments/${mine.id}`)).statusCode).toBe(404);
    expect((await upload(north, pdf(), 'x.pdf')).statusCode).toBe(404);
    // An outlet sees its own customers' units, not a sibling outlet's.
    expect((await list(o1Manager)).statusCode).toBe(404);
    expect((await list(o1Manager, o1Unit)).statusCode).toBe(200);
    // A technician reads units but does not change their papers.
    expect((await list(tech, o1Unit)).statusCode).toBe(200);
    const techUpload = await upload(tech, pdf(), 'x.pdf', { ownerId: o1Unit });
    expect([techUpload.statusCode, techUpload.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.call(null, 'GET', `/api/v1/attachments/${mine.id}/content`)).statusCode).toBe(401);
    expect((await t.call(east, 'GET', `/api/v1/attachments/${crypto.randomUUID()}/content`)).statusCode).toBe(404);
    expect((await upload(east, pdf(), 'x.pdf', { ownerId: crypto.randomUUID() })).json().code).toBe('ATTACHMENT_OWNER_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('is described in OpenAPI', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/attachments/', '/api/v1/attachments/{id}/content', '/api/v1/attachments/{id}', '/api/v1/attachments/limits']));
    expect(Object.keys(spec.paths['/api/v1/attachments/'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('deletes (softly, audited): gone from the list and the content, once', async () => {
    const [first] = (await list(east)).json<{ items: AttachmentJson[] }>().items;
    if (!first) throw new Error('no attachment from the first test');
    const noCsrf = await t.call(east, 'DELETE', `/api/v1/attachments/${first.id}`, undefined, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.statusCode).toBe(403);
    const res = await t.call(east, 'DELETE', `/api/v1/attachments/${first.id}`);
    expect(res.statusCode).toBe(204);
    expect((await list(east)).json<{ items: AttachmentJson[] }>().items.map((i) => i.id)).not.toContain(first.id);
    expect((await t.call(east, 'GET', `/api/v1/attachments/${first.id}/content`)).statusCode).toBe(404);
    expect((await t.call(east, 'DELETE', `/api/v1/attachments/${first.id}`)).statusCode).toBe(404);
    const row = await t.handle.db.selectFrom('attachments').select(['deleted_at', 'deleted_by']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by).toBe(east.userId);
    const audit = await t.call(east, 'GET', `/api/v1/audit?entityType=attachment&entityId=${first.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });
});

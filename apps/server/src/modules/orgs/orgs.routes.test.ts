import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tableCounts, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type OrgJson = { id: string; parentId: string | null; code: string; name: string; version: number; isActive: boolean; depth: number };

describe.each(testDialects())('orgs on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('creates a region and an outlet under it, with an audit entry', async () => {
    const hq = await t.orgId('HQ');
    const region = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'region', parentId: hq, code: 'R-SOUTH', name: '华南服务中心', province: '广东省', city: '广州市', serviceLevel: 'A' });
    expect(region.statusCode).toBe(201);
    const r = region.json<OrgJson>();
    expect(r).toMatchObject({ parentId: hq, code: 'R-SOUTH', depth: 1, isActive: true, version: 1 });
    const outlet = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: r.id, code: 'O-GZPY', name: '广州番禺服务站' });
    expect(outlet.statusCode).toBe(201);
    expect(outlet.json<OrgJson>().depth).toBe(2);
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=org&entityId=${r.id}`);
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', actorName: '系统管理员', after: { code: 'R-SOUTH' } });
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await tableCounts(t);
    const hq = await t.orgId('HQ');
    const cases: [unknown, string][] = [
      [{}, 'code'],
      [{ kind: 'region', parentId: hq, code: 'R-X', name: 42 }, 'name'],
      [{ kind: 'region', parentId: hq, code: 'R-X', name: '长'.repeat(101) }, 'name'],
      [{ kind: 'region', parentId: 'not-a-uuid', code: 'R-X', name: '区' }, 'parentId'],
      [{ kind: 'planet', parentId: hq, code: 'R-X', name: '区' }, 'kind'],
      [{ kind: 'region', parentId: hq, code: 'R X!', name: '区' }, 'code'],
      [{ kind: 'region', parentId: hq, code: 'R-X', name: '区', serviceLevel: 'Z' }, 'serviceLevel'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call(admin, 'POST', '/api/v1/orgs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const json = res.json<{ code: string; details: { issues: { path: (string | number)[]; message: string }[] } }>();
      expect(json.code).toBe('VALIDATION_FAILED');
      expect(json.details.issues.some((i) => i.path.includes(field))).toBe(true);
    }
    const bad = await t.call(admin, 'POST', '/api/v1/orgs', '{"kind": "region",', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('enforces the tree rules: parent kinds, unique codes, unknown ids', async () => {
    const before = await tableCounts(t);
    const outletId = await t.orgId('O-SZWZ');
    const underOutlet = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: outletId, code: 'O-NEW', name: '新网点' });
    expect(underOutlet.statusCode).toBe(422);
    expect(underOutlet.json().code).toBe('ORG_INVALID_PARENT');
    const dup = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: await t.orgId('R-EAST'), code: 'O-SZWZ', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ORG_CODE_TAKEN', message: '组织编码 O-SZWZ 已被使用' });
    const unknown = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'region', parentId: '00000000-0000-4000-8000-000000000000', code: 'R-Q', name: '区' });
    expect(unknown.statusCode).toBe(404);
    expect((await t.call(admin, 'GET', '/api/v1/orgs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('has departments and project teams that receive work like any unit', async () => {
    const dept = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'department', parentId: await t.orgId('HQ'), code: 'D-TECH', name: '技术部' });
    expect(dept.statusCode).toBe(201);
    expect(dept.json()).toMatchObject({ kind: 'department', parentId: await t.orgId('HQ') });
    const team = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'project_team', parentId: await t.orgId('O-SZWZ'), code: 'P-ZS', name: '张三合作社项目组' });
    expect(team.statusCode).toBe(201);
    const before = await tableCounts(t);
    const underDept = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: dept.json().id, code: 'O-BAD', name: '错位网点' });
    expect(underDept.statusCode).toBe(422);
    expect(underDept.json().code).toBe('ORG_INVALID_PARENT');
    const deptUnderOutlet = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'department', parentId: await t.orgId('O-SZWZ'), code: 'D-BAD', name: '错位部门' });
    expect(deptUnderOutlet.statusCode).toBe(422);
    expect(await tableCounts(t)).toEqual(before);
    const listed = await t.call(admin, 'GET', '/api/v1/orgs?kind=project_team');
    expect(listed.json().items.map((o: { code: string }) => o.code)).toEqual(['P-ZS']);
  });

  it('never moves a node under itself or its own child', async () => {
    const east = await t.orgId('R-EAST');
    const child = await t.orgId('O-SZWZ');
    const before = await tableCounts(t);
    const res = await t.call(admin, 'POST', `/api/v1/orgs/${east}/move`, { parentId: child });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ORG_MOVE_CYCLE');
    const self = await t.call(admin, 'POST', `/api/v1/orgs/${east}/move`, { parentId: east });
    expect(self.json().code).toBe('ORG_MOVE_CYCLE');
    const root = await t.call(admin, 'POST', `/api/v1/orgs/${await t.orgId('HQ')}/move`, { parentId: east });
    expect(root.json().code).toBe('ORG_ROOT_IMMUTABLE');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('moves an outlet to another region: paths, scope and audit follow', async () => {
    const outlet = await t.orgId('O-HZXS');
    const north = await t.orgId('R-NORTH');
    const moved = await t.call(admin, 'POST', `/api/v1/orgs/${outlet}/move`, { parentId: north });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<OrgJson>().parentId).toBe(north);
    const row = await t.handle.db.selectFrom('orgs').select('path').where('id', '=', outlet).executeTakeFirstOrThrow();
    expect(row.path.endsWith(`/${north}/${outlet}/`)).toBe(true);
    // The north manager now sees it, the east manager no longer does.
    const northMgr = await t.login('liuyang');
    const eastMgr = await t.login('chenzhigang');
    expect((await t.call(northMgr, 'GET', `/api/v1/orgs/${outlet}`)).statusCode).toBe(200);
    expect((await t.call(eastMgr, 'GET', `/api/v1/orgs/${outlet}`)).statusCode).toBe(404);
    const audit = await t.call(northMgr, 'GET', `/api/v1/audit?entityId=${outlet}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('move');
  });

  it('updates with optimistic locking', async () => {
    const id = await t.orgId('O-BDQY');
    const current = (await t.call(admin, 'GET', `/api/v1/orgs/${id}`)).json<OrgJson>();
    const ok = await t.call(admin, 'PATCH', `/api/v1/orgs/${id}`, { name: '保定清苑特约服务站', version: current.version });
    expect(ok.statusCode).toBe(200);
    // Only the name changes: the outlet keeps its class C service level (no create default applied).
    expect(ok.json()).toMatchObject({ name: '保定清苑特约服务站', serviceLevel: 'C', version: current.version + 1 });
    const stale = await t.call(admin, 'PATCH', `/api/v1/orgs/${id}`, { name: '旧版本', version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await t.call(admin, 'GET', `/api/v1/orgs/${id}`)).json<OrgJson>().name).toBe('保定清苑特约服务站');
  });

  it('deactivates only what nothing active depends on, and never deletes', async () => {
    const region = await t.orgId('R-SW');
    const blocked = await t.call(admin, 'POST', `/api/v1/orgs/${region}/deactivate`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    const outletWithStaff = await t.orgId('O-CDSL');
    expect((await t.call(admin, 'POST', `/api/v1/orgs/${outletWithStaff}/deactivate`)).json().code).toBe('ORG_HAS_ACTIVE_USERS');
    const empty = await t.orgId('O-MYFC');
    const off = await t.call(admin, 'POST', `/api/v1/orgs/${empty}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json<OrgJson>().isActive).toBe(false);
    const child = await t.call(admin, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: empty, code: 'O-UNDER', name: '不行' });
    expect(child.statusCode).toBe(422);
    const list = await t.call(admin, 'GET', '/api/v1/orgs?isActive=false');
    expect(list.json().items.map((o: OrgJson) => o.code)).toEqual(['O-MYFC']);
    expect((await t.call(admin, 'POST', `/api/v1/orgs/${empty}/activate`)).json<OrgJson>().isActive).toBe(true);
  });

  it('lists with server-side paging, sorting and filtering', async () => {
    const page1 = await t.call(admin, 'GET', '/api/v1/orgs?kind=outlet&sort=code&order=desc&pageSize=3&page=1');
    const body = page1.json<{ items: OrgJson[]; total: number; page: number; pageSize: number }>();
    expect(body.total).toBe(9);
    expect(body.items.map((o) => o.code)).toEqual(['O-TJWQ', 'O-SZWZ', 'O-SJZGC']);
    const page3 = await t.call(admin, 'GET', '/api/v1/orgs?kind=outlet&sort=code&order=desc&pageSize=3&page=3');
    expect(page3.json().items).toHaveLength(3);
    const beyond = await t.call(admin, 'GET', '/api/v1/orgs?kind=outlet&pageSize=3&page=99');
    expect(beyond.json()).toMatchObject({ items: [], total: 9, page: 99 });
    const none = await t.call(admin, 'GET', '/api/v1/orgs?q=no-such-org');
    expect(none.json()).toMatchObject({ items: [], total: 0 });
    const search = await t.call(admin, 'GET', `/api/v1/orgs?q=${encodeURIComponent('成都')}`);
    expect(search.json().items.map((o: OrgJson) => o.code).sort()).toEqual(['O-CDSL', 'R-SW']);
    expect((await t.call(admin, 'GET', '/api/v1/orgs?sort=password')).statusCode).toBe(400);
    expect((await t.call(admin, 'GET', '/api/v1/orgs?pageSize=1000')).statusCode).toBe(400);
  });

  it('scopes reads and writes to the caller subtree', async () => {
    const mgr = await t.login('yangfan'); // 西南服务中心
    const list = await t.call(mgr, 'GET', '/api/v1/orgs?pageSize=100');
    expect(list.json().items.map((o: OrgJson) => o.code).sort()).toEqual(['O-CDSL', 'O-MYFC', 'R-SW']);
    const tree = await t.call(mgr, 'GET', '/api/v1/orgs/tree');
    expect(tree.json()).toHaveLength(1);
    expect(tree.json()[0].code).toBe('R-SW');
    const east = await t.orgId('R-EAST');
    expect((await t.call(mgr, 'GET', `/api/v1/orgs/${east}`)).statusCode).toBe(404);
    const foreign = await t.call(mgr, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: east, code: 'O-SNEAK', name: '越权' });
    expect(foreign.statusCode).toBe(404);
    const own = await t.call(mgr, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: await t.orgId('R-SW'), code: 'O-CQYB', name: '重庆渝北服务站' });
    expect(own.statusCode).toBe(201);
    const selfEdit = await t.call(mgr, 'PATCH', `/api/v1/orgs/${await t.orgId('R-SW')}`, { name: '改名', version: 1 });
    expect(selfEdit.statusCode).toBe(403);
    const tech = await t.login('machao');
    const denied = await t.call(tech, 'POST', '/api/v1/orgs', { kind: 'outlet', parentId: await t.orgId('R-SW'), code: 'O-T', name: '技师' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
  });
});

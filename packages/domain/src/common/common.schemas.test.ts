import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listQuerySchema, patchSchema, phoneSchema, pickLocale } from './common.schemas.js';
import { updateOrgSchema } from '../orgs/orgs.schemas.js';
import { updateSlaPolicySchema } from '../workorders/workorders.schemas.js';
import { updateComplaintRuleSchema } from '../workorders/workorders.complaints.js';
import { buildOrgTree, canBeChildOf, type Org } from '../orgs/orgs.schemas.js';

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'zh-CN'],
    ['en;q=0.4,zh-TW;q=0.6', 'zh-CN'],
    ['zh;q=0,en', 'en'],
  ])('%s → %s', (header, want) => {
    expect(pickLocale(header)).toBe(want);
  });
});

describe('phone numbers', () => {
  it.each(['13912345678', '+8613912345678', '025-52761234', '0311-86012345', '400-820-1888'])('accepts %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(true);
  });
  it.each(['12345', '23912345678', '1391234567', 'abc', '139123456789'])('refuses %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(false);
  });
});

describe('list queries', () => {
  const schema = listQuerySchema(['name', 'code'] as const);
  it('defaults page 1 of 20, ascending', () => {
    expect(schema.parse({})).toEqual({ page: 1, pageSize: 20, order: 'asc' });
  });
  it('coerces query strings and refuses unknown sorts and huge pages', () => {
    expect(schema.parse({ page: '3', pageSize: '50', sort: 'code', order: 'desc' })).toMatchObject({ page: 3, pageSize: 50, sort: 'code', order: 'desc' });
    expect(schema.safeParse({ sort: 'password' }).success).toBe(false);
    expect(schema.safeParse({ pageSize: '201' }).success).toBe(false);
    expect(schema.safeParse({ page: '0' }).success).toBe(false);
  });
});

describe('org tree', () => {
  const org = (id: string, parentId: string | null, code: string): Org => ({
    id, parentId, code, kind: parentId ? 'outlet' : 'hq', name: code, province: null, city: null, address: null, contactName: null,
    contactPhone: null, serviceLevel: 'B', isActive: true, depth: 0, version: 1, createdAt: '', updatedAt: '',
  });
  it('builds a sorted forest from any order, with orphans as roots (a scoped subtree)', () => {
    const tree = buildOrgTree([org('c', 'a', 'B2'), org('a', null, 'A'), org('b', 'a', 'B1'), org('x', 'missing', 'X')]);
    expect(tree.map((n) => n.code)).toEqual(['A', 'X']);
    expect(tree[0]?.children.map((n) => n.code)).toEqual(['B1', 'B2']);
  });
  it('knows which kinds may sit under which', () => {
    expect(canBeChildOf('region', 'hq')).toBe(true);
    expect(canBeChildOf('outlet', 'region')).toBe(true);
    expect(canBeChildOf('outlet', 'outlet')).toBe(false);
    expect(canBeChildOf('region', 'region')).toBe(false);
    expect(canBeChildOf('hq', 'hq')).toBe(false);
    expect(canBeChildOf('department', 'hq')).toBe(true);
    expect(canBeChildOf('department', 'region')).toBe(true);
    expect(canBeChildOf('department', 'outlet')).toBe(false);
    expect(canBeChildOf('project_team', 'outlet')).toBe(true);
    expect(canBeChildOf('outlet', 'department')).toBe(false);
    expect(canBeChildOf('region', 'project_team')).toBe(false);
  });
});

describe('patchSchema', () => {
  const create = z.object({ name: z.string().min(1), level: z.enum(['A', 'B']).default('B'), active: z.boolean().default(true) });
  it('leaves out what the client left out, instead of the create defaults', () => {
    expect(patchSchema(create).parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(patchSchema(create).parse({})).toEqual({});
    expect(patchSchema(create).parse({ active: false })).toEqual({ active: false });
  });
  it('still validates what is sent', () => {
    expect(patchSchema(create).safeParse({ name: '' }).success).toBe(false);
    expect(patchSchema(create).safeParse({ level: 'Z' }).success).toBe(false);
  });
  it('keeps service level, 7×24, warn share and active out of partial updates', () => {
    expect(updateOrgSchema.parse({ name: '新名', version: 1 })).toEqual({ name: '新名', version: 1 });
    expect(updateSlaPolicySchema.parse({ responseMinutes: 10, version: 1 })).toEqual({ responseMinutes: 10, version: 1 });
    expect(updateComplaintRuleSchema.parse({ name: '规则', version: 1 })).toEqual({ name: '规则', version: 1 });
  });
});

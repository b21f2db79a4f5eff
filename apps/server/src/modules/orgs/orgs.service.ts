import {
  buildOrgTree, canBeChildOf, childPath, isDescendantPath, isPathInScope,
  type CreateOrgInput, type ListOrgsQuery, type Org, type OrgTreeNode, type Page, type UpdateOrgInput,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { forgetAll } from '../auth/actor-cache.js';
import { orgErrors } from './orgs.errors.js';
import * as repo from './orgs.repository.js';
import type { OrgRow } from './orgs.repository.js';

export function toOrg(r: OrgRow): Org {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    province: r.province,
    city: r.city,
    address: r.address,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    serviceLevel: r.service_level,
    isActive: Boolean(r.is_active),
    depth: r.depth,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Scoped read: an org outside the caller's subtree is reported as missing (404), never shown. */
export async function getOrgRow(db: Db, ctx: ServiceContext, id: string): Promise<OrgRow> {
  const row = await repo.findOrg(db, ctx.actor.scope, id);
  if (!row) throw orgErrors.ORG_NOT_FOUND();
  return row;
}

export async function getOrg(db: Db, ctx: ServiceContext, id: string): Promise<Org> {
  return toOrg(await getOrgRow(db, ctx, id));
}

export async function listOrgs(db: Db, ctx: ServiceContext, q: ListOrgsQuery): Promise<Page<Org>> {
  const { rows, total } = await repo.listOrgs(db, ctx.actor.scope, q);
  return { items: rows.map(toOrg), total, page: q.page, pageSize: q.pageSize };
}

export async function getOrgTree(db: Db, ctx: ServiceContext): Promise<OrgTreeNode[]> {
  return buildOrgTree((await repo.listAllInScope(db, ctx.actor.scope)).map(toOrg));
}

// A manager edits what is below them; only admins (scope all) may edit the node they sit on.
function assertManageable(ctx: ServiceContext, row: OrgRow) {
  if (!ctx.actor.scope.all && row.id === ctx.actor.orgId) throw orgErrors.ORG_OUT_OF_SCOPE();
}

async function assertCodeFree(db: Db, code: string, exceptId?: string) {
  const other = await repo.findOrgByCode(db, code);
  if (other && other.id !== exceptId) throw orgErrors.ORG_CODE_TAKEN({ code });
}

export async function createOrg(db: Db, ctx: ServiceContext, input: CreateOrgInput): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const parent = await repo.findOrg(trx, ctx.actor.scope, input.parentId);
    if (!parent) throw orgErrors.ORG_PARENT_NOT_FOUND();
    if (!parent.is_active) throw orgErrors.ORG_PARENT_INACTIVE();
    if (!canBeChildOf(input.kind, parent.kind)) throw orgErrors.ORG_INVALID_PARENT({ kind: input.kind, parentKind: parent.kind });
    await assertCodeFree(trx, input.code);
    const id = newId();
    const now = ctx.now.toISOString();
    const row: OrgRow = {
      id,
      parent_id: parent.id,
      path: childPath(parent.path, id),
      depth: parent.depth + 1,
      kind: input.kind,
      code: input.code,
      name: input.name,
      province: input.province ?? null,
      city: input.city ?? null,
      address: input.address ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      service_level: input.serviceLevel,
      is_active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertOrg(trx, row);
    const org = toOrg(row);
    await recordAudit(trx, ctx, { entityType: 'org', entityId: id, orgPath: row.path, action: 'create', after: org });
    return org;
  });
}

export async function updateOrg(db: Db, ctx: ServiceContext, id: string, input: UpdateOrgInput): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const row = await getOrgRow(trx, ctx, id);
    assertManageable(ctx, row);
    if (input.code !== undefined && input.code !== row.code) await assertCodeFree(trx, input.code, id);
    const patch: Partial<OrgRow> = { updated_at: ctx.now.toISOString() };
    if (input.code !== undefined) patch.code = input.code;
    if (input.name !== undefined) patch.name = input.name;
    if (input.province !== undefined) patch.province = input.province || null;
    if (input.city !== undefined) patch.city = input.city || null;
    if (input.address !== undefined) patch.address = input.address || null;
    if (input.contactName !== undefined) patch.contact_name = input.contactName || null;
    if (input.contactPhone !== undefined) patch.contact_phone = input.contactPhone || null;
    if (input.serviceLevel !== undefined) patch.service_level = input.serviceLevel;
    if (!(await repo.updateOrg(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    const after = await getOrgRow(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'org', entityId: id, orgPath: after.path, action: 'update', before: toOrg(row), after: toOrg(after) });
    return toOrg(after);
  });
}

export async function moveOrg(db: Db, ctx: ServiceContext, id: string, parentId: string): Promise<Org> {
  const result = await db.transaction().execute(async (trx) => {
    const row = await getOrgRow(trx, ctx, id);
    if (row.parent_id === null) throw orgErrors.ORG_ROOT_IMMUTABLE();
    assertManageable(ctx, row);
    const parent = await repo.findOrg(trx, ctx.actor.scope, parentId);
    if (!parent) throw orgErrors.ORG_PARENT_NOT_FOUND();
    if (isDescendantPath(row.path, parent.path)) throw orgErrors.ORG_MOVE_CYCLE();
    if (!parent.is_active) throw orgErrors.ORG_PARENT_INACTIVE();
    if (!canBeChildOf(row.kind, parent.kind)) throw orgErrors.ORG_INVALID_PARENT({ kind: row.kind, parentKind: parent.kind });
    if (parent.id === row.parent_id) return toOrg(row);
    const newPath = childPath(parent.path, row.id);
    const now = ctx.now.toISOString();
    if (!(await repo.updateOrg(trx, id, row.version, { parent_id: parent.id, updated_at: now }))) throw httpErrors.VERSION_CONFLICT();
    await repo.rewriteSubtreePaths(trx, row.path, newPath, parent.depth + 1 - row.depth, now);
    const after = await getOrgRow(trx, ctx, id);
    await recordAudit(trx, ctx, {
      entityType: 'org', entityId: id, orgPath: after.path, action: 'move',
      before: { parentId: row.parent_id }, after: { parentId: parent.id },
    });
    return toOrg(after);
  });
  forgetAll();
  return result;
}

export async function setOrgActive(db: Db, ctx: ServiceContext, id: string, active: boolean): Promise<Org> {
  const result = await db.transaction().execute(async (trx) => {
    const row = await getOrgRow(trx, ctx, id);
    if (row.parent_id === null) throw orgErrors.ORG_ROOT_IMMUTABLE();
    assertManageable(ctx, row);
    if (Boolean(row.is_active) === active) return toOrg(row);
    if (active) {
      const parent = row.parent_id ? await repo.findOrg(trx, { all: true }, row.parent_id) : undefined;
      if (parent && !parent.is_active) throw orgErrors.ORG_PARENT_INACTIVE();
    } else {
      // Nothing is orphaned: children and staff must be handled first.
      const children = await repo.countActiveChildren(trx, id);
      if (children > 0) throw orgErrors.ORG_HAS_ACTIVE_CHILDREN({ count: children });
      const users = await repo.countActiveUsers(trx, id);
      if (users > 0) throw orgErrors.ORG_HAS_ACTIVE_USERS({ count: users });
    }
    const now = ctx.now.toISOString();
    if (!(await repo.updateOrg(trx, id, row.version, { is_active: active ? 1 : 0, updated_at: now }))) throw httpErrors.VERSION_CONFLICT();
    await recordAudit(trx, ctx, {
      entityType: 'org', entityId: id, orgPath: row.path, action: active ? 'activate' : 'deactivate',
      before: { isActive: !active }, after: { isActive: active },
    });
    return toOrg({ ...row, is_active: active ? 1 : 0, version: row.version + 1, updated_at: now });
  });
  forgetAll();
  return result;
}

export function isOrgInScope(ctx: ServiceContext, row: Pick<OrgRow, 'path'>): boolean {
  return isPathInScope(ctx.actor.scope, row.path);
}

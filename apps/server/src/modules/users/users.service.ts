import {
  canGrantRoles, grantableRoles, type CreateUserInput, type ListUsersQuery, type Page, type Role, type UpdateUserInput, type User,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.crypto.js';
import { deleteUserSessions, listRoles } from '../auth/auth.repository.js';
import { forgetUser } from '../auth/actor-cache.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { userErrors } from './users.errors.js';
import * as repo from './users.repository.js';
import type { UserRow } from './users.repository.js';

function toUser(r: UserRow, roles: string[], now: Date): User {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    phone: r.phone,
    email: r.email,
    orgId: r.org_id,
    orgName: r.org_name,
    roles: roles as Role[],
    isActive: Boolean(r.is_active),
    isLocked: r.locked_until !== null && r.locked_until > now.toISOString(),
    lastLoginAt: r.last_login_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function loadUser(db: Db, ctx: ServiceContext, id: string): Promise<{ row: UserRow; roles: string[] }> {
  const row = await repo.findUser(db, ctx.actor.scope, id);
  if (!row) throw userErrors.USER_NOT_FOUND();
  const roles = (await listRoles(db, [id])).get(id) ?? [];
  return { row, roles };
}

export async function getUser(db: Db, ctx: ServiceContext, id: string): Promise<User> {
  const { row, roles } = await loadUser(db, ctx, id);
  return toUser(row, roles, ctx.now);
}

export async function listUsers(db: Db, ctx: ServiceContext, q: ListUsersQuery): Promise<Page<User>> {
  const { rows, total } = await repo.listUsers(db, ctx.actor.scope, q);
  const roles = await listRoles(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toUser(r, roles.get(r.id) ?? [], ctx.now)), total, page: q.page, pageSize: q.pageSize };
}

function assertGrantable(ctx: ServiceContext, roles: readonly Role[]) {
  if (!canGrantRoles(ctx.actor.roles, roles)) {
    const allowed = grantableRoles(ctx.actor.roles);
    throw userErrors.ROLE_NOT_GRANTABLE({ roles: roles.filter((r) => !allowed.has(r)).join(', ') });
  }
}

// "You can manage a user only if you could have created them."
function assertManageable(ctx: ServiceContext, roles: readonly string[]) {
  if (!canGrantRoles(ctx.actor.roles, roles as Role[])) throw userErrors.USER_NOT_MANAGEABLE();
}

async function scopedActiveOrg(db: Db, ctx: ServiceContext, orgId: string) {
  const org = await findOrg(db, ctx.actor.scope, orgId);
  if (!org) throw orgErrors.ORG_NOT_FOUND();
  if (!org.is_active) throw userErrors.USER_ORG_INACTIVE();
  return org;
}

export async function createUser(db: Db, ctx: ServiceContext, input: CreateUserInput): Promise<User> {
  assertGrantable(ctx, input.roles);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const org = await scopedActiveOrg(trx, ctx, input.orgId);
    if (await repo.findUserIdByUsername(trx, input.username)) throw userErrors.USERNAME_TAKEN({ username: input.username });
    const now = ctx.now.toISOString();
    const id = newId();
    await repo.insertUser(trx, {
      id, org_id: org.id, username: input.username, name: input.name, phone: input.phone ?? null, email: input.email ?? null,
      password_hash: passwordHash, is_active: 1, must_change_password: 1, failed_logins: 0, locked_until: null,
      last_login_at: null, version: 1, created_at: now, updated_at: now,
    }, input.roles);
    const user = await getUser(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'user', entityId: id, orgPath: org.path, action: 'create', after: user });
    return user;
  });
}

export async function updateUser(db: Db, ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<User> {
  const result = await db.transaction().execute(async (trx) => {
    const { row, roles } = await loadUser(trx, ctx, id);
    assertManageable(ctx, roles);
    const before = toUser(row, roles, ctx.now);
    const patch: Parameters<typeof repo.updateUser>[3] = { updated_at: ctx.now.toISOString() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.email !== undefined) patch.email = input.email;
    let orgPath = row.org_path;
    if (input.orgId !== undefined && input.orgId !== row.org_id) {
      const org = await scopedActiveOrg(trx, ctx, input.orgId);
      patch.org_id = org.id;
      orgPath = org.path;
    }
    const rolesChanged = input.roles !== undefined && [...input.roles].sort().join() !== [...roles].sort().join();
    if (rolesChanged && id === ctx.actor.userId) throw userErrors.USER_SELF_CHANGE();
    if (rolesChanged && input.roles) assertGrantable(ctx, input.roles);
    if (!(await repo.updateUser(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    if (rolesChanged && input.roles) await repo.replaceRoles(trx, id, input.roles);
    const after = await getUser(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'user', entityId: id, orgPath, action: 'update', before, after });
    return after;
  });
  forgetUser(id);
  return result;
}

export async function setUserActive(db: Db, ctx: ServiceContext, id: string, active: boolean): Promise<User> {
  const result = await db.transaction().execute(async (trx) => {
    const { row, roles } = await loadUser(trx, ctx, id);
    assertManageable(ctx, roles);
    if (id === ctx.actor.userId) throw userErrors.USER_SELF_CHANGE();
    if (Boolean(row.is_active) === active) return toUser(row, roles, ctx.now);
    if (!(await repo.updateUser(trx, id, row.version, { is_active: active ? 1 : 0, updated_at: ctx.now.toISOString() }))) {
      throw httpErrors.VERSION_CONFLICT();
    }
    if (!active) await deleteUserSessions(trx, id);
    await recordAudit(trx, ctx, {
      entityType: 'user', entityId: id, orgPath: row.org_path, action: active ? 'activate' : 'deactivate',
      before: { isActive: !active }, after: { isActive: active },
    });
    return getUser(trx, ctx, id);
  });
  forgetUser(id);
  return result;
}

export async function resetPassword(db: Db, ctx: ServiceContext, id: string, newPassword: string): Promise<User> {
  const passwordHash = await hashPassword(newPassword);
  const result = await db.transaction().execute(async (trx) => {
    const { row, roles } = await loadUser(trx, ctx, id);
    assertManageable(ctx, roles);
    // The user must choose their own password at next login; open sessions end now.
    const patch = { password_hash: passwordHash, must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: ctx.now.toISOString() };
    if (!(await repo.updateUser(trx, id, row.version, patch))) throw httpErrors.VERSION_CONFLICT();
    await deleteUserSessions(trx, id);
    await recordAudit(trx, ctx, { entityType: 'user', entityId: id, orgPath: row.org_path, action: 'password_reset' });
    return getUser(trx, ctx, id);
  });
  forgetUser(id);
  return result;
}

export async function unlockUser(db: Db, ctx: ServiceContext, id: string): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const { row, roles } = await loadUser(trx, ctx, id);
    assertManageable(ctx, roles);
    if (!(await repo.updateUser(trx, id, row.version, { failed_logins: 0, locked_until: null, updated_at: ctx.now.toISOString() }))) {
      throw httpErrors.VERSION_CONFLICT();
    }
    await recordAudit(trx, ctx, { entityType: 'user', entityId: id, orgPath: row.org_path, action: 'update', before: { lockedUntil: row.locked_until }, after: { lockedUntil: null } });
    return getUser(trx, ctx, id);
  });
}

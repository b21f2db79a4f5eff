import type { ListUsersQuery, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { UsersTable } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';
import { fetchPage } from '../../db/paging.js';

const userColumns = [
  'users.id', 'users.org_id', 'users.username', 'users.name', 'users.phone', 'users.email', 'users.is_active',
  'users.locked_until', 'users.last_login_at', 'users.version', 'users.created_at', 'users.updated_at',
  'orgs.name as org_name', 'orgs.path as org_path',
] as const;

function scopedUsers(db: Db, scope: Scope) {
  return db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id').where((eb) => inScope(eb, 'orgs.path', scope));
}

export function findUser(db: Db, scope: Scope, id: string) {
  return scopedUsers(db, scope).select(userColumns).where('users.id', '=', id).executeTakeFirst();
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function findUserIdByUsername(db: Db, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

const sortColumns = {
  username: 'users.username',
  name: 'users.name',
  createdAt: 'users.created_at',
  lastLoginAt: 'users.last_login_at',
} as const;

export async function listUsers(db: Db, scope: Scope, q: ListUsersQuery) {
  let base = scopedUsers(db, scope);
  if (q.orgId) base = base.where('users.org_id', '=', q.orgId);
  if (q.isActive !== undefined) base = base.where('users.is_active', '=', q.isActive ? 1 : 0);
  if (q.role) {
    const role = q.role;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', '=', role)),
    );
  }
  if (q.q) {
    const like = `%${q.q}%`;
    base = base.where((eb) => eb.or([eb('users.name', 'like', like), eb('users.username', 'like', like), eb('users.phone', 'like', like)]));
  }
  const pageQuery = base
    .select(userColumns)
    .orderBy(sortColumns[q.sort ?? 'username'], q.order)
    .orderBy('users.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, pageQuery, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

export async function insertUser(db: Db, row: UsersTable, roles: readonly string[]) {
  await db.insertInto('users').values(row).execute();
  await replaceRoles(db, row.id, roles);
}

export async function replaceRoles(db: Db, userId: string, roles: readonly string[]) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function updateUser(db: Db, id: string, version: number, patch: Partial<UsersTable>): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

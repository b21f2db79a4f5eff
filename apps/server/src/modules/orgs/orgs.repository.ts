import { sql } from 'kysely';
import type { ListOrgsQuery, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { OrgsTable } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';
import { fetchPage } from '../../db/paging.js';

export type OrgRow = OrgsTable;

export function findOrg(db: Db, scope: Scope, id: string): Promise<OrgRow | undefined> {
  return db
    .selectFrom('orgs')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'orgs.path', scope))
    .executeTakeFirst();
}

export function findOrgByCode(db: Db, code: string) {
  return db.selectFrom('orgs').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

const sortColumns = {
  name: 'name',
  code: 'code',
  kind: 'kind',
  createdAt: 'created_at',
  serviceLevel: 'service_level',
} as const;

export async function listOrgs(db: Db, scope: Scope, q: ListOrgsQuery) {
  let base = db.selectFrom('orgs').where((eb) => inScope(eb, 'orgs.path', scope));
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.parentId) base = base.where('parent_id', '=', q.parentId);
  if (q.serviceLevel) base = base.where('service_level', '=', q.serviceLevel);
  if (q.isActive !== undefined) base = base.where('is_active', '=', q.isActive ? 1 : 0);
  if (q.q) {
    const like = `%${q.q}%`;
    base = base.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', like), eb('city', 'like', like)]));
  }
  const sortCol = sortColumns[q.sort ?? 'code'];
  const pageQuery = base
    .selectAll()
    .orderBy(sortCol, q.order)
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, pageQuery, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

export function listAllInScope(db: Db, scope: Scope): Promise<OrgRow[]> {
  return db.selectFrom('orgs').selectAll().where((eb) => inScope(eb, 'orgs.path', scope)).orderBy('path').execute();
}

export async function insertOrg(db: Db, row: OrgRow): Promise<void> {
  await db.insertInto('orgs').values(row).execute();
}

/** Optimistic update: returns false when the version moved on. */
export async function updateOrg(db: Db, id: string, version: number, patch: Partial<OrgRow>): Promise<boolean> {
  const res = await db
    .updateTable('orgs')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Rewrites the materialised path of a node and all its descendants after a move. */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newPath: string, depthDelta: number, now: string) {
  await db
    .updateTable('orgs')
    .set((eb) => ({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: eb('depth', '+', depthDelta),
      updated_at: now,
    }))
    .where('path', 'like', `${oldPath}%`)
    .execute();
  // Audit entries follow the data they describe, so scoping stays right after a move.
  await db
    .updateTable('audit_log')
    .set({ org_path: sql<string>`${newPath} || substr(org_path, ${oldPath.length + 1})` })
    .where('org_path', 'like', `${oldPath}%`)
    .execute();
  await db
    .updateTable('work_orders')
    .set({ org_path: sql<string>`${newPath} || substr(org_path, ${oldPath.length + 1})` })
    .where('org_path', 'like', `${oldPath}%`)
    .execute();
}

export async function countActiveChildren(db: Db, id: string): Promise<number> {
  const r = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countActiveUsers(db: Db, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

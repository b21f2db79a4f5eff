import type { ListAuditQuery, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AuditLogTable } from '../../db/schema.js';
import { inScope } from '../../db/scope.js';
import { fetchPage } from '../../db/paging.js';

export async function insertAudit(db: Db, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export async function listAudit(db: Db, scope: Scope, q: ListAuditQuery) {
  let base = db.selectFrom('audit_log').where((eb) => inScope(eb, 'audit_log.org_path', scope));
  if (q.entityType) base = base.where('entity_type', '=', q.entityType);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.actorId) base = base.where('actor_id', '=', q.actorId);
  if (q.action) base = base.where('action', '=', q.action);
  if (q.from) base = base.where('at', '>=', new Date(q.from).toISOString());
  if (q.to) base = base.where('at', '<=', new Date(q.to).toISOString());
  if (q.q) {
    const like = `%${q.q}%`;
    base = base.where((eb) => eb.or([eb('actor_name', 'like', like), eb('entity_id', 'like', like), eb('after_json', 'like', like)]));
  }
  const pageQuery = base
    .selectAll()
    .orderBy('at', q.order)
    .orderBy('id', q.order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, pageQuery, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

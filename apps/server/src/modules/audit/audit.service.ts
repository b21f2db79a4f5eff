import type { AuditAction, AuditEntry, ListAuditQuery, Page } from '@sht/domain';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { AnonymousContext, ServiceContext } from '../../context.js';
import { insertAudit, listAudit } from './audit.repository.js';

export type AuditRecord = {
  entityType: string;
  entityId: string;
  orgPath: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  // Who acted when there is no session yet (login attempts): the account concerned.
  actor?: { id: string | null; name: string };
};

// Never store secrets in the audit trail.
const redacted = new Set(['passwordHash', 'password_hash', 'password', 'tokenHash', 'token_hash', 'token']);

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v: unknown) => (redacted.has(k) ? undefined : v));
}

/** Writes one audit entry; call it inside the same transaction as the change it records. */
export async function recordAudit(db: Db, ctx: ServiceContext | AnonymousContext, rec: AuditRecord): Promise<void> {
  await insertAudit(db, {
    id: newId(),
    at: ctx.now.toISOString(),
    actor_id: ctx.actor?.userId ?? rec.actor?.id ?? null,
    actor_name: ctx.actor?.name ?? rec.actor?.name ?? null,
    org_path: rec.orgPath,
    entity_type: rec.entityType,
    entity_id: rec.entityId,
    action: rec.action,
    before_json: toJson(rec.before),
    after_json: toJson(rec.after),
    request_id: ctx.requestId,
    ip: ctx.ip,
  });
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function listAuditEntries(db: Db, ctx: ServiceContext, q: ListAuditQuery): Promise<Page<AuditEntry>> {
  const { rows, total } = await listAudit(db, ctx.actor.scope, q);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action as AuditAction,
      before: parseJson(r.before_json),
      after: parseJson(r.after_json),
      requestId: r.request_id,
      ip: r.ip,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

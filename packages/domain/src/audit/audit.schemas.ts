import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/common.schemas.js';

export const auditActions = ['create', 'update', 'delete', 'move', 'activate', 'deactivate', 'login', 'logout', 'login_failed', 'password_change', 'password_reset', 'token_create', 'token_revoke'] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: auditActionSchema,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuerySchema = listQuerySchema(['at'] as const).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(64).optional(),
  actorId: z.uuid().optional(),
  action: auditActionSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
export const auditPageSchema = pageSchema(auditEntrySchema);

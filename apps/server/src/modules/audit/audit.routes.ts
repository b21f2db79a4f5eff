import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, listAuditQuerySchema } from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import { listAuditEntries } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/', { schema: { tags: ['audit'], querystring: listAuditQuerySchema, response: { 200: auditPageSchema } }, onRequest: requirePermission('audit.read') },
    async (request) => listAuditEntries(db, ctxOf(request), request.query));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, listRecoveryCasesQuerySchema, recoveryCasePageSchema, recoveryCaseSchema, recoverySettingsSchema } from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as recovery from './recovery.service.js';

const tags = ['recovery'];

/** Recovery cases, mounted at /api/v1/recovery-cases; the threshold is HQ survey policy. */
export const recoveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('callback.read');
  app.get('/', { schema: { tags, querystring: listRecoveryCasesQuerySchema, response: { 200: recoveryCasePageSchema } }, onRequest: read },
    async (request) => recovery.listRecoveryCases(db, ctxOf(request), request.query));
  app.get('/settings', { schema: { tags, response: { 200: recoverySettingsSchema } }, onRequest: read }, async () => recovery.getRecoverySettings(db));
  app.put('/settings', { schema: { tags, body: recoverySettingsSchema, response: { 200: recoverySettingsSchema } }, onRequest: requirePermission('survey.write') },
    async (request) => recovery.updateRecoverySettings(db, ctxOf(request), request.body));
  app.get('/:id', { schema: { tags, params: idParamsSchema, response: { 200: recoveryCaseSchema } }, onRequest: read },
    async (request) => recovery.getRecoveryCase(db, ctxOf(request), request.params.id));
};

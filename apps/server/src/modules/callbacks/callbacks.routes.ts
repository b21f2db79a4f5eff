import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  callbackDetailSchema, callbackPageSchema, callbackPolicyInputSchema, callbackPolicyListSchema, callbackPolicySchema, callbackStatsQuerySchema,
  callbackStatsSchema, claimCallbackSchema, idParamsSchema, listCallbacksQuerySchema, recordCallbackOutcomeSchema, serviceLevelParamsSchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as callbacks from './callbacks.service.js';

const tags = ['callbacks'];

/** 回访, mounted at /api/v1/callbacks: the agents' queue, outcomes, reports and the HQ policy. */
export const callbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('callback.read');
  const write = requirePermission('callback.write');
  const one = { tags, params: idParamsSchema, response: { 200: callbackDetailSchema } };

  app.get('/', { schema: { tags, querystring: listCallbacksQuerySchema, response: { 200: callbackPageSchema } }, onRequest: read },
    async (request) => callbacks.listCallbacks(db, ctxOf(request), request.query));
  // 回访率, 及时率, technician and outlet scores, recovery success over a period (Shanghai dates).
  app.get('/stats', { schema: { tags, querystring: callbackStatsQuerySchema, response: { 200: callbackStatsSchema } }, onRequest: read },
    async (request) => callbacks.callbackStats(db, ctxOf(request), request.query));
  app.get('/policies', { schema: { tags, response: { 200: callbackPolicyListSchema } }, onRequest: read }, async () => callbacks.listPolicies(db));
  app.put('/policies/:level', { schema: { tags, params: serviceLevelParamsSchema, body: callbackPolicyInputSchema, response: { 200: callbackPolicySchema } }, onRequest: requirePermission('survey.write') },
    async (request) => callbacks.updatePolicy(db, ctxOf(request), request.params.level, request.body));
  app.get('/:id', { schema: one, onRequest: read }, async (request) => callbacks.getCallback(db, ctxOf(request), request.params.id));
  app.post('/:id/claim', { schema: { ...one, body: claimCallbackSchema }, onRequest: write },
    async (request) => callbacks.claimCallback(db, ctxOf(request), request.params.id, request.body.version));
  app.post('/:id/outcome', { schema: { ...one, body: recordCallbackOutcomeSchema }, onRequest: write },
    async (request) => callbacks.recordOutcome(db, ctxOf(request), request.params.id, request.body));
};

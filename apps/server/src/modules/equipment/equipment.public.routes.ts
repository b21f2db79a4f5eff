import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicWarrantyParamsSchema, publicWarrantySchema } from '@sht/domain';
import { anonCtxOf } from '../../http/auth.js';
import { localeOf } from '../../http/error-handler.js';
import * as warranty from './equipment.warranty.service.js';

// Owners check their warranty by the serial on the nameplate: no login, so rate-limited per IP
// against serial guessing, and the answer carries no personal data.
export const PUBLIC_WARRANTY_RATE_LIMIT = 30;

export const publicWarrantyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/:serial', {
    schema: { tags: ['public'], security: [], params: publicWarrantyParamsSchema, response: { 200: publicWarrantySchema } },
    config: { rateLimit: { max: PUBLIC_WARRANTY_RATE_LIMIT, timeWindow: '1 minute' } },
  }, async (request) => warranty.checkWarrantyPublic(db, anonCtxOf(request), request.params.serial, localeOf(request)));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardSummarySchema } from '@sht/domain';
import { ctxOf, requireLogin } from '../../http/auth.js';
import { getDashboardSummary } from './dashboard.service.js';

/** 工作台 figures, mounted at /api/v1/dashboard. Any signed-in user; blocks follow their permissions. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/summary', { schema: { tags: ['dashboard'], response: { 200: dashboardSummarySchema } }, onRequest: requireLogin() },
    async (request) => getDashboardSummary(db, ctxOf(request)));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, listNotificationsQuerySchema, notificationPageSchema, notificationSchema, readAllResultSchema, unreadCountSchema } from '@sht/domain';
import { ctxOf, requireLogin } from '../../http/auth.js';
import * as notifications from './notifications.service.js';

const tags = ['notifications'];

// Every signed-in user has an inbox; it holds only their own notifications, so no permission applies.
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const login = requireLogin();

  app.get('/', { schema: { tags, querystring: listNotificationsQuerySchema, response: { 200: notificationPageSchema } }, onRequest: login },
    async (request) => notifications.listMyNotifications(db, ctxOf(request), request.query));

  app.get('/unread-count', { schema: { tags, response: { 200: unreadCountSchema } }, onRequest: login },
    async (request) => notifications.getUnreadCount(db, ctxOf(request)));

  app.post('/read-all', { schema: { tags, response: { 200: readAllResultSchema } }, onRequest: login },
    async (request) => notifications.markAllNotificationsRead(db, ctxOf(request)));

  app.post('/:id/read', { schema: { tags, params: idParamsSchema, response: { 200: notificationSchema } }, onRequest: login },
    async (request) => notifications.markNotificationRead(db, ctxOf(request), request.params.id));
};

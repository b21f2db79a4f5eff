import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUserSchema, idParamsSchema, listUsersQuerySchema, resetPasswordSchema, updateUserSchema, userPageSchema, userSchema } from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as users from './users.service.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('user.read');
  const write = requirePermission('user.write');
  const one = { tags, params: idParamsSchema, response: { 200: userSchema } };

  app.get('/', { schema: { tags, querystring: listUsersQuerySchema, response: { 200: userPageSchema } }, onRequest: read },
    async (request) => users.listUsers(db, ctxOf(request), request.query));

  app.get('/:id', { schema: one, onRequest: read }, async (request) => users.getUser(db, ctxOf(request), request.params.id));

  app.post('/', { schema: { tags, body: createUserSchema, response: { 201: userSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await users.createUser(db, ctxOf(request), request.body)));

  app.patch('/:id', { schema: { ...one, body: updateUserSchema }, onRequest: write },
    async (request) => users.updateUser(db, ctxOf(request), request.params.id, request.body));

  app.post('/:id/disable', { schema: one, onRequest: write }, async (request) => users.setUserActive(db, ctxOf(request), request.params.id, false));
  app.post('/:id/enable', { schema: one, onRequest: write }, async (request) => users.setUserActive(db, ctxOf(request), request.params.id, true));
  app.post('/:id/unlock', { schema: one, onRequest: write }, async (request) => users.unlockUser(db, ctxOf(request), request.params.id));
  app.post('/:id/reset-password', { schema: { ...one, body: resetPasswordSchema }, onRequest: write },
    async (request) => users.resetPassword(db, ctxOf(request), request.params.id, request.body.newPassword));
};

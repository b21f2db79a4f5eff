import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrgSchema, idParamsSchema, listOrgsQuerySchema, moveOrgSchema, orgPageSchema, orgSchema, updateOrgSchema } from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as orgs from './orgs.service.js';

const tags = ['orgs'];
// The tree is recursive; OpenAPI shows one level of it.
const orgTreeSchema = z.array(orgSchema.extend({ children: z.array(z.unknown()) }));

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('org.read');
  const write = requirePermission('org.write');

  app.get('/', { schema: { tags, querystring: listOrgsQuerySchema, response: { 200: orgPageSchema } }, onRequest: read },
    async (request) => orgs.listOrgs(db, ctxOf(request), request.query));

  app.get('/tree', { schema: { tags, response: { 200: orgTreeSchema } }, onRequest: read },
    async (request) => orgs.getOrgTree(db, ctxOf(request)));

  app.get('/:id', { schema: { tags, params: idParamsSchema, response: { 200: orgSchema } }, onRequest: read },
    async (request) => orgs.getOrg(db, ctxOf(request), request.params.id));

  app.post('/', { schema: { tags, body: createOrgSchema, response: { 201: orgSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await orgs.createOrg(db, ctxOf(request), request.body)));

  app.patch('/:id', { schema: { tags, params: idParamsSchema, body: updateOrgSchema, response: { 200: orgSchema } }, onRequest: write },
    async (request) => orgs.updateOrg(db, ctxOf(request), request.params.id, request.body));

  app.post('/:id/move', { schema: { tags, params: idParamsSchema, body: moveOrgSchema, response: { 200: orgSchema } }, onRequest: write },
    async (request) => orgs.moveOrg(db, ctxOf(request), request.params.id, request.body.parentId));

  app.post('/:id/deactivate', { schema: { tags, params: idParamsSchema, response: { 200: orgSchema } }, onRequest: write },
    async (request) => orgs.setOrgActive(db, ctxOf(request), request.params.id, false));

  app.post('/:id/activate', { schema: { tags, params: idParamsSchema, response: { 200: orgSchema } }, onRequest: write },
    async (request) => orgs.setOrgActive(db, ctxOf(request), request.params.id, true));
};

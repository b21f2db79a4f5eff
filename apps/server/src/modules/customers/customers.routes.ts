import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createCustomerSchema, customerPageSchema, customerSchema, customerSearchResultSchema, duplicatesQuerySchema, duplicatesResultSchema,
  idParamsSchema, listCustomersQuerySchema, searchCustomersQuerySchema, updateCustomerSchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as customers from './customers.service.js';
import * as lookup from './customers.search.service.js';

const tags = ['customers'];

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('customer.read');
  const write = requirePermission('customer.write');
  const one = { tags, params: idParamsSchema, response: { 200: customerSchema } };

  app.get('/', { schema: { tags, querystring: listCustomersQuerySchema, response: { 200: customerPageSchema } }, onRequest: read },
    async (request) => customers.listCustomers(db, ctxOf(request), request.query));

  app.get('/search', { schema: { tags, querystring: searchCustomersQuerySchema, response: { 200: customerSearchResultSchema } }, onRequest: read },
    async (request) => lookup.searchCustomers(db, ctxOf(request), request.query));

  app.get('/duplicates', { schema: { tags, querystring: duplicatesQuerySchema, response: { 200: duplicatesResultSchema } }, onRequest: read },
    async (request) => lookup.checkDuplicates(db, ctxOf(request), request.query));

  app.get('/:id', { schema: one, onRequest: read }, async (request) => customers.getCustomer(db, ctxOf(request), request.params.id));

  app.post('/', { schema: { tags, body: createCustomerSchema, response: { 201: customerSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await customers.createCustomer(db, ctxOf(request), request.body)));

  app.patch('/:id', { schema: { ...one, body: updateCustomerSchema }, onRequest: write },
    async (request) => customers.updateCustomer(db, ctxOf(request), request.params.id, request.body));

  app.post('/:id/deactivate', { schema: one, onRequest: write }, async (request) => customers.setCustomerActive(db, ctxOf(request), request.params.id, false));
  app.post('/:id/activate', { schema: one, onRequest: write }, async (request) => customers.setCustomerActive(db, ctxOf(request), request.params.id, true));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  categoryListSchema, categorySchema, createCategorySchema, createModelSchema, createSparePartSchema, idParamsSchema, listModelsQuerySchema,
  listSparePartsQuerySchema, modelPageSchema, modelSchema, sparePartPageSchema, sparePartSchema, updateCategorySchema, updateModelSchema,
  updateSparePartSchema, warrantyPresetListSchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as catalogue from './catalogue.service.js';

const tags = ['catalogue'];

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('catalogue.read');
  const write = requirePermission('catalogue.write');

  app.get('/warranty-presets', { schema: { tags, response: { 200: warrantyPresetListSchema } }, onRequest: read }, async () => catalogue.listWarrantyPresets());

  app.get('/categories', { schema: { tags, response: { 200: categoryListSchema } }, onRequest: read }, async () => catalogue.listCategories(db));
  app.get('/categories/:id', { schema: { tags, params: idParamsSchema, response: { 200: categorySchema } }, onRequest: read },
    async (request) => catalogue.getCategory(db, request.params.id));
  app.post('/categories', { schema: { tags, body: createCategorySchema, response: { 201: categorySchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await catalogue.createCategory(db, ctxOf(request), request.body)));
  app.patch('/categories/:id', { schema: { tags, params: idParamsSchema, body: updateCategorySchema, response: { 200: categorySchema } }, onRequest: write },
    async (request) => catalogue.updateCategory(db, ctxOf(request), request.params.id, request.body));

  app.get('/models', { schema: { tags, querystring: listModelsQuerySchema, response: { 200: modelPageSchema } }, onRequest: read },
    async (request) => catalogue.listModels(db, request.query));
  app.get('/models/:id', { schema: { tags, params: idParamsSchema, response: { 200: modelSchema } }, onRequest: read },
    async (request) => catalogue.getModel(db, request.params.id));
  app.post('/models', { schema: { tags, body: createModelSchema, response: { 201: modelSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await catalogue.createModel(db, ctxOf(request), request.body)));
  app.patch('/models/:id', { schema: { tags, params: idParamsSchema, body: updateModelSchema, response: { 200: modelSchema } }, onRequest: write },
    async (request) => catalogue.updateModel(db, ctxOf(request), request.params.id, request.body));

  app.get('/spare-parts', { schema: { tags, querystring: listSparePartsQuerySchema, response: { 200: sparePartPageSchema } }, onRequest: read },
    async (request) => catalogue.listSpareParts(db, request.query));
  app.get('/spare-parts/:id', { schema: { tags, params: idParamsSchema, response: { 200: sparePartSchema } }, onRequest: read },
    async (request) => catalogue.getSparePart(db, request.params.id));
  app.post('/spare-parts', { schema: { tags, body: createSparePartSchema, response: { 201: sparePartSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await catalogue.createSparePart(db, ctxOf(request), request.body)));
  app.patch('/spare-parts/:id', { schema: { tags, params: idParamsSchema, body: updateSparePartSchema, response: { 200: sparePartSchema } }, onRequest: write },
    async (request) => catalogue.updateSparePart(db, ctxOf(request), request.params.id, request.body));
};

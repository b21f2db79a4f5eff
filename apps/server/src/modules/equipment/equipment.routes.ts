import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  contractListSchema, contractSchema, createContractSchema, createEquipmentSchema, createReadingSchema, createTransferSchema, equipmentPageSchema,
  equipmentSchema, equipmentWarrantySchema, idParamsSchema, listEquipmentQuerySchema, readingListSchema, readingSchema, transferListSchema,
  updateEquipmentSchema, warrantyQuerySchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import { localeOf } from '../../http/error-handler.js';
import * as equipment from './equipment.service.js';
import * as warranty from './equipment.warranty.service.js';

const tags = ['equipment'];

export const equipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('equipment.read');
  const write = requirePermission('equipment.write');
  const one = { tags, params: idParamsSchema };

  // ?customerId= lists a customer's units; ?q= is a serial-number prefix.
  app.get('/', { schema: { tags, querystring: listEquipmentQuerySchema, response: { 200: equipmentPageSchema } }, onRequest: read },
    async (request) => equipment.listEquipment(db, ctxOf(request), request.query));
  app.get('/:id', { schema: { ...one, response: { 200: equipmentSchema } }, onRequest: read },
    async (request) => equipment.getEquipment(db, ctxOf(request), request.params.id));
  app.post('/', { schema: { tags, body: createEquipmentSchema, response: { 201: equipmentSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await equipment.createEquipment(db, ctxOf(request), request.body)));
  app.patch('/:id', { schema: { ...one, body: updateEquipmentSchema, response: { 200: equipmentSchema } }, onRequest: write },
    async (request) => equipment.updateEquipment(db, ctxOf(request), request.params.id, request.body));

  app.get('/:id/warranty', { schema: { ...one, querystring: warrantyQuerySchema, response: { 200: equipmentWarrantySchema } }, onRequest: read },
    async (request) => warranty.getEquipmentWarranty(db, ctxOf(request), request.params.id, request.query.date, localeOf(request)));

  app.get('/:id/readings', { schema: { ...one, response: { 200: readingListSchema } }, onRequest: read },
    async (request) => equipment.listReadings(db, ctxOf(request), request.params.id));
  app.post('/:id/readings', { schema: { ...one, body: createReadingSchema, response: { 201: readingSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await equipment.addReading(db, ctxOf(request), request.params.id, request.body)));

  app.get('/:id/transfers', { schema: { ...one, response: { 200: transferListSchema } }, onRequest: read },
    async (request) => equipment.listTransfers(db, ctxOf(request), request.params.id));
  app.post('/:id/transfers', { schema: { ...one, body: createTransferSchema, response: { 201: equipmentSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await equipment.transferOwnership(db, ctxOf(request), request.params.id, request.body)));

  app.get('/:id/contracts', { schema: { ...one, response: { 200: contractListSchema } }, onRequest: read },
    async (request) => equipment.listContracts(db, ctxOf(request), request.params.id));
  app.post('/:id/contracts', { schema: { ...one, body: createContractSchema, response: { 201: contractSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await equipment.addContract(db, ctxOf(request), request.params.id, request.body)));
};

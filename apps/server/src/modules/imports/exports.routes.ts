import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportCustomersQuerySchema, exportEquipmentQuerySchema, exportFileName, toShanghaiDate } from '@sht/domain';
import type { ServiceContext } from '../../context.js';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as exportService from './exports.service.js';

const tags = ['exports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook while it is being written. The ASCII `filename` is for old clients; the
 * `filename*` (RFC 6266) carries the Chinese name.
 */
function sendWorkbook(reply: FastifyReply, ctx: ServiceContext, names: { zh: string; ascii: string }, write: (out: Writable) => Promise<void>) {
  const day = toShanghaiDate(ctx.now.toISOString());
  const stream = new PassThrough();
  // Headers are gone once bytes flow: a failure midway can only cut the download short.
  write(stream).catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${exportFileName(names.ascii, day)}"; filename*=UTF-8''${encodeURIComponent(exportFileName(names.zh, day))}`)
    .send(stream);
}

// Mounted under /api/v1: the export URLs sit beside the lists they export.
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get('/customers/export', { schema: { tags, querystring: exportCustomersQuerySchema }, onRequest: requirePermission('customer.read') },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return sendWorkbook(reply, ctx, { zh: '客户', ascii: 'customers' }, (out) => exportService.exportCustomers(db, ctx, request.query, out));
    });

  app.get('/equipment/export', { schema: { tags, querystring: exportEquipmentQuerySchema }, onRequest: requirePermission('equipment.read') },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return sendWorkbook(reply, ctx, { zh: '装机档案', ascii: 'equipment' }, (out) => exportService.exportEquipment(db, ctx, request.query, out));
    });
};

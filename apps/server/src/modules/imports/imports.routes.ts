import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commitImportSchema, importJobSchema, importPreviewSchema, importTokenParamsSchema } from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import { localeOf } from '../../http/error-handler.js';
import { importErrors } from './imports.errors.js';
import * as imports from './imports.service.js';

const tags = ['imports'];

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const write = requirePermission('equipment.write');

  // multipart/form-data with one file field; the preview is kept server-side under its token.
  app.post('/equipment/preview', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: importPreviewSchema } }, onRequest: write },
    async (request) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw importErrors.IMPORT_FILE_MISSING();
      const data = await file.toBuffer().catch((err: unknown) => {
        const tooLarge = err instanceof Error && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';
        throw tooLarge ? importErrors.IMPORT_FILE_TOO_LARGE({ maxMb: imports.IMPORT_LIMITS.maxFileBytes / 1024 / 1024 }) : err;
      });
      return imports.previewEquipmentImport(db, ctxOf(request), { name: file.filename, data }, localeOf(request));
    });

  app.get('/:token', { schema: { tags, params: importTokenParamsSchema, response: { 200: importJobSchema } }, onRequest: write },
    async (request) => imports.getImportJob(db, ctxOf(request), request.params.token));

  app.post('/:token/commit', { schema: { tags, params: importTokenParamsSchema, body: commitImportSchema, response: { 200: importJobSchema } }, onRequest: write },
    async (request) => imports.commitImport(db, ctxOf(request), request.params.token, request.body));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commitImportSchema, importJobSchema, importKinds, importPreviewQuerySchema, importPreviewSchema, importTokenParamsSchema } from '@sht/domain';
import { ctxOf, requireLogin, requirePermission } from '../../http/auth.js';
import { localeOf } from '../../http/error-handler.js';
import { importErrors } from './imports.errors.js';
import * as imports from './imports.service.js';

const tags = ['imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const templateNames = { customers: { zh: '客户导入模板', ascii: 'customers-import-template' }, equipment: { zh: '装机档案导入模板', ascii: 'equipment-import-template' } };

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  for (const kind of importKinds) {
    const write = requirePermission(imports.importSpecs[kind].permission);

    // multipart/form-data with one file field; the preview is kept server-side under its token.
    app.post(`/${kind}/preview`, { schema: { tags, consumes: ['multipart/form-data'], querystring: importPreviewQuerySchema, response: { 200: importPreviewSchema } }, onRequest: write },
      async (request) => {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file) throw importErrors.IMPORT_FILE_MISSING();
        const data = await file.toBuffer().catch((err: unknown) => {
          const tooLarge = err instanceof Error && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';
          throw tooLarge ? importErrors.IMPORT_FILE_TOO_LARGE({ maxMb: imports.IMPORT_LIMITS.maxFileBytes / 1024 / 1024 }) : err;
        });
        return imports.previewImport(db, ctxOf(request), kind, { name: file.filename, data, token: request.query.token }, localeOf(request));
      });

    app.get(`/${kind}/template`, { schema: { tags }, onRequest: write }, async (_request, reply) => {
      const names = templateNames[kind];
      return reply.type(XLSX)
        .header('content-disposition', `attachment; filename="${names.ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${names.zh}.xlsx`)}`)
        .send(await imports.importTemplate(kind));
    });
  }

  // A job is seen only by whoever uploaded it; committing needs the permission of its kind.
  app.get('/:token', { schema: { tags, params: importTokenParamsSchema, response: { 200: importJobSchema } }, onRequest: requireLogin() },
    async (request) => imports.getImportJob(db, ctxOf(request), request.params.token));

  app.post('/:token/commit', { schema: { tags, params: importTokenParamsSchema, body: commitImportSchema, response: { 200: importJobSchema } }, onRequest: requireLogin() },
    async (request) => imports.commitImport(db, ctxOf(request), request.params.token, request.body));
};

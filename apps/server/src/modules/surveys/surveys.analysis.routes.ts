import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisFiltersSchema, analysisQuerySchema, exportFileName, surveyAnalysisSchema, surveyTrendSchema, toShanghaiDate } from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as analysis from './surveys.analysis.service.js';
import { loadAnalysisExport, writeAnalysisWorkbook } from './surveys.analysis.export.js';

const tags = ['survey-analysis'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Mounted under /api/v1/survey-analysis; every answer is limited to the caller's org subtree.
export const surveyAnalysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('survey.read');

  app.get('/', { schema: { tags, querystring: analysisQuerySchema, response: { 200: surveyAnalysisSchema } }, onRequest: read },
    async (request) => analysis.analyze(db, ctxOf(request), request.query));

  app.get('/trend', { schema: { tags, querystring: analysisFiltersSchema, response: { 200: surveyTrendSchema } }, onRequest: read },
    async (request) => analysis.trend(db, ctxOf(request), request.query));

  app.get('/export', { schema: { tags, querystring: analysisQuerySchema }, onRequest: read }, async (request, reply) => {
    const ctx = ctxOf(request);
    const day = toShanghaiDate(ctx.now.toISOString());
    const data = await loadAnalysisExport(db, ctx, request.query);
    const stream = new PassThrough();
    // Headers are gone once bytes flow: a failure midway can only cut the download short.
    writeAnalysisWorkbook(data, stream).catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="${exportFileName('survey-analysis', day)}"; filename*=UTF-8''${encodeURIComponent(exportFileName('满意度分析', day))}`)
      .send(stream);
  });
};

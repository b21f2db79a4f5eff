import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentContentQuerySchema, attachmentLimitsSchema, attachmentListSchema, attachmentSchema, idParamsSchema, largestAttachmentBytes, listAttachmentsQuerySchema,
} from '@sht/domain';
import { ctxOf, requireLogin } from '../../http/auth.js';
import { attachmentErrors } from './attachments.errors.js';
import { contentDisposition, firstFileOf, parseByteRange } from './attachments.http.js';
import * as attachments from './attachments.service.js';

const tags = ['attachments'];

// Which permission applies depends on the owner's kind, so the service checks it (403) after login.
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const login = requireLogin();

  // multipart/form-data: the fields ownerType, ownerId and purpose, then one file.
  app.post('/', { schema: { tags, consumes: ['multipart/form-data'], response: { 201: attachmentSchema } }, onRequest: login },
    async (request, reply) => {
      // The parser's cap is the largest any purpose allows; the service applies the purpose's own.
      const upload = await firstFileOf(request, largestAttachmentBytes(config.attachments));
      if (!upload) throw attachmentErrors.ATTACHMENT_FILE_MISSING();
      return reply.status(201).send(await attachments.uploadAttachment(db, ctxOf(request), upload, config.attachments));
    });

  app.get('/limits', { schema: { tags, response: { 200: attachmentLimitsSchema } }, onRequest: login }, async () => config.attachments);

  app.get('/', { schema: { tags, querystring: listAttachmentsQuerySchema, response: { 200: attachmentListSchema } }, onRequest: login },
    async (request) => attachments.listAttachments(db, ctxOf(request), request.query));

  // Inline for previews (images, PDF, video), ?download=1 to save; Range for video seeking.
  app.get('/:id/content', { schema: { tags, params: idParamsSchema, querystring: attachmentContentQuerySchema }, onRequest: login },
    async (request, reply) => {
      const pick = (size: number) => {
        const range = parseByteRange(request.headers.range, size);
        if (range === 'invalid') throw attachmentErrors.ATTACHMENT_RANGE_INVALID();
        return range;
      };
      const { attachment: a, range, body } = await attachments.openAttachmentContent(db, ctxOf(request), request.params.id, pick);
      const etag = `"${a.sha256}"`;
      // Contents never change under an id; private: only the caller's browser keeps a copy.
      reply.header('cache-control', 'private, max-age=86400').header('etag', etag).header('accept-ranges', 'bytes')
        .header('content-disposition', contentDisposition(request.query.download === '1' ? 'attachment' : 'inline', a.fileName));
      if (request.headers['if-none-match'] === etag) {
        body.destroy();
        return reply.status(304).send();
      }
      reply.type(a.contentType).header('content-length', range ? range.end - range.start + 1 : a.sizeBytes);
      if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${a.sizeBytes}`);
      return reply.send(body);
    });

  app.delete('/:id', { schema: { tags, params: idParamsSchema, response: { 204: z.null() } }, onRequest: login },
    async (request, reply) => {
      await attachments.deleteAttachment(db, ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    });
};

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { pickLocale, type Locale } from '@sht/domain';
import { AppError, httpErrors } from './errors.js';
import { zodIssueMessage } from './zod-messages.js';

export function localeOf(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

function send(reply: FastifyReply, request: FastifyRequest, err: AppError) {
  const body: Record<string, unknown> = {
    code: err.code,
    message: err.localized(localeOf(request)),
    requestId: request.id,
  };
  if (err.details !== undefined) body.details = err.details;
  return reply.status(err.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

// Fastify's own client errors, by code → ours.
const fastifyCodes: Record<string, () => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => httpErrors.PAYLOAD_TOO_LARGE(),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => httpErrors.UNSUPPORTED_MEDIA_TYPE(),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => httpErrors.BAD_REQUEST({ reason: 'empty JSON body' }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => httpErrors.BAD_REQUEST({ reason: 'invalid JSON' }),
};

export function registerErrorHandler(app: FastifyInstance, spaHtml?: Buffer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = localeOf(request);
      const part = error.validationContext ?? 'body';
      const issues = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const raw = { ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message ?? '' };
        return { path: [part, ...path], message: zodIssueMessage(raw, locale) };
      });
      return send(reply, request, httpErrors.VALIDATION_FAILED({}, { issues }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return send(reply, request, httpErrors.INTERNAL());
    }

    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return send(reply, request, mapped());
    if (error.statusCode === 429) return send(reply, request, httpErrors.RATE_LIMITED());
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, httpErrors.BAD_REQUEST({ reason: error.message }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, httpErrors.INTERNAL());
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app: any unknown GET outside /api gets the app shell.
    if (spaHtml && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spaHtml);
    }
    return send(reply, request, httpErrors.NOT_FOUND());
  });
}

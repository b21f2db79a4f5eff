import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicSurveySchema, surveySubmissionSchema, surveySubmitResultSchema, surveyTokenParamsSchema } from '@sht/domain';
import { anonCtxOf } from '../../http/auth.js';
import { localeOf } from '../../http/error-handler.js';
import { surveyLinks } from './surveys.routes.js';
import * as surveys from './surveys.public.service.js';

// The personal survey link: no login, so rate-limited per IP against token guessing (the HMAC
// already refuses forged tokens before any lookup); the page shows no personal data beyond the greeting.
export const PUBLIC_SURVEY_RATE_LIMIT = 30;

export const publicSurveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const links = surveyLinks(config);
  const rateLimit = { max: PUBLIC_SURVEY_RATE_LIMIT, timeWindow: '1 minute' };
  const tags = ['public'];

  app.get('/:token', {
    schema: { tags, security: [], params: surveyTokenParamsSchema, response: { 200: publicSurveySchema } }, config: { rateLimit },
  }, async (request) => surveys.getPublicSurvey(db, links, request.params.token, localeOf(request), new Date()));

  app.post('/:token', {
    schema: { tags, security: [], params: surveyTokenParamsSchema, body: surveySubmissionSchema, response: { 200: surveySubmitResultSchema } }, config: { rateLimit },
  }, async (request) => surveys.submitSurvey(db, anonCtxOf(request), links, request.params.token, request.body, localeOf(request)));
};

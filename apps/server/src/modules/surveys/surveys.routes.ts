import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createSurveyCampaignSchema, idParamsSchema, listSurveyCampaignsQuerySchema, listSurveyInvitationsQuerySchema, listSurveyTemplatesQuerySchema,
  surveyCampaignPageSchema, surveyCampaignSchema, surveyCampaignVersionSchema, surveyInvitationPageSchema, surveyLaunchResultSchema,
  surveyResponseSchema, surveyTemplateInputSchema, surveyTemplatePageSchema, surveyTemplateSchema, updateSurveyTemplateSchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import type { Config } from '../../config.js';
import type { SurveyLinkConfig } from './surveys.delivery.js';
import * as templates from './surveys.templates.service.js';
import * as campaigns from './surveys.campaigns.service.js';
import * as responses from './surveys.responses.service.js';

const tags = ['surveys'];

export const surveyLinks = (config: Config): SurveyLinkConfig => ({ publicUrl: config.notifications.publicUrl, tokenSecret: config.surveys.tokenSecret });

/** Survey templates: /api/v1/survey-templates. */
export const surveyTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('survey.read');
  const write = requirePermission('survey.write');
  const one = { tags, params: idParamsSchema, response: { 200: surveyTemplateSchema } };

  app.get('/', { schema: { tags, querystring: listSurveyTemplatesQuerySchema, response: { 200: surveyTemplatePageSchema } }, onRequest: read },
    async (request) => templates.listTemplates(db, request.query));
  app.get('/:id', { schema: one, onRequest: read }, async (request) => templates.getTemplate(db, request.params.id));
  app.post('/', { schema: { tags, body: surveyTemplateInputSchema, response: { 201: surveyTemplateSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await templates.createTemplate(db, ctxOf(request), request.body)));
  app.put('/:id', { schema: { ...one, body: updateSurveyTemplateSchema }, onRequest: write },
    async (request) => templates.updateTemplate(db, ctxOf(request), request.params.id, request.body.version, request.body.template));
  app.post('/:id/deactivate', { schema: one, onRequest: write }, async (request) => templates.setTemplateActive(db, ctxOf(request), request.params.id, false));
  app.post('/:id/activate', { schema: one, onRequest: write }, async (request) => templates.setTemplateActive(db, ctxOf(request), request.params.id, true));
};

/** Survey campaigns, their invitations and responses: /api/v1/survey-campaigns. */
export const surveyCampaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const links = surveyLinks(config);
  const read = requirePermission('survey.read');
  const write = requirePermission('survey.write');
  const one = { tags, params: idParamsSchema, response: { 200: surveyCampaignSchema } };

  app.get('/', { schema: { tags, querystring: listSurveyCampaignsQuerySchema, response: { 200: surveyCampaignPageSchema } }, onRequest: read },
    async (request) => campaigns.listCampaigns(db, ctxOf(request), request.query));
  app.get('/:id', { schema: one, onRequest: read }, async (request) => campaigns.getCampaign(db, ctxOf(request), request.params.id));
  app.post('/', { schema: { tags, body: createSurveyCampaignSchema, response: { 201: surveyCampaignSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await campaigns.createCampaign(db, ctxOf(request), request.body)));
  app.post('/:id/launch', { schema: { tags, params: idParamsSchema, body: surveyCampaignVersionSchema, response: { 200: surveyLaunchResultSchema } }, onRequest: write },
    async (request) => campaigns.launchCampaign(db, ctxOf(request), links, request.params.id, request.body.version));
  app.post('/:id/close', { schema: { ...one, body: surveyCampaignVersionSchema }, onRequest: write },
    async (request) => campaigns.closeCampaign(db, ctxOf(request), request.params.id, request.body.version));
  app.get('/:id/invitations', {
    schema: { tags, params: idParamsSchema, querystring: listSurveyInvitationsQuerySchema, response: { 200: surveyInvitationPageSchema } }, onRequest: read,
  }, async (request) => campaigns.listInvitations(db, ctxOf(request), request.params.id, request.query));
};

/** One answered sheet: /api/v1/survey-responses/:id. */
export const surveyResponseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/:id', { schema: { tags, params: idParamsSchema, response: { 200: surveyResponseSchema } }, onRequest: requirePermission('survey.read') },
    async (request) => responses.getResponse(db, ctxOf(request), request.params.id));
};

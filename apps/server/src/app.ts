import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { registerErrorHandler } from './http/error-handler.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { customerRoutes } from './modules/customers/customers.routes.js';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.js';
import { equipmentRoutes } from './modules/equipment/equipment.routes.js';
import { publicWarrantyRoutes } from './modules/equipment/equipment.public.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { IMPORT_LIMITS } from './modules/imports/imports.service.js';
import { exportRoutes } from './modules/imports/exports.routes.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { calendarRoutes } from './modules/calendars/calendars.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { compensationStandardRoutes, complaintRuleRoutes, slaPolicyRoutes, technicianRoutes, workOrderRoutes } from './modules/workorders/workorders.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { createChannels, type Channels } from './modules/notifications/notifications.channels.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { callbackRoutes } from './modules/callbacks/callbacks.routes.js';
import { recoveryRoutes } from './modules/recovery/recovery.routes.js';
import { publicSurveyRoutes } from './modules/surveys/surveys.public.routes.js';
import { surveyCampaignRoutes, surveyResponseRoutes, surveyTemplateRoutes } from './modules/surveys/surveys.routes.js';
import { surveyAnalysisRoutes } from './modules/surveys/surveys.analysis.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import './http/auth.js';

// channels: pass the process's own (main.ts) so the dispatcher and the routes share them.
export type BuildAppOptions = { db: Db; config: Config; logger?: boolean; channels?: Channels };

// The modules of the API, each mounted under /api/v1/<prefix>.
const modules = [
  { prefix: '/auth', plugin: authRoutes },
  { prefix: '/orgs', plugin: orgRoutes },
  { prefix: '/users', plugin: userRoutes },
  { prefix: '/audit', plugin: auditRoutes },
  { prefix: '/customers', plugin: customerRoutes },
  { prefix: '/catalogue', plugin: catalogueRoutes },
  { prefix: '/equipment', plugin: equipmentRoutes },
  { prefix: '/work-orders', plugin: workOrderRoutes },
  { prefix: '/complaint-rules', plugin: complaintRuleRoutes },
  { prefix: '/technicians', plugin: technicianRoutes },
  { prefix: '/sla-policies', plugin: slaPolicyRoutes },
  { prefix: '/compensation-standards', plugin: compensationStandardRoutes },
  { prefix: '/public/warranty', plugin: publicWarrantyRoutes },
  { prefix: '', plugin: exportRoutes },
  { prefix: '/imports', plugin: importRoutes },
  { prefix: '/attachments', plugin: attachmentRoutes },
  { prefix: '/calendars', plugin: calendarRoutes },
  { prefix: '/notifications', plugin: notificationRoutes },
  { prefix: '/portal', plugin: portalRoutes },
  { prefix: '/callbacks', plugin: callbackRoutes },
  { prefix: '/recovery-cases', plugin: recoveryRoutes },
  { prefix: '/survey-templates', plugin: surveyTemplateRoutes },
  { prefix: '/survey-campaigns', plugin: surveyCampaignRoutes },
  { prefix: '/survey-responses', plugin: surveyResponseRoutes },
  { prefix: '/survey-analysis', plugin: surveyAnalysisRoutes },
  { prefix: '/public/surveys', plugin: publicSurveyRoutes },
  { prefix: '/dashboard', plugin: dashboardRoutes },
] as const;

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', { db: opts.db, config, channels: opts.channels ?? createChannels(config, app.log) });
  app.decorateRequest('actor', null);
  const indexHtml = path.join(config.webDist, 'index.html');
  const spaHtml = fs.existsSync(indexHtml) ? fs.readFileSync(indexHtml) : undefined;
  registerErrorHandler(app, spaHtml);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  await app.register(cookie);
  // Spreadsheet uploads: one file per request, size capped by the import limits.
  await app.register(multipart, { limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 5, parts: 6 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: '售后通 API', description: 'After-sales service management API', version: '1.0.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sht_sid' },
          portal: { type: 'apiKey', in: 'cookie', name: 'sht_portal' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { prefix: '/api' });
  for (const m of modules) await app.register(m.plugin, { prefix: `/api/v1${m.prefix}` });

  if (spaHtml) await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false, maxAge: '1h' });
  return app;
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  otpSentSchema, portalConfirmSchema, portalLoginSchema, portalMeSchema, portalOrderDetailSchema, portalOrderListSchema,
  portalNewOrderSchema, portalOrderParamsSchema, portalUnitListSchema, requestOtpSchema,
} from '@sht/domain';
import { anonCtxOf } from '../../http/auth.js';
import { loginWithOtp, logoutPortal, requestOtp, toPortalMe } from './portal.auth.service.js';
import { confirmPortalOrder, createPortalOrder, getPortalOrder, listPortalOrders, listPortalUnits } from './portal.orders.service.js';
import { PORTAL_COOKIE, PORTAL_COOKIE_PATH, portalOf, requirePortal } from './portal.guard.js';
import { sendLoginCode } from './portal.otp-sender.js';

const tags = ['portal'];
// OpenAPI: the portal's own cookie, not the staff session or tokens; otp and login need nothing.
const security = [{ portal: [] }];
const open: { [scheme: string]: string[] }[] = [];
const ok = z.object({ ok: z.literal(true) });

// 客户门户: customers log in with phone + one-time code and see only their own orders.
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, channels } = app.deps;
  app.decorateRequest('portal', null);
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure, path: PORTAL_COOKIE_PATH, maxAge: config.portal.sessionMinutes * 60 };

  app.post('/otp', {
    schema: { tags, security: open, summary: 'Send a login code by SMS (same answer for unknown phones)', body: requestOtpSchema, response: { 200: otpSentSchema } },
    config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
  }, async (request) => {
    const { answer, code } = await requestOtp(db, anonCtxOf(request), request.body.phone);
    if (code) sendLoginCode(channels.sms, config, request.log, request.body.phone, code);
    return answer;
  });

  app.post('/login', {
    schema: { tags, security: open, summary: 'Log in with the code; sets the portal cookie', body: portalLoginSchema, response: { 200: portalMeSchema } },
    config: { rateLimit: { max: 20, timeWindow: '10 minutes' } },
  }, async (request, reply) => {
    const session = { minutes: config.portal.sessionMinutes, userAgent: request.headers['user-agent'] ?? null };
    const { token, me } = await loginWithOtp(db, anonCtxOf(request), request.body, session);
    reply.setCookie(PORTAL_COOKIE, token, cookieOptions);
    return me;
  });

  app.post('/logout', { schema: { tags, security, response: { 200: ok } }, onRequest: requirePortal }, async (request, reply) => {
    await logoutPortal(db, anonCtxOf(request), portalOf(request));
    reply.clearCookie(PORTAL_COOKIE, { path: PORTAL_COOKIE_PATH });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags, security, response: { 200: portalMeSchema } }, onRequest: requirePortal }, async (request) => toPortalMe(portalOf(request)));

  app.get('/orders', { schema: { tags, security, response: { 200: portalOrderListSchema } }, onRequest: requirePortal }, async (request) =>
    listPortalOrders(db, portalOf(request)));

  app.post('/orders', {
    schema: { tags, security, summary: 'Report a problem (网上报修, channel portal)', body: portalNewOrderSchema, response: { 201: portalOrderDetailSchema } },
    onRequest: requirePortal,
    config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
  }, async (request, reply) =>
    reply.status(201).send(await createPortalOrder(db, anonCtxOf(request), portalOf(request), request.body, { repeatRepairDays: config.repeatRepairDays })));

  app.get('/equipment', { schema: { tags, security, summary: 'The units the customer owns', response: { 200: portalUnitListSchema } }, onRequest: requirePortal }, async (request) =>
    listPortalUnits(db, portalOf(request)));

  app.get('/orders/:id', { schema: { tags, security, params: portalOrderParamsSchema, response: { 200: portalOrderDetailSchema } }, onRequest: requirePortal }, async (request) =>
    getPortalOrder(db, portalOf(request), request.params.id));

  app.post('/orders/:id/confirm', {
    schema: { tags, security, summary: 'Confirm a resolved order (客户确认)', params: portalOrderParamsSchema, body: portalConfirmSchema, response: { 200: portalOrderDetailSchema } },
    onRequest: requirePortal,
  }, async (request) => confirmPortalOrder(db, anonCtxOf(request), portalOf(request), request.params.id, request.body));
};

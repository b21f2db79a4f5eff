import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenSchema, changePasswordSchema, createApiTokenSchema, createdApiTokenSchema, idParamsSchema, loginSchema, meSchema } from '@sht/domain';
import { anonCtxOf, ctxOf, requireLogin, SESSION_COOKIE } from '../../http/auth.js';
import * as auth from './auth.service.js';

const tags = ['auth'];
const ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.sessionMaxHours * 3600,
  };

  app.post('/login', {
    schema: { tags, summary: 'Log in; sets the session cookie', body: loginSchema, response: { 200: meSchema } },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { sessionToken, me } = await auth.login(db, config, anonCtxOf(request), request.body, request.headers['user-agent'] ?? null);
    reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions);
    return me;
  });

  // These three stay open while a new or reset account must still choose its password.
  const pending = requireLogin({ duringPasswordChange: true });

  app.post('/logout', { schema: { tags, response: { 200: ok } }, onRequest: pending }, async (request, reply) => {
    await auth.logout(db, ctxOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags, response: { 200: meSchema } }, onRequest: pending }, async (request) =>
    auth.toMe(ctxOf(request).actor));

  app.post('/password', { schema: { tags, body: changePasswordSchema, response: { 200: ok } }, onRequest: pending }, async (request) => {
    await auth.changeOwnPassword(db, ctxOf(request), request.body);
    return { ok: true as const };
  });

  app.get('/tokens', { schema: { tags, response: { 200: z.array(apiTokenSchema) } }, onRequest: requireLogin() }, async (request) =>
    auth.listApiTokens(db, ctxOf(request)));

  app.post('/tokens', { schema: { tags, body: createApiTokenSchema, response: { 201: createdApiTokenSchema } }, onRequest: requireLogin() },
    async (request, reply) => reply.status(201).send(await auth.createApiToken(db, ctxOf(request), request.body)));

  app.delete('/tokens/:id', { schema: { tags, params: idParamsSchema, response: { 200: ok } }, onRequest: requireLogin() }, async (request) => {
    await auth.revokeApiToken(db, ctxOf(request), request.params.id);
    return { ok: true as const };
  });
};

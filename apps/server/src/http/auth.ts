import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { can, type Permission } from '@sht/domain';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Channels } from '../modules/notifications/notifications.channels.js';
import type { Actor, AnonymousContext, ServiceContext } from '../context.js';
import { authenticate } from '../modules/auth/auth.service.js';
import { safeEqual } from '../modules/auth/auth.crypto.js';
import { httpErrors } from './errors.js';

export const SESSION_COOKIE = 'sht_sid';

// channels: e-mail/SMS for what must go out at once (portal login codes), not through the outbox.
export type AppDeps = { db: Db; config: Config; channels: Channels };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolveActor(request: FastifyRequest): Promise<Actor | null> {
  const { db, config } = request.server.deps;
  const now = new Date();
  const authz = request.headers.authorization;
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    return m?.[1] ? authenticate(db, config, { kind: 'token', raw: m[1] }, now) : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticate(db, config, { kind: 'session', raw: cookie }, now) : null;
}

/**
 * onRequest hook for every protected route: resolves the caller, enforces CSRF on cookie
 * sessions for writes, then the permission (403). Data scope is enforced by repositories.
 */
export function requirePermission(permission?: Permission, opts: { duringPasswordChange?: boolean } = {}): onRequestAsyncHookHandler {
  return async function authGuard(request: FastifyRequest, _reply: FastifyReply) {
    const actor = await resolveActor(request);
    if (!actor) throw httpErrors.UNAUTHENTICATED();
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) throw httpErrors.CSRF_INVALID();
    }
    // A reset or new account works only for choosing its own password until it has done so.
    if (actor.mustChangePassword && !opts.duringPasswordChange) throw httpErrors.PASSWORD_CHANGE_REQUIRED();
    if (permission && !can(actor.roles, permission)) throw httpErrors.FORBIDDEN();
    request.actor = actor;
  };
}

export const requireLogin = (opts: { duringPasswordChange?: boolean } = {}): onRequestAsyncHookHandler => requirePermission(undefined, opts);

export function ctxOf(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw httpErrors.UNAUTHENTICATED();
  return { actor: request.actor, requestId: request.id, ip: request.ip ?? null, now: new Date() };
}

export function anonCtxOf(request: FastifyRequest): AnonymousContext {
  return { actor: null, requestId: request.id, ip: request.ip ?? null, now: new Date() };
}

import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { safeEqual } from '../auth/auth.crypto.js';
import { portalErrors } from './portal.errors.js';
import { resolvePortalSession, type PortalCaller } from './portal.auth.service.js';

// The portal's own cookie, sent by the browser only to the portal API (its path): staff routes
// never read it and portal routes never read the staff cookie or Bearer tokens.
export const PORTAL_COOKIE = 'sht_portal';
export const PORTAL_COOKIE_PATH = '/api/v1/portal';

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalCaller | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** onRequest hook of every portal route past login: the customer behind the cookie, CSRF on writes. */
export const requirePortal: onRequestAsyncHookHandler = async function portalGuard(request: FastifyRequest, _reply: FastifyReply) {
  const raw = request.cookies[PORTAL_COOKIE];
  const caller = raw ? await resolvePortalSession(request.server.deps.db, raw, new Date()) : null;
  if (!caller) throw portalErrors.PORTAL_UNAUTHENTICATED();
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, caller.csrfToken)) throw portalErrors.PORTAL_CSRF_INVALID();
  }
  request.portal = caller;
};

export function portalOf(request: FastifyRequest): PortalCaller {
  if (!request.portal) throw portalErrors.PORTAL_UNAUTHENTICATED();
  return request.portal;
}

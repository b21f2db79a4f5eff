import i18next from 'i18next';
import type { OtpSent, PortalConfirmInput, PortalMe, PortalNewOrderInput, PortalOrder, PortalOrderDetail, PortalUnit } from '@sht/domain';
import { errorFromResponse, toApiError } from '../../api/api-error';

// The portal's own small client: its CSRF token and its 401 handling are not the staff session's
// (the portal cookie is sent only to /api/v1/portal, and a lost portal login goes to /portal/login).
const state = { csrfToken: null as string | null, onUnauthorized: () => {} };

export function setPortalCsrfToken(token: string | null): void {
  state.csrfToken = token;
}
export function setPortalUnauthorizedHandler(handler: () => void): void {
  state.onUnauthorized = handler;
}

async function portalRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { allowUnauthorized?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18next.language === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1/portal${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw toApiError(err, i18next.t('common.networkError'));
  }
  if (!res.ok) {
    const error = await errorFromResponse(res, i18next.t('common.unknownError'));
    if (res.status === 401 && !opts.allowUnauthorized) state.onUnauthorized();
    throw error;
  }
  return (await res.json()) as T;
}

export const portalApi = {
  requestOtp: (phone: string) => portalRequest<OtpSent>('POST', '/otp', { phone }, { allowUnauthorized: true }),
  login: (phone: string, code: string) => portalRequest<PortalMe>('POST', '/login', { phone, code }, { allowUnauthorized: true }),
  logout: () => portalRequest<{ ok: true }>('POST', '/logout', {}),
  /** Who is logged in, or null (a 401 here is an answer, not a lost session). */
  me: async (): Promise<PortalMe | null> => {
    try {
      return await portalRequest<PortalMe>('GET', '/me', undefined, { allowUnauthorized: true });
    } catch (err) {
      if (toApiError(err, '').status === 401) return null;
      throw err;
    }
  },
  orders: () => portalRequest<{ items: PortalOrder[] }>('GET', '/orders'),
  order: (id: string) => portalRequest<PortalOrderDetail>('GET', `/orders/${id}`),
  createOrder: (input: PortalNewOrderInput) => portalRequest<PortalOrderDetail>('POST', '/orders', input),
  units: () => portalRequest<{ items: PortalUnit[] }>('GET', '/equipment'),
  confirm: (id: string, input: PortalConfirmInput) => portalRequest<PortalOrderDetail>('POST', `/orders/${id}/confirm`, input),
};

export const portalKeys = {
  me: ['portal', 'me'] as const,
  orders: ['portal', 'orders'] as const,
  units: ['portal', 'units'] as const,
  order: (id: string) => ['portal', 'order', id] as const,
};

import type { Me } from '@sht/domain';
import { ApiError } from '../../api/api-error';
import { request, setCsrfToken } from '../../api/http-client';

// Every way of obtaining Me also arms the CSRF header for the following requests.
function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The logged-in user, or null when there is no session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return remember(await request<Me>('GET', '/auth/me', { signal, allowUnauthorized: true }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function login(input: { username: string; password: string }): Promise<Me> {
  return remember(await request<Me>('POST', '/auth/login', { body: input, allowUnauthorized: true }));
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout', { body: {}, allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

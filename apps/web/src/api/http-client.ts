import { errorFromResponse, toApiError } from './api-error';

// Session-wide request settings. Kept outside React so every caller (queries, mutations,
// event handlers) sends the same headers without threading them through props.
type ClientState = {
  language: 'zh-CN' | 'en';
  csrfToken: string | null;
  onUnauthorized: () => void;
  messages: { network: string; unknown: string };
};

const state: ClientState = {
  language: 'zh-CN',
  csrfToken: null,
  onUnauthorized: () => {},
  messages: { network: 'Network error', unknown: 'Request failed' },
};

export function setRequestLanguage(language: 'zh-CN' | 'en'): void {
  state.language = language;
}
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}
export function setUnauthorizedHandler(handler: () => void): void {
  state.onUnauthorized = handler;
}
export function setClientMessages(messages: ClientState['messages']): void {
  state.messages = messages;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  // A 401 here is an expected answer (login with a wrong password, "who am I"), not a lost session.
  allowUnauthorized?: boolean;
};

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.language,
  };
  // A FormData body (file uploads) sets its own multipart Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw toApiError(err, state.messages.network);
  }

  if (!res.ok) {
    const error = await errorFromResponse(res, state.messages.unknown);
    if (res.status === 401 && !options.allowUnauthorized) state.onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

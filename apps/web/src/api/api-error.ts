// One error type for everything that comes back from the server (or fails to reach it).
export type ValidationIssue = { path: (string | number)[]; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; requestId?: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
  }

  /** Field issues of a VALIDATION_FAILED answer; empty for every other error. */
  get issues(): ValidationIssue[] {
    if (this.code !== 'VALIDATION_FAILED') return [];
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter(isIssue);
  }
}

function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.path) && typeof v.message === 'string';
}

/** Builds an ApiError from a non-2xx response; tolerates bodies that are not our JSON shape. */
export async function errorFromResponse(res: Response, fallbackMessage: string): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return new ApiError({
    status: res.status,
    code: typeof b.code === 'string' ? b.code : `HTTP_${res.status}`,
    message: typeof b.message === 'string' && b.message ? b.message : fallbackMessage,
    requestId: typeof b.requestId === 'string' ? b.requestId : res.headers.get('x-request-id') ?? undefined,
    details: b.details,
  });
}

/** Anything thrown → ApiError, so UI code handles a single shape. */
export function toApiError(err: unknown, networkMessage: string): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: networkMessage });
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

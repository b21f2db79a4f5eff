import type { Locale } from '@sht/domain';

export type ErrorDef = { status: number; 'zh-CN': string; en: string };
export type ErrorCatalog = Record<string, ErrorDef>;

/** The one error type: a code from a module catalog, optional params and details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly def: ErrorDef,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${interpolate(def.en, params)}`);
    this.name = 'AppError';
  }

  get status(): number {
    return this.def.status;
  }

  localized(locale: Locale): string {
    return interpolate(this.def[locale], this.params);
  }
}

function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/**
 * Declares a module's error codes; returns one factory per code so call sites read
 * `throw orgErrors.ORG_NOT_FOUND()` and every code carries its status and both languages.
 */
export function defineErrors<const C extends ErrorCatalog>(catalog: C) {
  const factories = {} as {
    [K in keyof C]: (params?: Record<string, string | number>, details?: unknown) => AppError;
  };
  for (const code of Object.keys(catalog) as (keyof C & string)[]) {
    const def = catalog[code] as ErrorDef;
    factories[code] = (params, details) => new AppError(code, def, params, details);
  }
  return factories;
}

// Cross-cutting codes used by the HTTP layer itself.
export const httpErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, 'zh-CN': '请求数据不合法', en: 'The request is not valid' },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求格式错误:{reason}', en: 'Malformed request: {reason}' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please log in' },
  FORBIDDEN: { status: 403, 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, 'zh-CN': '请先修改初始密码', en: 'Change your initial password first' },
  CSRF_INVALID: { status: 403, 'zh-CN': 'CSRF 令牌缺失或无效,请刷新页面后重试', en: 'Missing or invalid CSRF token; reload the page and retry' },
  NOT_FOUND: { status: 404, 'zh-CN': '资源不存在', en: 'Not found' },
  VERSION_CONFLICT: { status: 409, 'zh-CN': '数据已被他人修改,请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '请求内容过大', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁,请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误', en: 'Internal server error' },
});

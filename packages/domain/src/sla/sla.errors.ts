// Error codes owned by the SLA clock; the server maps them to HTTP statuses.
export type SlaErrorCode = 'SLA_INVALID_INPUT' | 'SLA_EVENT_OUT_OF_SEQUENCE';

export class SlaError extends Error {
  override readonly name = 'SlaError';
  readonly code: SlaErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: SlaErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isSlaError(error: unknown, code?: SlaErrorCode): error is SlaError {
  return error instanceof SlaError && (code === undefined || error.code === code);
}

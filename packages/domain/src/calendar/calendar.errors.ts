// Error codes owned by the calendar module; the server maps them to HTTP statuses.
export type CalendarErrorCode =
  | 'CALENDAR_YEAR_NOT_COVERED'
  | 'CALENDAR_INVALID_DEFINITION'
  | 'CALENDAR_INVALID_NOTICE'
  | 'CALENDAR_NOTICE_CONFLICT'
  | 'CALENDAR_YEAR_ALREADY_LOADED'
  | 'CALENDAR_INVALID_DATE'
  | 'CALENDAR_INVALID_INSTANT'
  | 'CALENDAR_INVALID_MINUTES'
  | 'CALENDAR_INVALID_RANGE'
  | 'CALENDAR_RANGE_TOO_LARGE'
  | 'CALENDAR_INVALID_TIME_ZONE';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: CalendarErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isCalendarError(error: unknown, code?: CalendarErrorCode): error is CalendarError {
  return error instanceof CalendarError && (code === undefined || error.code === code);
}

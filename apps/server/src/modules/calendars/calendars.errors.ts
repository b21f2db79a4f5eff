import type { CalendarError } from '@sht/domain';
import { defineErrors, type AppError } from '../../http/errors.js';

export const calendarErrors = defineErrors({
  CALENDAR_NOT_FOUND: { status: 404, 'zh-CN': '日历不存在', en: 'Calendar not found' },
  CALENDAR_CODE_TAKEN: { status: 409, 'zh-CN': '日历编码 {code} 已被使用', en: 'The calendar code {code} is already in use' },
  CALENDAR_ORG_NOT_FOUND: { status: 422, 'zh-CN': '所选组织不存在或不在您的权限范围内', en: 'The organisation does not exist or is outside your scope' },
  CALENDAR_ORG_TAKEN: { status: 409, 'zh-CN': '该组织已有自己的日历({code})', en: 'The organisation already has its own calendar ({code})' },
  CALENDAR_DEFAULT_WITH_ORG: { status: 422, 'zh-CN': '默认日历不能归属于某个组织', en: 'The default calendar cannot belong to an organisation' },
  CALENDAR_NO_DEFAULT: { status: 500, 'zh-CN': '系统没有默认日历', en: 'There is no default calendar' },
  CALENDAR_NOTICE_VERSION_EXISTS: {
    status: 409,
    'zh-CN': '{year} 年的节假日安排已有版本"{version}",请使用新的版本名',
    en: 'The {year} holiday notice already has a version "{version}"; use a new version label',
  },
  // The pure calendar rules' codes (packages/domain/src/calendar/calendar.errors.ts).
  CALENDAR_YEAR_NOT_COVERED: {
    status: 422,
    'zh-CN': '{year} 年的法定节假日安排尚未加载,日历无法推算该年(已覆盖:{coveredYears})',
    en: 'No holiday notice is loaded for {year}; the calendar does not guess beyond the years it covers ({coveredYears})',
  },
  CALENDAR_INVALID_DEFINITION: { status: 400, 'zh-CN': '日历定义不合法', en: 'The calendar definition is invalid' },
  CALENDAR_INVALID_NOTICE: { status: 400, 'zh-CN': '节假日安排数据不合法', en: 'The holiday notice is invalid' },
  CALENDAR_NOTICE_CONFLICT: {
    status: 422,
    'zh-CN': '{date} 与 {year} 年的节假日安排冲突',
    en: '{date} conflicts with the {year} holiday notice',
  },
  CALENDAR_YEAR_ALREADY_LOADED: { status: 409, 'zh-CN': '{year} 年的节假日安排已加载', en: 'The {year} holiday notice is already loaded' },
  CALENDAR_INVALID_DATE: { status: 400, 'zh-CN': '日期不合法', en: 'Invalid date' },
  CALENDAR_INVALID_INSTANT: { status: 400, 'zh-CN': '时间不合法', en: 'Invalid instant' },
  CALENDAR_INVALID_MINUTES: { status: 400, 'zh-CN': '时长必须是非负整数分钟', en: 'The duration must be a non-negative whole number of minutes' },
  CALENDAR_INVALID_RANGE: { status: 400, 'zh-CN': '结束日期早于开始日期', en: 'The end date is before the start date' },
  CALENDAR_RANGE_TOO_LARGE: { status: 400, 'zh-CN': '时间范围过大', en: 'The range is too large' },
  CALENDAR_INVALID_TIME_ZONE: { status: 400, 'zh-CN': '未知的时区', en: 'Unknown time zone' },
});

/** The HTTP form of a pure-rule CalendarError: same code, its details as params and details. */
export function fromCalendarError(error: CalendarError): AppError {
  const details = error.details ?? {};
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (Array.isArray(value)) params[key] = value.join(', ') || '—';
  }
  // Every CalendarErrorCode is a key of the catalogue above, or this does not compile.
  return calendarErrors[error.code](params, details);
}

export * from './calendar.errors.js';
export * from './calendar.schemas.js';
export * from './calendar.api.schemas.js';
export {
  FIRST_CALENDAR_YEAR,
  CHINESE_DAYS_VERSION,
  chinaHolidayData,
  emptyHolidayData,
  buildChinaHolidayData,
  holidayDataYears,
  findYearNotice,
  loadYearNotice,
  type HolidayData,
  type ChineseDaysSource,
  type LoadYearNoticeOptions,
} from './calendar.data.js';
export {
  CHINA_OFFICE_HOURS,
  ALWAYS_OPEN,
  createCalendar,
  calendarCoveredYears,
  isYearCovered,
  dayInfo,
  listDays,
  workingIntervals,
  calendarVersionsForDates,
  type BusinessCalendar,
  type WorkingInterval,
} from './calendar.engine.js';
export {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingInstant,
  nextWorkingInstant,
  computeDeadline,
  addBusinessMs,
  businessMsBetween,
  calendarVersionsBetween,
} from './calendar.business-time.js';
export {
  isValidTimeZone,
  zoneOffsetMs,
  localTimeToInstant,
  instantToLocal,
  type IsoWeekday,
} from './calendar.zone.js';

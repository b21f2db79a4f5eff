import { chinaHolidayData, emptyHolidayData, type HolidayData } from './calendar.data.js';
import { CalendarError } from './calendar.errors.js';
import {
  calendarDefinitionSchema,
  MAX_LIST_DAYS,
  type AlwaysOpenCalendarDefinitionInput,
  type BusinessCalendarDefinitionInput,
  type CalendarDefinition,
  type CalendarDefinitionInput,
  type DayInfo,
  type WorkingWindow,
} from './calendar.schemas.js';
import {
  addDays,
  assertLocalDate,
  daysBetween,
  isoWeekday,
  localTimeToInstant,
  timeToMinutes,
  yearOf,
  type IsoWeekday,
} from './calendar.zone.js';

/** A calendar is a value: its definition plus the holiday notices it applies. */
export type BusinessCalendar = {
  readonly definition: CalendarDefinition;
  readonly holidayData: HolidayData;
};

/** 08:30–12:00 and 13:30–17:30, Monday to Friday, Chinese statutory holidays, Asia/Shanghai. */
export const CHINA_OFFICE_HOURS: BusinessCalendarDefinitionInput = {
  kind: 'business',
  name: '标准工作时间',
  windows: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

/** Always working: the hotline and 24-hour SLAs. No holidays, so no year limit. */
export const ALWAYS_OPEN: AlwaysOpenCalendarDefinitionInput = { kind: '24x7', name: '7×24 小时' };

export function createCalendar(
  definition: CalendarDefinitionInput,
  holidayData: HolidayData = chinaHolidayData,
): BusinessCalendar {
  const parsed = calendarDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new CalendarError('CALENDAR_INVALID_DEFINITION', 'calendar definition is invalid', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  const usesHolidays = parsed.data.kind === 'business' && parsed.data.holidays === 'cn_statutory';
  return { definition: parsed.data, holidayData: usesHolidays ? holidayData : emptyHolidayData };
}

// ---- Lookup index, built once per calendar value ----

type SpecialDay = { kind: 'holiday' | 'makeup_workday'; name: string | undefined; nameEn: string | undefined };
/** [start, end) of a working interval, in epoch ms. */
export type WorkingInterval = readonly [number, number];

type CalendarIndex = {
  timeZone: string;
  usesHolidays: boolean;
  weekWindows: ReadonlyMap<IsoWeekday, readonly WorkingWindow[]>;
  makeupWindows: readonly WorkingWindow[];
  special: ReadonlyMap<string, SpecialDay>;
  versions: ReadonlyMap<number, string>;
  intervals: Map<string, readonly WorkingInterval[]>;
};

const FULL_DAY: readonly WorkingWindow[] = [{ start: '00:00', end: '24:00' }];
const indexes = new WeakMap<BusinessCalendar, CalendarIndex>();

function sortWindows(windows: readonly WorkingWindow[]): WorkingWindow[] {
  return [...windows].sort((a, b) => timeToMinutes(a.start) - timeToMinutes(b.start));
}

function buildIndex(calendar: BusinessCalendar): CalendarIndex {
  const definition = calendar.definition;
  const weekWindows = new Map<IsoWeekday, readonly WorkingWindow[]>();
  const special = new Map<string, SpecialDay>();
  const versions = new Map<number, string>();
  if (definition.kind === '24x7') {
    for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) weekWindows.set(weekday, FULL_DAY);
  } else {
    for (const weekday of definition.workingWeekdays) {
      const key = String(weekday) as keyof typeof definition.weekdayWindows;
      weekWindows.set(weekday as IsoWeekday, sortWindows(definition.weekdayWindows[key] ?? definition.windows));
    }
  }
  const usesHolidays = definition.kind === 'business' && definition.holidays === 'cn_statutory';
  for (const notice of usesHolidays ? calendar.holidayData.notices : []) {
    versions.set(notice.year, notice.version);
    for (const range of notice.holidays) {
      for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
        special.set(date, { kind: 'holiday', name: range.name, nameEn: range.nameEn });
      }
    }
    for (const day of notice.makeupWorkdays) {
      special.set(day.date, { kind: 'makeup_workday', name: day.name, nameEn: day.nameEn });
    }
  }
  return {
    timeZone: definition.timeZone,
    usesHolidays,
    weekWindows,
    // 调休: a make-up day is worked as a full ordinary day, whatever its weekday's own hours.
    makeupWindows: definition.kind === 'business' ? sortWindows(definition.windows) : FULL_DAY,
    special,
    versions,
    intervals: new Map(),
  };
}

function indexOf(calendar: BusinessCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (!index) {
    index = buildIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}

// ---- Coverage: which years the calendar can answer for ----

/** Years with holiday data, or 'all' for calendars that apply no holidays (24×7, 'none'). */
export function calendarCoveredYears(calendar: BusinessCalendar): number[] | 'all' {
  const index = indexOf(calendar);
  return index.usesHolidays ? [...index.versions.keys()].sort((a, b) => a - b) : 'all';
}

export function isYearCovered(calendar: BusinessCalendar, year: number): boolean {
  const index = indexOf(calendar);
  return !index.usesHolidays || index.versions.has(year);
}

function assertCovered(index: CalendarIndex, date: string): void {
  const year = yearOf(date);
  if (index.usesHolidays && !index.versions.has(year)) {
    throw new CalendarError('CALENDAR_YEAR_NOT_COVERED', `no holiday notice loaded for ${year}`, {
      year,
      coveredYears: [...index.versions.keys()].sort((a, b) => a - b),
    });
  }
}

/** Version labels of the holiday notices for the years from one date to another. */
export function calendarVersionsForDates(calendar: BusinessCalendar, from: string, to: string): string[] {
  const index = indexOf(calendar);
  const labels: string[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const label = index.versions.get(year);
    if (label) labels.push(label);
  }
  return labels;
}

// ---- Days ----

function classify(index: CalendarIndex, date: string): DayInfo {
  assertCovered(index, date);
  const weekday = isoWeekday(date);
  const special = index.special.get(date);
  const names = {
    ...(special?.name ? { holidayName: special.name } : {}),
    ...(special?.nameEn ? { holidayNameEn: special.nameEn } : {}),
  };
  if (special?.kind === 'holiday') {
    return { date, weekday, workday: false, reason: 'holiday', ...names, windows: [] };
  }
  if (special?.kind === 'makeup_workday') {
    return { date, weekday, workday: true, reason: 'makeup_workday', ...names, windows: [...index.makeupWindows] };
  }
  const windows = index.weekWindows.get(weekday);
  if (!windows) return { date, weekday, workday: false, reason: 'weekend', windows: [] };
  return { date, weekday, workday: true, reason: 'workday', windows: [...windows] };
}

/** Whether a date is worked and why; throws CALENDAR_YEAR_NOT_COVERED beyond the loaded notices. */
export function dayInfo(calendar: BusinessCalendar, date: string): DayInfo {
  return classify(indexOf(calendar), assertLocalDate(date));
}

/** Every day from `from` to `to`, both included, at most 366 days. */
export function listDays(calendar: BusinessCalendar, from: string, to: string): DayInfo[] {
  assertLocalDate(from);
  assertLocalDate(to);
  const count = daysBetween(from, to) + 1;
  if (count < 1) {
    throw new CalendarError('CALENDAR_INVALID_RANGE', `${to} is before ${from}`, { from, to });
  }
  if (count > MAX_LIST_DAYS) {
    throw new CalendarError('CALENDAR_RANGE_TOO_LARGE', `at most ${MAX_LIST_DAYS} days per listing`, {
      from,
      to,
      maxDays: MAX_LIST_DAYS,
    });
  }
  const index = indexOf(calendar);
  return Array.from({ length: count }, (_, offset) => classify(index, addDays(from, offset)));
}

const INTERVAL_CACHE_LIMIT = 4000;

/** The working intervals of a local date as instants, in order. */
export function workingIntervals(calendar: BusinessCalendar, date: string): readonly WorkingInterval[] {
  const index = indexOf(calendar);
  const cached = index.intervals.get(date);
  if (cached) return cached;
  const intervals: WorkingInterval[] = [];
  for (const window of classify(index, date).windows) {
    const start = localTimeToInstant(index.timeZone, date, timeToMinutes(window.start));
    const end = localTimeToInstant(index.timeZone, date, timeToMinutes(window.end));
    // Around a DST jump windows can shrink to nothing or overlap: keep them disjoint and ordered.
    const from = Math.max(start, intervals[intervals.length - 1]?.[1] ?? start);
    if (end > from) intervals.push([from, end]);
  }
  if (index.intervals.size >= INTERVAL_CACHE_LIMIT) index.intervals.clear();
  index.intervals.set(date, intervals);
  return intervals;
}

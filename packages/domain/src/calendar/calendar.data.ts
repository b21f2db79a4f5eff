import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import { CalendarError } from './calendar.errors.js';
import { yearNoticeSchema, type YearNotice } from './calendar.schemas.js';
import { addDays, yearOf } from './calendar.zone.js';

// China's statutory holidays and 调休 make-up workdays, one notice per year, derived at load time
// from the maintained `chinese-days` package (transcribed from 国务院办公厅's yearly notices).

/** Years before this are not served even when the source has them: no SLA ran on them. */
export const FIRST_CALENDAR_YEAR = 2024;

/** Holiday notices by year; a value, so each outlet's calendar can carry its own. */
export type HolidayData = { readonly notices: readonly YearNotice[] };

/** chinese-days' shape: date → "English name,中文名,days" for holidays and make-up workdays. */
export type ChineseDaysSource = {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
};

export const emptyHolidayData: HolidayData = { notices: [] };

export const CHINESE_DAYS_VERSION: string = chineseDaysPackage.version;

type Labelled = { date: string; name: string; nameEn: string | undefined };

function parseLabel(date: string, label: string): Labelled {
  const [nameEn, name] = label.split(',');
  return { date, name: name?.trim() || nameEn?.trim() || '节假日', nameEn: nameEn?.trim() || undefined };
}

function groupByYear(entries: Readonly<Record<string, string>>): Map<number, Labelled[]> {
  const byYear = new Map<number, Labelled[]>();
  for (const [date, label] of Object.entries(entries)) {
    const list = byYear.get(yearOf(date)) ?? [];
    list.push(parseLabel(date, label));
    byYear.set(yearOf(date), list);
  }
  for (const list of byYear.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return byYear;
}

/** Consecutive dates with the same holiday name become one range. */
function toRanges(days: readonly Labelled[]): YearNotice['holidays'] {
  const ranges: YearNotice['holidays'] = [];
  for (const day of days) {
    const last = ranges[ranges.length - 1];
    if (last && last.name === day.name && addDays(last.to, 1) === day.date) {
      last.to = day.date;
    } else {
      ranges.push({ name: day.name, ...(day.nameEn ? { nameEn: day.nameEn } : {}), from: day.date, to: day.date });
    }
  }
  return ranges;
}

/**
 * Builds the year notices from chinese-days data. A year counts as published only when both
 * 春节 and 国庆节 are in it: every yearly notice has both, so a partial year is never served.
 */
export function buildChinaHolidayData(
  source: ChineseDaysSource,
  sourceVersion: string,
  firstYear = FIRST_CALENDAR_YEAR,
): HolidayData {
  const holidays = groupByYear(source.holidays);
  const workdays = groupByYear(source.workdays);
  const notices: YearNotice[] = [];
  for (const [year, days] of [...holidays].sort(([a], [b]) => a - b)) {
    if (year < firstYear) continue;
    const names = new Set(days.map((day) => day.name));
    if (!names.has('春节') || !names.has('国庆节')) continue;
    const notice = {
      year,
      version: `chinese-days@${sourceVersion} / 国务院办公厅通知 ${year}`,
      holidays: toRanges(days),
      makeupWorkdays: (workdays.get(year) ?? []).map((day) => ({
        date: day.date,
        name: day.name,
        ...(day.nameEn ? { nameEn: day.nameEn } : {}),
      })),
    };
    // Same validation as an admin upload. A year that fails it is left uncovered (refused at
    // use) rather than breaking every import of the package; the data tests catch the gap.
    const parsed = yearNoticeSchema.safeParse(notice);
    if (parsed.success) notices.push(parsed.data);
  }
  return { notices };
}

/** The built-in data: every year from 2024 that the installed chinese-days release knows. */
export const chinaHolidayData: HolidayData = buildChinaHolidayData(chineseDaysData, CHINESE_DAYS_VERSION);

export function holidayDataYears(data: HolidayData): number[] {
  return data.notices.map((notice) => notice.year);
}

export function findYearNotice(data: HolidayData, year: number): YearNotice | undefined {
  return data.notices.find((notice) => notice.year === year);
}

function noticeDates(notice: YearNotice): Map<string, 'holiday' | 'makeup_workday'> {
  const dates = new Map<string, 'holiday' | 'makeup_workday'>();
  for (const range of notice.holidays) {
    for (let date = range.from; date <= range.to; date = addDays(date, 1)) dates.set(date, 'holiday');
  }
  for (const day of notice.makeupWorkdays) dates.set(day.date, 'makeup_workday');
  return dates;
}

export type LoadYearNoticeOptions = {
  /** Replace a year already present (a corrected notice); otherwise loading it again is refused. */
  replace?: boolean;
};

/**
 * Validates a year's notice (an object or its JSON text) and returns new holiday data holding it,
 * e.g. when 国务院办公厅 publishes next year's arrangement before chinese-days has it.
 */
export function loadYearNotice(
  data: HolidayData,
  input: unknown,
  options: LoadYearNoticeOptions = {},
): HolidayData {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      throw new CalendarError('CALENDAR_INVALID_NOTICE', 'year notice is not valid JSON');
    }
  }
  const parsed = yearNoticeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CalendarError('CALENDAR_INVALID_NOTICE', 'year notice is invalid', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  const notice = parsed.data;
  if (findYearNotice(data, notice.year) && !options.replace) {
    throw new CalendarError('CALENDAR_YEAR_ALREADY_LOADED', `holidays of ${notice.year} are already loaded`, {
      year: notice.year,
    });
  }
  const others = data.notices.filter((existing) => existing.year !== notice.year);
  const incoming = noticeDates(notice);
  for (const other of others) {
    for (const [date, kind] of noticeDates(other)) {
      const clash = incoming.get(date);
      if (clash && clash !== kind) {
        throw new CalendarError('CALENDAR_NOTICE_CONFLICT', `${date} is a ${kind} in the ${other.year} notice`, {
          date,
          year: other.year,
        });
      }
    }
  }
  return { notices: [...others, notice].sort((a, b) => a.year - b.year) };
}

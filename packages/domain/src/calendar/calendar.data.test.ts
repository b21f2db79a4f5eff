import { describe, it, expect } from 'vitest';
import { addBusinessMinutes } from './calendar.business-time.js';
import {
  CHINESE_DAYS_VERSION,
  FIRST_CALENDAR_YEAR,
  buildChinaHolidayData,
  chinaHolidayData,
  holidayDataYears,
  findYearNotice,
  loadYearNotice,
  type HolidayData,
} from './calendar.data.js';
import { CHINA_OFFICE_HOURS, calendarCoveredYears, createCalendar, dayInfo } from './calendar.engine.js';
import { CalendarError } from './calendar.errors.js';
import type { YearNoticeInput } from './calendar.schemas.js';

function caught(run: () => unknown): CalendarError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

// Built-in data up to 2026, so these tests keep meaning the same when chinese-days learns 2027.
const upTo2026: HolidayData = { notices: chinaHolidayData.notices.filter((notice) => notice.year <= 2026) };

// A test fixture shaped like a State Council notice; NOT the real 2027 arrangement.
const notice2027: YearNoticeInput = {
  year: 2027,
  version: 'test fixture / 国务院办公厅通知 2027 (示例)',
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', nameEn: 'Spring Festival', from: '2027-02-06', to: '2027-02-12' },
    { name: '国庆节', nameEn: 'National Day', from: '2027-10-01', to: '2027-10-07' },
  ],
  makeupWorkdays: [
    { date: '2027-02-20', name: '春节' },
    { date: '2027-10-09', name: '国庆节' },
  ],
};

describe('built-in holiday data from chinese-days', () => {
  it('covers every year from 2024 the installed release knows, consecutively', () => {
    const years = holidayDataYears(chinaHolidayData);
    expect(FIRST_CALENDAR_YEAR).toBe(2024);
    expect(years.slice(0, 3)).toEqual([2024, 2025, 2026]);
    years.forEach((year, index) => expect(year).toBe(2024 + index));
    expect(CHINESE_DAYS_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('holds the 2025 notice as named ranges and make-up days, with its version label', () => {
    expect(findYearNotice(chinaHolidayData, 2025)).toEqual({
      year: 2025,
      version: `chinese-days@${CHINESE_DAYS_VERSION} / 国务院办公厅通知 2025`,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", from: '2025-01-01', to: '2025-01-01' },
        { name: '春节', nameEn: 'Spring Festival', from: '2025-01-28', to: '2025-02-04' },
        { name: '清明', nameEn: 'Tomb-sweeping Day', from: '2025-04-04', to: '2025-04-06' },
        { name: '劳动节', nameEn: 'Labour Day', from: '2025-05-01', to: '2025-05-05' },
        { name: '端午', nameEn: 'Dragon Boat Festival', from: '2025-05-31', to: '2025-06-02' },
        { name: '国庆节', nameEn: 'National Day', from: '2025-10-01', to: '2025-10-05' },
        { name: '中秋', nameEn: 'Mid-autumn Festival', from: '2025-10-06', to: '2025-10-06' },
        { name: '国庆节', nameEn: 'National Day', from: '2025-10-07', to: '2025-10-08' },
      ],
      makeupWorkdays: [
        { date: '2025-01-26', name: '春节', nameEn: 'Spring Festival' },
        { date: '2025-02-08', name: '春节', nameEn: 'Spring Festival' },
        { date: '2025-04-27', name: '劳动节', nameEn: 'Labour Day' },
        { date: '2025-09-28', name: '国庆节', nameEn: 'National Day' },
        { date: '2025-10-11', name: '国庆节', nameEn: 'National Day' },
      ],
    });
  });

  it('holds the 2026 notice: 9-day Spring Festival, separate Mid-Autumn, 4 Jan make-up', () => {
    const notice = findYearNotice(chinaHolidayData, 2026);
    expect(notice?.holidays.map((range) => `${range.name} ${range.from}..${range.to}`)).toEqual([
      '元旦 2026-01-01..2026-01-03',
      '春节 2026-02-15..2026-02-23',
      '清明 2026-04-04..2026-04-06',
      '劳动节 2026-05-01..2026-05-05',
      '端午 2026-06-19..2026-06-21',
      '中秋 2026-09-25..2026-09-27',
      '国庆节 2026-10-01..2026-10-07',
    ]);
    expect(notice?.makeupWorkdays.map((day) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('serves a year only when its notice is complete (春节 and 国庆节) and valid', () => {
    const data = buildChinaHolidayData(
      {
        holidays: {
          '2030-01-01': "New Year's Day,元旦,1",
          '2029-02-13': 'Spring Festival,春节,4',
          '2029-10-01': 'National Day,国庆节,3',
          '2023-01-23': 'Spring Festival,春节,4',
          '2023-10-02': 'National Day,国庆节,3',
          // 2031 would have a make-up day on a Wednesday: invalid, so 2031 stays uncovered.
          '2031-01-23': 'Spring Festival,春节,4',
          '2031-10-01': 'National Day,国庆节,3',
        },
        workdays: { '2029-02-10': 'Spring Festival,春节,4', '2031-01-29': 'Spring Festival,春节,4' },
      },
      '9.9.9',
    );
    expect(data.notices.map((notice) => [notice.year, notice.version])).toEqual([
      [2029, 'chinese-days@9.9.9 / 国务院办公厅通知 2029'],
    ]);
  });
});

describe('loadYearNotice', () => {
  it('adds a new year, after which the calendar computes in it', () => {
    const before = createCalendar(CHINA_OFFICE_HOURS, upTo2026);
    expect(caught(() => dayInfo(before, '2027-02-08')).code).toBe('CALENDAR_YEAR_NOT_COVERED');

    const data = loadYearNotice(upTo2026, notice2027);
    expect(holidayDataYears(data)).toEqual([2024, 2025, 2026, 2027]);
    expect(holidayDataYears(upTo2026)).toEqual([2024, 2025, 2026]);

    const calendar = createCalendar(CHINA_OFFICE_HOURS, data);
    expect(calendarCoveredYears(calendar)).toEqual([2024, 2025, 2026, 2027]);
    expect(dayInfo(calendar, '2027-02-08')).toMatchObject({ reason: 'holiday', holidayName: '春节' });
    expect(dayInfo(calendar, '2027-02-20')).toMatchObject({ reason: 'makeup_workday', workday: true });
    // Fri 5 Feb 17:00 + 60: 30 min, holiday to the 12th, weekend, Mon 15 Feb 08:30 + 30.
    expect(addBusinessMinutes(calendar, '2027-02-05T17:00:00+08:00', 60)).toBe('2027-02-15T01:00:00.000Z');
    // And across the year end from 2026 into the loaded year.
    expect(addBusinessMinutes(calendar, '2026-12-31T17:00:00+08:00', 60)).toBe('2027-01-04T01:00:00.000Z');
  });

  it('accepts the notice as JSON text', () => {
    const data = loadYearNotice(upTo2026, JSON.stringify(notice2027));
    expect(findYearNotice(data, 2027)?.version).toBe('test fixture / 国务院办公厅通知 2027 (示例)');
    expect(caught(() => loadYearNotice(upTo2026, '{"year": 2027,')).code).toBe('CALENDAR_INVALID_NOTICE');
  });

  it('refuses a year already loaded unless replacing it', () => {
    const data = loadYearNotice(upTo2026, notice2027);
    const error = caught(() => loadYearNotice(data, notice2027));
    expect(error.code).toBe('CALENDAR_YEAR_ALREADY_LOADED');
    expect(error.details?.year).toBe(2027);
    const corrected = loadYearNotice(data, { ...notice2027, version: 'corrected' }, { replace: true });
    expect(corrected.notices.filter((notice) => notice.year === 2027).map((notice) => notice.version)).toEqual(['corrected']);
  });

  it('reports invalid notices with the path of each problem', () => {
    const error = caught(() =>
      loadYearNotice(upTo2026, {
        ...notice2027,
        holidays: [
          { name: '春节', from: '2027-02-06', to: '2027-02-12' },
          { name: '重复', from: '2027-02-12', to: '2027-02-13' },
          { name: '倒序', from: '2027-05-05', to: '2027-05-01' },
          { name: '越界', from: '2028-01-01', to: '2028-01-01' },
        ],
        makeupWorkdays: [{ date: '2027-02-22' }, { date: '2027-02-06' }],
      }),
    );
    expect(error.code).toBe('CALENDAR_INVALID_NOTICE');
    expect(error.details?.issues).toEqual([
      { path: ['holidays', '2', 'to'], message: 'to must not be before from' },
      { path: ['holidays', '1', 'from'], message: 'date is already in another holiday' },
      { path: ['holidays', '3', 'from'], message: 'date outside the notice year' },
      { path: ['holidays', '3', 'to'], message: 'date outside the notice year' },
      { path: ['makeupWorkdays', '0', 'date'], message: 'not a Saturday or Sunday' },
      { path: ['makeupWorkdays', '1', 'date'], message: 'date is also a holiday' },
    ]);
  });

  it('refuses a notice contradicting another year on a shared date', () => {
    // A 2027 notice may reach back into December 2026, but not to re-declare a 2026 make-up day.
    const clash = { ...notice2027, makeupWorkdays: [], holidays: [{ name: '元旦', from: '2026-12-01', to: '2026-12-31' }] };
    const withDecember = loadYearNotice(upTo2026, clash);
    expect(findYearNotice(withDecember, 2027)?.holidays).toHaveLength(1);
    const data = loadYearNotice(upTo2026, {
      year: 2026,
      version: 'corrected 2026',
      holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }],
      makeupWorkdays: [{ date: '2026-12-26' }],
    }, { replace: true });
    const error = caught(() => loadYearNotice(data, clash));
    expect(error.code).toBe('CALENDAR_NOTICE_CONFLICT');
    expect(error.details).toEqual({ date: '2026-12-26', year: 2026 });
  });
});

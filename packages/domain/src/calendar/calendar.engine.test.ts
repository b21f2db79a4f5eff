import { describe, it, expect } from 'vitest';
import chineseDays from 'chinese-days';
import { CHINESE_DAYS_VERSION, chinaHolidayData, emptyHolidayData } from './calendar.data.js';
import {
  ALWAYS_OPEN,
  CHINA_OFFICE_HOURS,
  calendarCoveredYears,
  createCalendar,
  dayInfo,
  isYearCovered,
  listDays,
  workingIntervals,
} from './calendar.engine.js';
import { calendarVersionsForDates } from './calendar.engine.js';
import { CalendarError } from './calendar.errors.js';
import { addDays } from './calendar.zone.js';

const office = createCalendar(CHINA_OFFICE_HOURS);
const label = (year: number) => `chinese-days@${CHINESE_DAYS_VERSION} / 国务院办公厅通知 ${year}`;

function caught(run: () => unknown): CalendarError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('dayInfo', () => {
  it('marks the 2025 National Day / Mid-Autumn holiday and its make-up Sunday and Saturday', () => {
    expect(dayInfo(office, '2025-09-28')).toEqual({
      date: '2025-09-28',
      weekday: 7,
      workday: true,
      reason: 'makeup_workday',
      holidayName: '国庆节',
      holidayNameEn: 'National Day',
      windows: [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    });
    expect(dayInfo(office, '2025-10-01')).toMatchObject({ workday: false, reason: 'holiday', holidayName: '国庆节', windows: [] });
    expect(dayInfo(office, '2025-10-06')).toMatchObject({ workday: false, reason: 'holiday', holidayName: '中秋' });
    expect(dayInfo(office, '2025-10-08')).toMatchObject({ workday: false, reason: 'holiday', weekday: 3 });
    expect(dayInfo(office, '2025-10-09')).toMatchObject({ workday: true, reason: 'workday', weekday: 4 });
    expect(dayInfo(office, '2025-10-11')).toMatchObject({ workday: true, reason: 'makeup_workday', weekday: 6 });
    expect(dayInfo(office, '2025-10-12')).toEqual({
      date: '2025-10-12',
      weekday: 7,
      workday: false,
      reason: 'weekend',
      windows: [],
    });
  });

  it('knows Spring Festival 2026 (15–23 Feb) and its make-up Saturdays 14 and 28 Feb', () => {
    expect(dayInfo(office, '2026-02-14')).toMatchObject({ reason: 'makeup_workday', workday: true, holidayName: '春节' });
    for (let date = '2026-02-15'; date <= '2026-02-23'; date = addDays(date, 1)) {
      expect(dayInfo(office, date)).toMatchObject({ reason: 'holiday', workday: false, holidayName: '春节' });
    }
    expect(dayInfo(office, '2026-02-24')).toMatchObject({ reason: 'workday', workday: true, weekday: 2 });
    expect(dayInfo(office, '2026-02-28')).toMatchObject({ reason: 'makeup_workday', workday: true });
  });

  it('agrees with chinese-days on every date of every covered year', () => {
    const years = calendarCoveredYears(office);
    expect(years).not.toBe('all');
    let checked = 0;
    for (const year of years === 'all' ? [] : years) {
      for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
        expect({ date, workday: dayInfo(office, date).workday }).toEqual({
          date,
          workday: chineseDays.isWorkday(date),
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(366 + 365 + 365);
  });

  it('refuses a year it has no notice for, with the year in the error', () => {
    const error = caught(() => dayInfo(office, '2035-05-01'));
    expect(error.code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(error.details?.year).toBe(2035);
    expect(error.details?.coveredYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    // Years before 2024 are not served either, though chinese-days has them.
    expect(caught(() => dayInfo(office, '2023-10-01')).details?.year).toBe(2023);
  });

  it('rejects malformed and impossible dates', () => {
    expect(caught(() => dayInfo(office, '2025-02-30')).code).toBe('CALENDAR_INVALID_DATE');
    expect(caught(() => dayInfo(office, '2025/10/01')).code).toBe('CALENDAR_INVALID_DATE');
  });

  it('treats every day as a working day on a 24×7 calendar, in any year', () => {
    const always = createCalendar(ALWAYS_OPEN);
    expect(dayInfo(always, '2025-10-01')).toEqual({
      date: '2025-10-01',
      weekday: 3,
      workday: true,
      reason: 'workday',
      windows: [{ start: '00:00', end: '24:00' }],
    });
    expect(dayInfo(always, '2035-01-01').workday).toBe(true);
    expect(calendarCoveredYears(always)).toBe('all');
    expect(isYearCovered(always, 1999)).toBe(true);
  });

  it('uses per-weekday windows, and full hours on a make-up Saturday', () => {
    const outlet = createCalendar({
      kind: 'business',
      name: '县级网点',
      windows: [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      weekdayWindows: { '6': [{ start: '08:00', end: '12:00' }] },
    });
    expect(dayInfo(outlet, '2025-10-18')).toMatchObject({ reason: 'workday', windows: [{ start: '08:00', end: '12:00' }] });
    expect(dayInfo(outlet, '2025-10-19')).toMatchObject({ reason: 'weekend', workday: false });
    // A holiday on a Saturday is still a holiday.
    expect(dayInfo(outlet, '2025-10-04')).toMatchObject({ reason: 'holiday', workday: false });
    expect(dayInfo(outlet, '2025-10-11')).toMatchObject({
      reason: 'makeup_workday',
      windows: [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
  });

  it('ignores holidays on a calendar defined without them', () => {
    const plain = createCalendar({ ...CHINA_OFFICE_HOURS, holidays: 'none' });
    expect(dayInfo(plain, '2025-10-01')).toMatchObject({ reason: 'workday', workday: true });
    expect(dayInfo(plain, '2025-09-28')).toMatchObject({ reason: 'weekend', workday: false });
    expect(dayInfo(plain, '2040-01-02').workday).toBe(true);
    expect(plain.holidayData).toBe(emptyHolidayData);
  });
});

describe('listDays', () => {
  it('lists the National Day fortnight of 2025 day by day', () => {
    const days = listDays(office, '2025-09-27', '2025-10-12');
    expect(days.map((day) => `${day.date.slice(5)} ${day.reason}`)).toEqual([
      '09-27 weekend',
      '09-28 makeup_workday',
      '09-29 workday',
      '09-30 workday',
      '10-01 holiday',
      '10-02 holiday',
      '10-03 holiday',
      '10-04 holiday',
      '10-05 holiday',
      '10-06 holiday',
      '10-07 holiday',
      '10-08 holiday',
      '10-09 workday',
      '10-10 workday',
      '10-11 makeup_workday',
      '10-12 weekend',
    ]);
  });

  it('counts 248 working days in 2025 (a 365-day listing)', () => {
    const days = listDays(office, '2025-01-01', '2025-12-31');
    expect(days).toHaveLength(365);
    expect(days.filter((day) => day.workday)).toHaveLength(248);
    expect(days.filter((day) => day.reason === 'makeup_workday').map((day) => day.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('allows 366 days and refuses more, or a reversed range', () => {
    expect(listDays(office, '2024-01-01', '2024-12-31')).toHaveLength(366);
    expect(listDays(office, '2025-10-09', '2025-10-09')).toHaveLength(1);
    const tooLong = caught(() => listDays(office, '2024-01-01', '2025-01-01'));
    expect(tooLong.code).toBe('CALENDAR_RANGE_TOO_LARGE');
    expect(tooLong.details?.maxDays).toBe(366);
    expect(caught(() => listDays(office, '2025-10-02', '2025-10-01')).code).toBe('CALENDAR_INVALID_RANGE');
  });

  it('refuses a listing that reaches into an uncovered year', () => {
    const only2025 = createCalendar(CHINA_OFFICE_HOURS, {
      notices: chinaHolidayData.notices.filter((notice) => notice.year === 2025),
    });
    const error = caught(() => listDays(only2025, '2025-12-30', '2026-01-02'));
    expect(error.code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(error.details?.year).toBe(2026);
  });
});

describe('workingIntervals and versions', () => {
  it('turns the windows of a Shanghai day into UTC instants', () => {
    expect(workingIntervals(office, '2025-10-09').map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()])).toEqual([
      ['2025-10-09T00:30:00.000Z', '2025-10-09T04:00:00.000Z'],
      ['2025-10-09T05:30:00.000Z', '2025-10-09T09:30:00.000Z'],
    ]);
    expect(workingIntervals(office, '2025-10-01')).toEqual([]);
  });

  it('keeps windows disjoint when a DST jump swallows part of them (New York, 9 Mar 2025)', () => {
    const night = createCalendar({
      kind: 'business',
      name: 'night shift',
      timeZone: 'America/New_York',
      holidays: 'none',
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
      windows: [
        { start: '01:00', end: '02:30' },
        { start: '03:00', end: '04:00' },
      ],
    });
    // 02:00–03:00 does not exist that night: together they cover 01:00 EST to 04:00 EDT, two hours.
    const intervals = workingIntervals(night, '2025-03-09');
    expect(intervals.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()])).toEqual([
      ['2025-03-09T06:00:00.000Z', '2025-03-09T07:30:00.000Z'],
      ['2025-03-09T07:30:00.000Z', '2025-03-09T08:00:00.000Z'],
    ]);
    expect(intervals.reduce((sum, [s, e]) => sum + (e - s), 0)).toBe(120 * 60_000);
  });

  it('names the notice versions a span depends on', () => {
    expect(calendarVersionsForDates(office, '2025-12-31', '2026-01-04')).toEqual([label(2025), label(2026)]);
    expect(calendarVersionsForDates(createCalendar(ALWAYS_OPEN), '2025-01-01', '2026-01-01')).toEqual([]);
  });
});

describe('createCalendar', () => {
  it('rejects an invalid definition with the paths of the problems', () => {
    const error = caught(() =>
      createCalendar({
        kind: 'business',
        name: '错误',
        windows: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      }),
    );
    expect(error.code).toBe('CALENDAR_INVALID_DEFINITION');
    expect(error.details?.issues).toEqual([{ path: ['windows', '1', 'start'], message: 'window overlaps another window' }]);
  });

  it('defaults to Asia/Shanghai, Monday to Friday and Chinese statutory holidays', () => {
    expect(office.definition).toEqual({
      kind: 'business',
      name: '标准工作时间',
      timeZone: 'Asia/Shanghai',
      holidays: 'cn_statutory',
      windows: [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
      workingWeekdays: [1, 2, 3, 4, 5],
      weekdayWindows: {},
    });
    expect(office.holidayData).toBe(chinaHolidayData);
  });
});

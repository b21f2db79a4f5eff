import { describe, it, expect } from 'vitest';
import chineseDays from 'chinese-days';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  computeDeadline,
  isWorkingInstant,
  nextWorkingInstant,
} from './calendar.business-time.js';
import { CHINESE_DAYS_VERSION, chinaHolidayData } from './calendar.data.js';
import { ALWAYS_OPEN, CHINA_OFFICE_HOURS, createCalendar } from './calendar.engine.js';
import { CalendarError } from './calendar.errors.js';
import { addDays } from './calendar.zone.js';

// Office hours 08:30–12:00 and 13:30–17:30 in Asia/Shanghai (UTC+8): 450 minutes a day.
const office = createCalendar(CHINA_OFFICE_HOURS);
const always = createCalendar(ALWAYS_OPEN);

function caught(run: () => unknown): CalendarError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('addBusinessMinutes', () => {
  it('skips the lunch break', () => {
    // 11:00 + 120: one hour to 12:00, one hour from 13:30 → 14:30 (06:30Z).
    expect(addBusinessMinutes(office, '2025-10-09T11:00:00+08:00', 120)).toBe('2025-10-09T06:30:00.000Z');
  });

  it('ends exactly at a window end rather than at the next window', () => {
    expect(addBusinessMinutes(office, '2025-10-09T11:00:00+08:00', 60)).toBe('2025-10-09T04:00:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-09T12:00:00+08:00', 1)).toBe('2025-10-09T05:31:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-09T17:00:00+08:00', 30)).toBe('2025-10-09T09:30:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-09T17:00:00+08:00', 31)).toBe('2025-10-10T00:31:00.000Z');
  });

  it('starts counting at the next window when started outside working hours', () => {
    expect(addBusinessMinutes(office, '2025-10-09T07:00:00+08:00', 10)).toBe('2025-10-09T00:40:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-09T12:30:00+08:00', 10)).toBe('2025-10-09T05:40:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-09T20:00:00+08:00', 10)).toBe('2025-10-10T00:40:00.000Z');
  });

  it('crosses the 2025 National Day holiday (1–8 Oct)', () => {
    // Tue 30 Sep 16:30 + 120: 60 before closing, then Thu 9 Oct 08:30 + 60 → 09:30.
    expect(addBusinessMinutes(office, '2025-09-30T16:30:00+08:00', 120)).toBe('2025-10-09T01:30:00.000Z');
  });

  it('works the make-up Sunday 28 Sep and Saturday 11 Oct 2025', () => {
    expect(addBusinessMinutes(office, '2025-09-27T10:00:00+08:00', 30)).toBe('2025-09-28T01:00:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-10T17:00:00+08:00', 60)).toBe('2025-10-11T01:00:00.000Z');
    // After the make-up Saturday comes an ordinary Sunday off.
    expect(addBusinessMinutes(office, '2025-10-11T17:00:00+08:00', 60)).toBe('2025-10-13T01:00:00.000Z');
  });

  it('starts on a holiday at the first working minute after it', () => {
    expect(addBusinessMinutes(office, '2025-10-03T10:00:00+08:00', 1)).toBe('2025-10-09T00:31:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-03T10:00:00+08:00', 450)).toBe('2025-10-09T09:30:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-03T10:00:00+08:00', 451)).toBe('2025-10-10T00:31:00.000Z');
  });

  it('crosses Spring Festival 2026 with its make-up Saturday before it', () => {
    // Fri 13 Feb 17:00: 30 min, Sat 14 Feb (make-up) 450 → ends at 17:30 on the 14th.
    expect(addBusinessMinutes(office, '2026-02-13T17:00:00+08:00', 480)).toBe('2026-02-14T09:30:00.000Z');
    // One more minute waits out 15–23 Feb to Tue 24 Feb 08:31.
    expect(addBusinessMinutes(office, '2026-02-13T17:00:00+08:00', 481)).toBe('2026-02-24T00:31:00.000Z');
  });

  it('crosses the year end into the 2026 New Year make-up Sunday', () => {
    // 31 Dec 17:00 + 60: 30 min, 1–3 Jan holiday, Sun 4 Jan 2026 is a make-up workday.
    expect(addBusinessMinutes(office, '2025-12-31T17:00:00+08:00', 60)).toBe('2026-01-04T01:00:00.000Z');
  });

  it('returns the start itself for zero minutes, normalised to UTC', () => {
    expect(addBusinessMinutes(office, '2025-10-09T10:00:00+08:00', 0)).toBe('2025-10-09T02:00:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-03T10:00:00+08:00', 0)).toBe('2025-10-03T02:00:00.000Z');
  });

  it('refuses negative, fractional and absurd minutes with a typed error', () => {
    for (const minutes of [-1, 1.5, Number.NaN, 10_000_001]) {
      const error = caught(() => addBusinessMinutes(office, '2025-10-09T10:00:00+08:00', minutes));
      expect(error.code).toBe('CALENDAR_INVALID_MINUTES');
    }
  });

  it('refuses instants without an offset or that do not exist', () => {
    expect(caught(() => addBusinessMinutes(office, '2025-10-09T10:00:00', 10)).code).toBe('CALENDAR_INVALID_INSTANT');
    expect(caught(() => addBusinessMinutes(office, '2025-02-30T10:00:00Z', 10)).code).toBe('CALENDAR_INVALID_INSTANT');
  });

  it('refuses to run into a year without a notice instead of guessing', () => {
    const only2025 = createCalendar(CHINA_OFFICE_HOURS, {
      notices: chinaHolidayData.notices.filter((notice) => notice.year === 2025),
    });
    expect(addBusinessMinutes(only2025, '2025-12-31T17:00:00+08:00', 30)).toBe('2025-12-31T09:30:00.000Z');
    const error = caught(() => addBusinessMinutes(only2025, '2025-12-31T17:00:00+08:00', 31));
    expect(error.code).toBe('CALENDAR_YEAR_NOT_COVERED');
    expect(error.details?.year).toBe(2026);
    expect(caught(() => addBusinessMinutes(office, '2035-03-01T09:00:00+08:00', 10)).details?.year).toBe(2035);
  });

  it('skips whole days: 100,000 minutes land on the 223rd working day, fast', () => {
    const started = Date.now();
    const due = addBusinessMinutes(office, '2025-01-02T08:30:00+08:00', 100_000);
    const elapsedMs = Date.now() - started;
    // 222 full days (99,900 min) + 100 min into the 223rd: 10:10 local. Count days with chinese-days.
    let date = '2025-01-02';
    for (let workdays = chineseDays.isWorkday(date) ? 1 : 0; workdays < 223; ) {
      date = addDays(date, 1);
      if (chineseDays.isWorkday(date)) workdays++;
    }
    expect(date).toBe('2025-11-26');
    expect(due).toBe('2025-11-26T02:10:00.000Z');
    expect(businessMinutesBetween(office, '2025-01-02T08:30:00+08:00', due)).toBe(100_000);
    expect(elapsedMs).toBeLessThan(500);
  });

  it('adds plain elapsed time on a 24×7 calendar, holidays or not', () => {
    expect(addBusinessMinutes(always, '2025-10-01T10:00:00+08:00', 1440)).toBe('2025-10-02T02:00:00.000Z');
    expect(addBusinessMinutes(always, '2035-01-01T00:00:00Z', 10_000_000)).toBe('2054-01-05T10:40:00.000Z');
  });
});

describe('time zones', () => {
  const utcOffice = createCalendar({ ...CHINA_OFFICE_HOURS, timeZone: 'UTC' });

  it('reads the same windows in the calendar zone, not the host zone', () => {
    // 11:00Z is 19:00 in Shanghai (closed) but 11:00 in UTC (open).
    expect(addBusinessMinutes(utcOffice, '2025-10-09T11:00:00Z', 120)).toBe('2025-10-09T14:30:00.000Z');
    expect(addBusinessMinutes(office, '2025-10-09T11:00:00Z', 120)).toBe('2025-10-10T02:30:00.000Z');
    expect(isWorkingInstant(utcOffice, '2025-10-09T11:00:00Z')).toBe(true);
    expect(isWorkingInstant(office, '2025-10-09T11:00:00Z')).toBe(false);
  });

  it('applies Chinese dates in the calendar zone: 1 Oct 02:00Z is still 30 Sep in UTC', () => {
    expect(isWorkingInstant(utcOffice, '2025-09-30T16:00:00Z')).toBe(true);
    expect(isWorkingInstant(office, '2025-09-30T16:00:00Z')).toBe(false);
  });

  it('runs an Urumqi outlet on local time (UTC+6)', () => {
    const urumqi = createCalendar({
      kind: 'business',
      name: '乌鲁木齐网点',
      timeZone: 'Asia/Urumqi',
      windows: [
        { start: '10:00', end: '13:30' },
        { start: '15:30', end: '19:30' },
      ],
    });
    // 13:00 local (07:00Z) + 60: 30 min, then 15:30 + 30 → 16:00 local = 10:00Z.
    expect(addBusinessMinutes(urumqi, '2025-10-09T07:00:00Z', 60)).toBe('2025-10-09T10:00:00.000Z');
    expect(nextWorkingInstant(urumqi, '2025-10-08T00:00:00Z')).toBe('2025-10-09T04:00:00.000Z');
  });

  it('follows a DST change in New York (offset −5 → −4 on 9 Mar 2025)', () => {
    const newYork = createCalendar({
      kind: 'business',
      name: 'New York office',
      timeZone: 'America/New_York',
      holidays: 'none',
      windows: [{ start: '09:00', end: '17:00' }],
    });
    // Fri 7 Mar 16:00 EST (21:00Z) + 120: 60 on Friday, Mon 10 Mar 09:00 EDT + 60 → 14:00Z.
    expect(addBusinessMinutes(newYork, '2025-03-07T21:00:00Z', 120)).toBe('2025-03-10T14:00:00.000Z');
    const alwaysNy = createCalendar({ kind: '24x7', name: 'NY hotline', timeZone: 'America/New_York' });
    // The local day of the change has 23 hours.
    expect(businessMinutesBetween(alwaysNy, '2025-03-09T00:00:00-05:00', '2025-03-10T00:00:00-04:00')).toBe(1380);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only working minutes, across holidays and weekends', () => {
    expect(businessMinutesBetween(office, '2025-10-09T08:30:00+08:00', '2025-10-09T17:30:00+08:00')).toBe(450);
    expect(businessMinutesBetween(office, '2025-09-30T08:30:00+08:00', '2025-10-09T08:30:00+08:00')).toBe(450);
    expect(businessMinutesBetween(office, '2025-10-13T08:30:00+08:00', '2025-10-20T08:30:00+08:00')).toBe(2250);
    expect(businessMinutesBetween(office, '2025-10-09T12:10:00+08:00', '2025-10-09T13:20:00+08:00')).toBe(0);
  });

  it('is negative when reversed and fractional on seconds', () => {
    expect(businessMinutesBetween(office, '2025-10-09T17:30:00+08:00', '2025-10-09T08:30:00+08:00')).toBe(-450);
    expect(businessMinutesBetween(office, '2025-10-09T08:30:30+08:00', '2025-10-09T08:31:00+08:00')).toBe(0.5);
  });

  it('is the inverse of addBusinessMinutes', () => {
    for (const minutes of [0, 1, 209, 210, 211, 450, 451, 4500]) {
      const due = addBusinessMinutes(office, '2025-09-26T11:15:00+08:00', minutes);
      expect(businessMinutesBetween(office, '2025-09-26T11:15:00+08:00', due)).toBe(minutes);
    }
  });

  it('counts wall-clock minutes on a 24×7 calendar', () => {
    expect(businessMinutesBetween(always, '2025-10-01T00:00:00+08:00', '2025-10-08T00:00:00+08:00')).toBe(7 * 1440);
  });
});

describe('isWorkingInstant and nextWorkingInstant', () => {
  it('includes a window start and excludes its end', () => {
    expect(isWorkingInstant(office, '2025-10-09T08:30:00+08:00')).toBe(true);
    expect(isWorkingInstant(office, '2025-10-09T08:29:59+08:00')).toBe(false);
    expect(isWorkingInstant(office, '2025-10-09T11:59:00+08:00')).toBe(true);
    expect(isWorkingInstant(office, '2025-10-09T12:00:00+08:00')).toBe(false);
    expect(isWorkingInstant(office, '2025-10-01T10:00:00+08:00')).toBe(false);
    expect(isWorkingInstant(office, '2025-09-28T10:00:00+08:00')).toBe(true);
    expect(isWorkingInstant(always, '2025-10-01T03:00:00+08:00')).toBe(true);
  });

  it('finds the next opening', () => {
    expect(nextWorkingInstant(office, '2025-10-09T12:15:00+08:00')).toBe('2025-10-09T05:30:00.000Z');
    expect(nextWorkingInstant(office, '2025-09-30T18:00:00+08:00')).toBe('2025-10-09T00:30:00.000Z');
    expect(nextWorkingInstant(office, '2025-10-09T10:00:00+08:00')).toBe('2025-10-09T02:00:00.000Z');
  });
});

describe('computeDeadline', () => {
  it('answers with the due instant and the notice versions it used', () => {
    expect(computeDeadline(office, { start: '2025-12-31T17:00:00+08:00', minutes: 60 })).toEqual({
      start: '2025-12-31T17:00:00+08:00',
      minutes: 60,
      due: '2026-01-04T01:00:00.000Z',
      calendarVersions: [
        `chinese-days@${CHINESE_DAYS_VERSION} / 国务院办公厅通知 2025`,
        `chinese-days@${CHINESE_DAYS_VERSION} / 国务院办公厅通知 2026`,
      ],
    });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  diffDays,
  fromDayNumber,
  isLeapYear,
  isLocalDate,
  isWithin,
  maxDate,
  minDate,
  periodEnd,
  toDayNumber,
  toShanghaiDate,
  windowEnd,
} from './warranty.dates.js';

describe('leap years and month lengths', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect([2023, 2024, 1900, 2000, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('gives February 29 days only in leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-13-01')).toBe(false);
    expect(isLocalDate('2024-04-31')).toBe(false);
    expect(isLocalDate('2024-1-01')).toBe(false);
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
  });
});

describe('addDays / diffDays', () => {
  it('crosses leap days, month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts 366 days in a leap year and 365 otherwise', () => {
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2023-01-01', '2024-01-01')).toBe(365);
    expect(diffDays('2024-03-08', '2024-03-01')).toBe(-7);
  });

  it('round-trips day numbers from the epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('addMonths clamps to the month end', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-03-01', 36, '2027-03-01'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });
});

describe('period convention (民法典 201/202)', () => {
  it('a 12-month period from 2024-03-01 covers up to and including 2025-03-01', () => {
    expect(periodEnd('2024-03-01', 12)).toBe('2025-03-01');
  });

  it('a 1-month period from Jan 31 ends on the last day of February', () => {
    expect(periodEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodEnd('2025-01-31', 1)).toBe('2025-02-28');
  });

  it('a 7-day window from 2024-03-01 covers up to and including 2024-03-08', () => {
    expect(windowEnd('2024-03-01', 7)).toBe('2024-03-08');
  });

  it('isWithin includes both ends and treats a null end as open', () => {
    expect(isWithin('2024-03-01', '2024-03-01', '2024-03-08')).toBe(true);
    expect(isWithin('2024-03-08', '2024-03-01', '2024-03-08')).toBe(true);
    expect(isWithin('2024-03-09', '2024-03-01', '2024-03-08')).toBe(false);
    expect(isWithin('2024-02-29', '2024-03-01', '2024-03-08')).toBe(false);
    expect(isWithin('2099-01-01', '2024-03-01', null)).toBe(true);
  });

  it('compares, picks min and max', () => {
    expect(compareDates('2024-02-29', '2024-03-01')).toBeLessThan(0);
    expect(minDate('2024-02-29', '2024-03-01')).toBe('2024-02-29');
    expect(maxDate('2024-02-29', '2024-03-01')).toBe('2024-03-01');
  });
});

describe('toShanghaiDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('turns 15:59 UTC into the same day and 16:00 UTC into the next day', () => {
    expect(toShanghaiDate('2024-03-01T15:59:59Z')).toBe('2024-03-01');
    expect(toShanghaiDate('2024-03-01T15:59:59.999Z')).toBe('2024-03-01');
    expect(toShanghaiDate('2024-03-01T16:00:00Z')).toBe('2024-03-02');
    expect(toShanghaiDate('2024-03-01T16:00Z')).toBe('2024-03-02');
  });

  it('lands on Feb 29 and on New Year across the boundary', () => {
    expect(toShanghaiDate('2024-02-28T16:00:00Z')).toBe('2024-02-29');
    expect(toShanghaiDate('2023-12-31T16:00:00.000Z')).toBe('2024-01-01');
    expect(toShanghaiDate('2023-12-31T15:59:59Z')).toBe('2023-12-31');
  });

  it('respects the offset written in the instant', () => {
    expect(toShanghaiDate('2024-03-02T00:00:00+08:00')).toBe('2024-03-02');
    expect(toShanghaiDate('2024-03-01T23:59:59+08:00')).toBe('2024-03-01');
    expect(toShanghaiDate('2024-03-01T11:00:00-05:00')).toBe('2024-03-02');
    expect(toShanghaiDate('2024-03-01T10:59:00-05:00')).toBe('2024-03-01');
  });

  it('does not depend on the host time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      expect(toShanghaiDate('2024-03-01T15:59:59Z')).toBe('2024-03-01');
      expect(toShanghaiDate('2024-03-01T16:00:00Z')).toBe('2024-03-02');
    }
  });

  it('rejects instants without an offset or with impossible dates', () => {
    expect(() => toShanghaiDate('2024-03-01T16:00:00')).toThrow(RangeError);
    expect(() => toShanghaiDate('2024-03-01')).toThrow(RangeError);
    expect(() => toShanghaiDate('2024-02-30T00:00:00Z')).toThrow(RangeError);
    expect(() => toShanghaiDate('yesterday')).toThrow(RangeError);
  });
});

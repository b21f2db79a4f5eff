import { describe, it, expect } from 'vitest';
import {
  addDays,
  daysBetween,
  instantToLocal,
  isoWeekday,
  isValidTimeZone,
  localTimeToInstant,
  parseInstant,
  zoneOffsetMs,
} from './calendar.zone.js';
import { CalendarError } from './calendar.errors.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoneOffsetMs', () => {
  it('reads offsets from Intl, independent of the host zone', () => {
    expect(zoneOffsetMs('Asia/Shanghai', at('2025-10-09T00:00:00Z'))).toBe(8 * HOUR);
    expect(zoneOffsetMs('UTC', at('2025-10-09T00:00:00Z'))).toBe(0);
    expect(zoneOffsetMs('Asia/Kolkata', at('2025-10-09T00:00:00Z'))).toBe(5.5 * HOUR);
    expect(zoneOffsetMs('America/New_York', at('2025-01-15T12:00:00Z'))).toBe(-5 * HOUR);
    expect(zoneOffsetMs('America/New_York', at('2025-07-15T12:00:00Z'))).toBe(-4 * HOUR);
    expect(zoneOffsetMs('Asia/Shanghai', at('2025-10-09T00:00:00.999Z'))).toBe(8 * HOUR);
  });

  it('refuses an unknown zone with a typed error', () => {
    expect(() => zoneOffsetMs('Mars/Olympus', 0)).toThrow(CalendarError);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Asia/Urumqi')).toBe(true);
  });
});

describe('localTimeToInstant / instantToLocal', () => {
  it('round-trips Shanghai wall times', () => {
    const ms = localTimeToInstant('Asia/Shanghai', '2025-10-09', 8 * 60 + 30);
    expect(iso(ms)).toBe('2025-10-09T00:30:00.000Z');
    expect(instantToLocal('Asia/Shanghai', ms)).toEqual({ date: '2025-10-09', minuteOfDay: 510 });
    expect(instantToLocal('Asia/Shanghai', at('2025-09-30T16:00:00Z'))).toEqual({ date: '2025-10-01', minuteOfDay: 0 });
    expect(iso(localTimeToInstant('Asia/Shanghai', '2025-10-09', 1440))).toBe('2025-10-09T16:00:00.000Z');
  });

  it('moves a wall time skipped by DST forward and takes the first of a repeated one', () => {
    // 9 Mar 2025 02:30 does not exist in New York: it resolves to 03:30 EDT.
    expect(iso(localTimeToInstant('America/New_York', '2025-03-09', 150))).toBe('2025-03-09T07:30:00.000Z');
    // 2 Nov 2025 01:30 happens twice: the EDT one comes first.
    expect(iso(localTimeToInstant('America/New_York', '2025-11-02', 90))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(localTimeToInstant('America/New_York', '2025-11-02', 180))).toBe('2025-11-02T08:00:00.000Z');
  });
});

describe('dates and instants', () => {
  it('does calendar arithmetic on YYYY-MM-DD', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-09-28', '2025-10-11')).toBe(13);
    expect(isoWeekday('2025-09-28')).toBe(7);
    expect(isoWeekday('2025-10-11')).toBe(6);
    expect(isoWeekday('2026-02-23')).toBe(1);
  });

  it('parses instants with Z or an offset only', () => {
    expect(parseInstant('2025-10-09T08:30:00+08:00')).toBe(at('2025-10-09T00:30:00Z'));
    expect(() => parseInstant('2025-10-09 08:30')).toThrow(CalendarError);
    expect(() => parseInstant('not a date')).toThrow(CalendarError);
  });
});

import { isoInstantSchema, localDateSchema } from '../common/common.schemas.js';
import { CalendarError } from './calendar.errors.js';

// Time zone and local-date arithmetic without the host's TZ: offsets come from
// Intl.DateTimeFormat({ timeZone }), which Node and every current browser support.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CalendarError('CALENDAR_INVALID_TIME_ZONE', `unknown time zone: ${timeZone}`, {
        timeZone,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +28,800,000). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    (fields.hour ?? 0) % 24,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  // The formatter drops milliseconds, so compare against the instant floored to the second.
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

// formatToParts costs ~10 µs, so offsets are looked up once per local date and zone: when the
// offset a day before and two days after a date agree, every wall time of that date uses it
// (no zone changes its offset twice within three days).
const DAY_OFFSET_CACHE_LIMIT = 20_000;
const dayOffsets = new Map<string, Map<string, number | null>>();

function uniformDayOffset(timeZone: string, date: string): number | null {
  let zone = dayOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    dayOffsets.set(timeZone, zone);
  }
  const cached = zone.get(date);
  if (cached !== undefined) return cached;
  const midnight = dateToUtcMs(date);
  const before = zoneOffsetMs(timeZone, midnight - DAY_MS);
  const offset = before === zoneOffsetMs(timeZone, midnight + 2 * DAY_MS) ? before : null;
  if (zone.size >= DAY_OFFSET_CACHE_LIMIT) zone.clear();
  zone.set(date, offset);
  return offset;
}

/**
 * The instant of a local wall time. A wall time skipped by a DST jump resolves after the jump,
 * a repeated one to its first occurrence (the same rule as Temporal's 'compatible').
 */
export function localTimeToInstant(timeZone: string, date: string, minuteOfDay: number): number {
  const wall = dateToUtcMs(date) + minuteOfDay * MINUTE_MS;
  const uniform = uniformDayOffset(timeZone, date);
  if (uniform !== null) return wall - uniform;
  const before = zoneOffsetMs(timeZone, wall - DAY_MS);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = zoneOffsetMs(timeZone, early) === before;
  const lateValid = zoneOffsetMs(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early;
}

/** Local calendar date and minute of day of an instant in a zone. */
export function instantToLocal(
  timeZone: string,
  epochMs: number,
): { date: string; minuteOfDay: number } {
  // The instant lies within the day before / two days after its UTC date's midnight.
  const offset = uniformDayOffset(timeZone, utcMsToDate(epochMs)) ?? zoneOffsetMs(timeZone, epochMs);
  const local = epochMs + offset;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  return {
    date: utcMsToDate(dayStart),
    minuteOfDay: Math.floor((local - dayStart) / MINUTE_MS),
  };
}

/** Parses an ISO instant that carries Z or an offset; local times are ambiguous and refused. */
export function parseInstant(value: string): number {
  const ms = isoInstantSchema.safeParse(value).success ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CalendarError(
      'CALENDAR_INVALID_INSTANT',
      `not an ISO instant with Z or offset: ${value}`,
      { value },
    );
  }
  return ms;
}

export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Validates a 'YYYY-MM-DD' calendar date (real dates only: no 2025-02-30). */
export function assertLocalDate(date: string): string {
  if (!localDateSchema.safeParse(date).success) {
    throw new CalendarError('CALENDAR_INVALID_DATE', `not a YYYY-MM-DD date: ${date}`, { date });
  }
  return date;
}

export function dateToUtcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

// Hot in the day-by-day loops: six times faster than toISOString().slice(0, 10).
export function utcMsToDate(epochMs: number): string {
  const day = new Date(epochMs);
  const year = String(day.getUTCFullYear()).padStart(4, '0');
  return `${year}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

export function isoWeekday(date: string): IsoWeekday {
  const day = new Date(dateToUtcMs(date)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 'HH:mm' (or '24:00') → minutes since local midnight. */
export function timeToMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

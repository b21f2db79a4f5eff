import { CalendarError } from './calendar.errors.js';
import { MAX_DEADLINE_MINUTES, type DeadlineResponse } from './calendar.schemas.js';
import { calendarVersionsForDates, workingIntervals, type BusinessCalendar } from './calendar.engine.js';
import {
  addDays,
  daysBetween,
  formatInstant,
  instantToLocal,
  MINUTE_MS,
  parseInstant,
} from './calendar.zone.js';

// Business time walks the calendar a day at a time (each day is a handful of intervals),
// so a 100,000-minute deadline costs a few hundred steps, not 100,000.

/** Safety stop for calendars without a year limit (no holidays): 25 years of days. */
const MAX_SCAN_DAYS = 366 * 25;

function tooLarge(days: number): CalendarError {
  return new CalendarError('CALENDAR_RANGE_TOO_LARGE', `span exceeds ${MAX_SCAN_DAYS} days`, {
    days,
    maxDays: MAX_SCAN_DAYS,
  });
}

function localDate(calendar: BusinessCalendar, epochMs: number): string {
  return instantToLocal(calendar.definition.timeZone, epochMs).date;
}

/**
 * The earliest instant at which `durationMs` of working time has passed since `startMs`.
 * Zero returns the start itself; a deadline that lands on a window's end is that end
 * (12:00), not the next window's start.
 */
export function addBusinessMs(calendar: BusinessCalendar, startMs: number, durationMs: number): number {
  if (durationMs <= 0) return startMs;
  if (calendar.definition.kind === '24x7') return startMs + durationMs;
  let remaining = durationMs;
  let date = localDate(calendar, startMs);
  for (let day = 0; day < MAX_SCAN_DAYS; day++, date = addDays(date, 1)) {
    for (const [start, end] of workingIntervals(calendar, date)) {
      if (end <= startMs) continue;
      const from = Math.max(start, startMs);
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
  }
  throw tooLarge(MAX_SCAN_DAYS);
}

/** Working time in ms between two instants; negative when `toMs` is before `fromMs`. */
export function businessMsBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  if (toMs < fromMs) return -businessMsBetween(calendar, toMs, fromMs);
  if (toMs === fromMs) return 0;
  if (calendar.definition.kind === '24x7') return toMs - fromMs;
  const first = localDate(calendar, fromMs);
  const days = daysBetween(first, localDate(calendar, toMs)) + 1;
  if (days > MAX_SCAN_DAYS) throw tooLarge(days);
  let total = 0;
  for (let day = 0; day < days; day++) {
    for (const [start, end] of workingIntervals(calendar, addDays(first, day))) {
      total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    }
  }
  return total;
}

/** The first working instant at or after `epochMs` (itself when already working). */
export function nextWorkingMs(calendar: BusinessCalendar, epochMs: number): number {
  if (calendar.definition.kind === '24x7') return epochMs;
  let date = localDate(calendar, epochMs);
  for (let day = 0; day < MAX_SCAN_DAYS; day++, date = addDays(date, 1)) {
    for (const [start, end] of workingIntervals(calendar, date)) {
      if (end > epochMs) return Math.max(start, epochMs);
    }
  }
  throw tooLarge(MAX_SCAN_DAYS);
}

/** Version labels of the holiday notices a computation between two instants relied on. */
export function calendarVersionsBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): string[] {
  const [low, high] = fromMs <= toMs ? [fromMs, toMs] : [toMs, fromMs];
  return calendarVersionsForDates(calendar, localDate(calendar, low), localDate(calendar, high));
}

// ---- ISO-string API ----

function assertMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DEADLINE_MINUTES) {
    throw new CalendarError(
      'CALENDAR_INVALID_MINUTES',
      `minutes must be an integer from 0 to ${MAX_DEADLINE_MINUTES}, got ${minutes}`,
      { minutes },
    );
  }
}

/**
 * Due instant (UTC ISO, with Z) of `minutes` business minutes from `startInstant`.
 * A start outside working hours starts counting at the next window; 0 minutes → the start.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, startInstant: string, minutes: number): string {
  assertMinutes(minutes);
  return formatInstant(addBusinessMs(calendar, parseInstant(startInstant), minutes * MINUTE_MS));
}

/** Business minutes between two instants (fractional when they are not on whole minutes). */
export function businessMinutesBetween(calendar: BusinessCalendar, fromInstant: string, toInstant: string): number {
  return businessMsBetween(calendar, parseInstant(fromInstant), parseInstant(toInstant)) / MINUTE_MS;
}

export function isWorkingInstant(calendar: BusinessCalendar, instant: string): boolean {
  const epochMs = parseInstant(instant);
  if (calendar.definition.kind === '24x7') return true;
  return workingIntervals(calendar, localDate(calendar, epochMs)).some(
    ([start, end]) => start <= epochMs && epochMs < end,
  );
}

export function nextWorkingInstant(calendar: BusinessCalendar, instant: string): string {
  return formatInstant(nextWorkingMs(calendar, parseInstant(instant)));
}

/** Answers a deadline request, naming the holiday notices the answer depends on. */
export function computeDeadline(
  calendar: BusinessCalendar,
  request: { start: string; minutes: number },
): DeadlineResponse {
  const due = addBusinessMinutes(calendar, request.start, request.minutes);
  return {
    start: request.start,
    minutes: request.minutes,
    due,
    calendarVersions: calendarVersionsBetween(calendar, parseInstant(request.start), parseInstant(due)),
  };
}

import type { BusinessCalendar, HolidayData } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { CalendarRow } from './calendars.repository.js';

// Per-process cache of built calendars and of which calendar each org works by. Writes through
// this process drop it after commit; the TTL bounds how long another app server's change (or an
// org moved in the tree) takes to show here.
export const CALENDAR_CACHE_TTL_MS = 30_000;

type Entry<T> = { value: T; expiresAt: number };
export type CachedCalendar = { row: CalendarRow; calendar: BusinessCalendar };
export type CachedResolution = { calendarId: string; source: 'own' | 'inherited' | 'default'; fromOrgId: string | null };

type CacheState = {
  holidayData: Entry<HolidayData> | undefined;
  calendars: Map<string, Entry<CachedCalendar>>;
  orgs: Map<string, Entry<CachedResolution>>;
  // The built-in holiday notices are synced into the table once per process and database.
  isSynced: boolean;
};

// Keyed by the root Kysely instance: each test app (and each database) has its own cache.
const states = new WeakMap<Db, CacheState>();

export function cacheOf(db: Db): CacheState {
  let state = states.get(db);
  if (!state) {
    state = { holidayData: undefined, calendars: new Map(), orgs: new Map(), isSynced: false };
    states.set(db, state);
  }
  return state;
}

export function fresh<T>(entry: Entry<T> | undefined, nowMs: number): T | undefined {
  return entry && entry.expiresAt > nowMs ? entry.value : undefined;
}

export function entry<T>(value: T, nowMs: number): Entry<T> {
  return { value, expiresAt: nowMs + CALENDAR_CACHE_TTL_MS };
}

/** Drops everything cached for a database; call after a calendar or holiday notice write commits. */
export function invalidateCalendarCache(db: Db): void {
  const state = cacheOf(db);
  state.holidayData = undefined;
  state.calendars.clear();
  state.orgs.clear();
}

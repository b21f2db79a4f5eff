// Calendar-date helpers for the warranty engine. A LocalDate is a 'YYYY-MM-DD' string meaning a
// day in Asia/Shanghai. All arithmetic goes through whole days since 1970-01-01 computed with
// Date.UTC, so nothing here depends on the host time zone.
//
// Period convention (民法典 第二百零一条、第二百零二条): the start day is not counted, the period
// runs from the next day, and a period of N months ends on the same-numbered day of the expiry
// month — or that month's last day when it has no such day. Concretely:
//   periodEnd('2024-03-01', 12 months) = '2025-03-01'  (covered up to and including 2025-03-01)
//   periodEnd('2024-01-31', 1 month)   = '2024-02-29'  (clamped to the month's last day)
//   windowEnd('2024-03-01', 7 days)    = '2024-03-08'  (covered up to and including 2024-03-08)
// The start day itself is covered too (a fault on the day of sale is a fault within the period).
// Not modelled: 第二百零三条 (an end day falling on a statutory holiday moves to the next workday).

export type LocalDate = string;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset: without one, Date.parse would read it in the host zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; month is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

type Ymd = { year: number; month: number; day: number };

function parseYmd(date: string): Ymd | null {
  const m = LOCAL_DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLocalDate(value: string): boolean {
  return parseYmd(value) !== null;
}

function getYmd(date: LocalDate): Ymd {
  const ymd = parseYmd(date);
  if (!ymd) throw new RangeError(`invalid calendar date: ${date}`);
  return ymd;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatYmd({ year, month, day }: Ymd): LocalDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whole days since 1970-01-01 (negative before). */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = getYmd(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months, clamping to the target month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = getYmd(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatYmd({ year: targetYear, month: targetMonth, day: targetDay });
}

/** Days from `from` to `to` (positive when `to` is later); the start day is not counted. */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** True when from ≤ date ≤ until; a null `until` means no end. */
export function isWithin(date: LocalDate, from: LocalDate, until: LocalDate | null): boolean {
  return compareDates(date, from) >= 0 && (until === null || compareDates(date, until) <= 0);
}

/** Last covered day of a period of `months` months starting on `start` (see convention above). */
export function periodEnd(start: LocalDate, months: number): LocalDate {
  return addMonths(start, months);
}

/** Last covered day of a window of `days` days starting on `start` (see convention above). */
export function windowEnd(start: LocalDate, days: number): LocalDate {
  return addDays(start, days);
}

/**
 * The Asia/Shanghai calendar date of a UTC instant such as '2024-03-01T16:00:00Z' (→ '2024-03-02').
 * China has used a fixed UTC+8 with no daylight saving since 1992, so a fixed offset is exact for
 * any date this system handles; the host time zone is never consulted.
 */
export function toShanghaiDate(instant: string): LocalDate {
  if (!INSTANT_RE.test(instant) || !parseYmd(instant.slice(0, 10))) {
    throw new RangeError(`not an ISO instant with an offset: ${instant}`);
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

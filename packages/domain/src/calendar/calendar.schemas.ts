import { z } from 'zod';
import { isoInstantSchema, localDateSchema } from '../common/common.schemas.js';
import { addDays, isoWeekday, isValidTimeZone, timeToMinutes, yearOf } from './calendar.zone.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
// Caps keep a single request bounded: ~19 years of 24×7 time, a year of days per listing.
export const MAX_DEADLINE_MINUTES = 10_000_000;
export const MAX_LIST_DAYS = 366;

/** 'HH:mm' on a 24-hour clock; '24:00' is allowed so a window can end at midnight. */
export const timeOfDaySchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'expected HH:mm (00:00–24:00)' });

export const workingWindowSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .superRefine((window, ctx) => {
    if (timeToMinutes(window.start) >= timeToMinutes(window.end)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
    }
  });

/** The working windows of one day, e.g. 08:30–12:00 and 13:30–17:30 around a lunch break. */
export const windowListSchema = z
  .array(workingWindowSchema)
  .min(1)
  .max(12)
  .superRefine((windows, ctx) => {
    const order = windows
      .map((window, index) => ({ index, start: timeToMinutes(window.start), end: timeToMinutes(window.end) }))
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < order.length; i++) {
      const previous = order[i - 1];
      const current = order[i];
      if (previous && current && current.start < previous.end) {
        ctx.addIssue({
          code: 'custom',
          path: [current.index, 'start'],
          message: 'window overlaps another window',
        });
      }
    }
  });

export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isValidTimeZone, { message: 'unknown IANA time zone' });

export const isoWeekdaySchema = z.number().int().min(1).max(7);
const weekdayKeySchema = z.enum(['1', '2', '3', '4', '5', '6', '7']);
const nameSchema = z.string().trim().min(1).max(100);

const businessCalendarSchema = z
  .object({
    kind: z.literal('business'),
    name: nameSchema,
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    // 'cn_statutory': 国务院办公厅's holidays and 调休 make-up workdays apply.
    holidays: z.enum(['cn_statutory', 'none']).default('cn_statutory'),
    windows: windowListSchema,
    workingWeekdays: z.array(isoWeekdaySchema).min(1).max(7).default([1, 2, 3, 4, 5]),
    // Per-weekday windows replacing `windows`, keyed by ISO weekday ('5' = Friday).
    weekdayWindows: z.partialRecord(weekdayKeySchema, windowListSchema).default({}),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<number>();
    definition.workingWeekdays.forEach((weekday, index) => {
      if (seen.has(weekday)) {
        ctx.addIssue({ code: 'custom', path: ['workingWeekdays', index], message: 'duplicate weekday' });
      }
      seen.add(weekday);
    });
    for (const key of Object.keys(definition.weekdayWindows)) {
      if (!seen.has(Number(key))) {
        ctx.addIssue({
          code: 'custom',
          path: ['weekdayWindows', key],
          message: 'weekday is not in workingWeekdays',
        });
      }
    }
  });

const alwaysOpenCalendarSchema = z.object({
  kind: z.literal('24x7'),
  name: nameSchema,
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});

/** A business calendar (windows, weekdays, holidays) or a 24×7 one (always working). */
export const calendarDefinitionSchema = z.discriminatedUnion('kind', [
  businessCalendarSchema,
  alwaysOpenCalendarSchema,
]);

export type WorkingWindow = z.output<typeof workingWindowSchema>;
export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>;
export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>;
export type BusinessCalendarDefinition = z.output<typeof businessCalendarSchema>;
export type BusinessCalendarDefinitionInput = z.input<typeof businessCalendarSchema>;
export type AlwaysOpenCalendarDefinitionInput = z.input<typeof alwaysOpenCalendarSchema>;

// ---- A year's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) ----

// zod runs refinements even after a field failed its format, so they re-check dates first.
const isDate = (date: string) => localDateSchema.safeParse(date).success;

const holidayRangeSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    nameEn: z.string().trim().min(1).max(80).optional(),
    from: localDateSchema,
    to: localDateSchema,
  })
  .superRefine((range, ctx) => {
    if (!isDate(range.from) || !isDate(range.to)) return;
    if (range.to < range.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    } else if (range.to > addDays(range.from, 30)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a holiday lasts at most 31 days' });
    }
  });

const makeupWorkdaySchema = z.object({
  date: localDateSchema,
  // The holiday the day is exchanged for, e.g. 国庆节.
  name: z.string().trim().min(1).max(50).optional(),
  nameEn: z.string().trim().min(1).max(80).optional(),
});

/** One year's statutory holidays and make-up workdays, with the label of where they came from. */
export const yearNoticeSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    version: z.string().trim().min(1).max(200),
    holidays: z.array(holidayRangeSchema).min(1).max(40),
    makeupWorkdays: z.array(makeupWorkdaySchema).max(40).default([]),
  })
  .superRefine((notice, ctx) => {
    // A notice may reach back into December (元旦 bridging the year end), never further.
    const earliest = `${notice.year - 1}-12-01`;
    const inYear = (date: string) => date >= earliest && yearOf(date) <= notice.year;
    const holidayDates = new Map<string, number>();
    notice.holidays.forEach((range, index) => {
      if (!isDate(range.from) || !isDate(range.to) || range.to > addDays(range.from, 30)) return;
      for (const [field, date] of [['from', range.from], ['to', range.to]] as const) {
        if (!inYear(date)) {
          ctx.addIssue({ code: 'custom', path: ['holidays', index, field], message: 'date outside the notice year' });
        }
      }
      for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
        const other = holidayDates.get(date);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', index, 'from'],
            message: 'date is already in another holiday',
          });
          break;
        }
        holidayDates.set(date, index);
      }
    });
    const makeupDates = new Set<string>();
    notice.makeupWorkdays.forEach((day, index) => {
      const path = ['makeupWorkdays', index, 'date'];
      if (!isDate(day.date)) return;
      if (!inYear(day.date)) ctx.addIssue({ code: 'custom', path, message: 'date outside the notice year' });
      if (holidayDates.has(day.date)) ctx.addIssue({ code: 'custom', path, message: 'date is also a holiday' });
      if (makeupDates.has(day.date)) ctx.addIssue({ code: 'custom', path, message: 'duplicate date' });
      // 调休 moves work onto a Saturday or Sunday; a weekday here is a typo.
      if (isoWeekday(day.date) < 6) ctx.addIssue({ code: 'custom', path, message: 'not a Saturday or Sunday' });
      makeupDates.add(day.date);
    });
  });

export type YearNoticeInput = z.input<typeof yearNoticeSchema>;
export type YearNotice = z.output<typeof yearNoticeSchema>;

// ---- Deadline request: "what is due N business minutes after this instant?" ----

export const deadlineRequestSchema = z.object({
  start: isoInstantSchema,
  minutes: z.number().int().min(0).max(MAX_DEADLINE_MINUTES),
});

export type DeadlineRequest = z.output<typeof deadlineRequestSchema>;

export const deadlineResponseSchema = z.object({
  start: isoInstantSchema,
  minutes: z.number().int(),
  due: isoInstantSchema,
  calendarVersions: z.array(z.string()),
});

export type DeadlineResponse = z.output<typeof deadlineResponseSchema>;

// ---- Day classification, as served to the calendar screens ----

export const dayReasonSchema = z.enum(['weekend', 'holiday', 'makeup_workday', 'workday']);
export type DayReason = z.output<typeof dayReasonSchema>;

export const dayInfoSchema = z.object({
  date: localDateSchema,
  weekday: isoWeekdaySchema,
  workday: z.boolean(),
  reason: dayReasonSchema,
  // For a holiday its name; for a make-up workday the holiday it is exchanged for.
  holidayName: z.string().optional(),
  holidayNameEn: z.string().optional(),
  windows: z.array(workingWindowSchema),
});

export type DayInfo = z.output<typeof dayInfoSchema>;

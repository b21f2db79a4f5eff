import { z } from 'zod';
import { idSchema, isoInstantSchema, listQuerySchema, localDateSchema, pageSchema } from '../common/common.schemas.js';
import { calendarDefinitionSchema, dayInfoSchema, MAX_LIST_DAYS } from './calendar.schemas.js';
import { daysBetween } from './calendar.zone.js';

// Shapes of the calendar API (/api/v1/calendars): stored calendars, day listings, holiday years.

export const calendarKindSchema = z.enum(['business', '24x7']);
export type CalendarKind = z.output<typeof calendarKindSchema>;

const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: 'letters, digits, - and _, at most 32' });

export const createCalendarInputSchema = z.object({
  code: codeSchema,
  definition: calendarDefinitionSchema,
  // The org (outlet or region) that uses this calendar; its subtree inherits it. Null: a shared one.
  orgId: idSchema.nullable().default(null),
  // The fallback for every org without a calendar of its own or of an ancestor.
  isDefault: z.boolean().default(false),
});
export type CreateCalendarInput = z.output<typeof createCalendarInputSchema>;

export const updateCalendarInputSchema = z.object({
  definition: calendarDefinitionSchema.optional(),
  orgId: idSchema.nullable().optional(),
  // Only `true`: the default moves to another calendar, it is never just removed.
  isDefault: z.literal(true).optional(),
  version: z.number().int().min(1),
});
export type UpdateCalendarInput = z.output<typeof updateCalendarInputSchema>;

export const calendarSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: calendarKindSchema,
  timeZone: z.string(),
  definition: calendarDefinitionSchema,
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  isDefault: z.boolean(),
  // Years with a holiday notice; null when the calendar applies no holidays (any year works).
  coveredYears: z.array(z.number().int()).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredCalendar = z.output<typeof calendarSchema>;

export const calendarSortable = ['code', 'name', 'createdAt'] as const;
export const listCalendarsQuerySchema = listQuerySchema(calendarSortable).extend({
  kind: calendarKindSchema.optional(),
  orgId: idSchema.optional(),
});
export type ListCalendarsQuery = z.output<typeof listCalendarsQuerySchema>;
export const calendarPageSchema = pageSchema(calendarSchema);

// ---- Days of a calendar ----

const isDate = (date: string) => localDateSchema.safeParse(date).success;

export const calendarDaysQuerySchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .superRefine((range, ctx) => {
    if (!isDate(range.from) || !isDate(range.to)) return;
    const days = daysBetween(range.from, range.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    if (days > MAX_LIST_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_LIST_DAYS} days` });
  });
export type CalendarDaysQuery = z.output<typeof calendarDaysQuerySchema>;

export const calendarDaysSchema = z.object({
  calendarId: z.string(),
  timeZone: z.string(),
  // The holiday notice versions the listing used, one per year.
  calendarVersions: z.array(z.string()),
  days: z.array(dayInfoSchema),
});
export type CalendarDays = z.output<typeof calendarDaysSchema>;

// ---- Holiday years (国务院办公厅's yearly notices, shared by every calendar) ----

export const holidayNoticeSourceSchema = z.enum(['builtin', 'admin']);

export const holidayYearSchema = z.object({
  year: z.number().int(),
  version: z.string(),
  // 1, 2, … per year in load order; the highest is in force, older ones are kept.
  revision: z.number().int(),
  isCurrent: z.boolean(),
  source: holidayNoticeSourceSchema,
  holidayCount: z.number().int(),
  makeupWorkdayCount: z.number().int(),
  loadedAt: isoInstantSchema,
  loadedByName: z.string().nullable(),
});
export type HolidayYear = z.output<typeof holidayYearSchema>;

export const holidayYearListSchema = z.object({
  coveredYears: z.array(z.number().int()),
  items: z.array(holidayYearSchema),
});
export type HolidayYearList = z.output<typeof holidayYearListSchema>;

export const orgCalendarParamsSchema = z.object({ orgId: idSchema });

/** Which calendar an org works by, and where it comes from. */
export const resolvedCalendarSchema = z.object({
  orgId: z.string(),
  source: z.enum(['own', 'inherited', 'default']),
  // The org whose calendar applies (own or ancestor); null for the default.
  fromOrgId: z.string().nullable(),
  calendar: calendarSchema,
});
export type ResolvedCalendarInfo = z.output<typeof resolvedCalendarSchema>;

/** Chinese text of the custom issue messages of the calendar schemas (the server localises by them). */
export const calendarIssueMessagesZh: Record<string, string> = {
  'expected HH:mm (00:00–24:00)': '时间格式应为 HH:mm(00:00–24:00)',
  'end must be after start': '结束时间必须晚于开始时间',
  'window overlaps another window': '与另一个工作时段重叠',
  'unknown IANA time zone': '未知的时区',
  'duplicate weekday': '星期重复',
  'weekday is not in workingWeekdays': '该星期不在工作日列表中',
  'a holiday lasts at most 31 days': '一个假期最长 31 天',
  'to must not be before from': '结束日期不能早于开始日期',
  'date outside the notice year': '日期不在通知所属年份内',
  'date is already in another holiday': '该日期已在另一个假期中',
  'date is also a holiday': '该日期同时是假期',
  'duplicate date': '日期重复',
  'not a Saturday or Sunday': '调休上班日应为周六或周日',
  'letters, digits, - and _, at most 32': '只能包含字母、数字、- 和 _,最多 32 个字符',
  [`at most ${MAX_LIST_DAYS} days`]: `最多 ${MAX_LIST_DAYS} 天`,
};

import type { CalendarDays, HolidayYear, HolidayYearList, Page, StoredCalendar, YearNoticeInput } from '@sht/domain';
import { http, type QueryParams } from '../../api/http-client';

export type CalendarListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  kind?: string;
};

export const calendarsApi = {
  list: (params: CalendarListParams, signal?: AbortSignal) => http.get<Page<StoredCalendar>>('/calendars', params, signal),
  days: (id: string, from: string, to: string, signal?: AbortSignal) => http.get<CalendarDays>(`/calendars/${id}/days`, { from, to }, signal),
  holidayYears: (signal?: AbortSignal) => http.get<HolidayYearList>('/calendars/holiday-years', undefined, signal),
  loadNotice: (notice: YearNoticeInput) => http.post<HolidayYear>('/calendars/holiday-years', notice),
};

// The feature's cache keys; a loaded notice changes every calendar's coverage and days.
export const calendarKeys = {
  all: ['calendars'] as const,
  list: (params: QueryParams) => ['calendars', 'list', params] as const,
  days: (id: string, from: string, to: string) => ['calendars', 'days', id, from, to] as const,
  holidayYears: ['calendars', 'holiday-years'] as const,
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { YearNoticeInput } from '@sht/domain';
import { calendarKeys, calendarsApi, type CalendarListParams } from '../calendars.api';

/** The calendars' page query, for `useServerList`. */
export const calendarListQuery = (params: CalendarListParams) => ({
  queryKey: calendarKeys.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => calendarsApi.list(params, signal),
});

export function useCalendarDays(id: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: calendarKeys.days(id ?? '', from, to),
    queryFn: ({ signal }) => calendarsApi.days(id ?? '', from, to, signal),
    enabled: id !== undefined,
    // "Year not covered" is an answer, not a glitch: show it instead of retrying.
    retry: false,
  });
}

export function useHolidayYears() {
  return useQuery({ queryKey: calendarKeys.holidayYears, queryFn: ({ signal }) => calendarsApi.holidayYears(signal) });
}

export function useLoadNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notice: YearNoticeInput) => calendarsApi.loadNotice(notice),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

import { useState } from 'react';
import { Alert, Calendar, Card, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DayInfo, StoredCalendar } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useCalendarDays } from '../hooks/use-calendars';

const reasonColors: Record<DayInfo['reason'], string | undefined> = {
  workday: undefined,
  weekend: 'default',
  holiday: 'red',
  makeup_workday: 'orange',
};

function DayCell({ day, compact }: { day: DayInfo | undefined; compact: boolean }) {
  const { t, i18n } = useTranslation();
  if (!day || day.reason === 'workday') return null;
  const name = i18n.language === 'en' ? (day.holidayNameEn ?? day.holidayName) : day.holidayName;
  // On a phone a cell fits a word: the holiday's name, else 休 / 班.
  const label = compact
    ? (day.reason === 'holiday' && name) || t(`calendars.short.${day.reason}`)
    : [t(`calendars.reason.${day.reason}`), name].filter(Boolean).join(' · ');
  return (
    <Tag color={reasonColors[day.reason]} style={{ marginInlineEnd: 0, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid={`calendar-day-${day.date}`} data-reason={day.reason}>
      {label}
    </Tag>
  );
}

/** One month of a calendar: holidays, make-up workdays (调休) and days off, as the server classifies them. */
export function CalendarMonth({ calendar }: { calendar: StoredCalendar }) {
  const { t } = useTranslation();
  const compact = useIsMobile();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const days = useCalendarDays(calendar.id, from, to);
  const byDate = new Map((days.data?.days ?? []).map((day) => [day.date, day]));

  return (
    <Card size="small" title={t('calendars.month.title', { name: calendar.name })} data-testid="calendar-month">
      {days.error && (
        <Alert type="warning" showIcon title={t('calendars.month.notCovered')} description={toApiError(days.error, t('common.networkError')).message} style={{ marginBottom: 12 }} data-testid="calendar-month-error" />
      )}
      <Calendar
        fullscreen={!compact}
        value={month}
        onPanelChange={(value) => setMonth(value.startOf('month'))}
        onSelect={(value, info) => info.source !== 'date' && setMonth(value.startOf('month'))}
        cellRender={(current, info) => {
          // Only this month's days have data; antd draws the date number itself.
          if (info.type !== 'date' || !current.isSame(month, 'month')) return null;
          return <DayCell day={byDate.get(current.format('YYYY-MM-DD'))} compact={compact} />;
        }}
      />
      {days.data && days.data.calendarVersions.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('calendars.month.versions', { versions: days.data.calendarVersions.join('; ') })}
        </Typography.Text>
      )}
    </Card>
  );
}

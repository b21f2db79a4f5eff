import { useState } from 'react';
import { Button, Card, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HolidayYear } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useCan } from '../../auth/hooks/use-me';
import { useHolidayYears } from '../hooks/use-calendars';
import { LoadNoticeModal } from './load-notice-modal';

/** The yearly holiday notices every statutory-holiday calendar uses, with their revisions. */
export function HolidayYearsCard() {
  const { t } = useTranslation();
  const can = useCan();
  const compact = useIsMobile();
  const years = useHolidayYears();
  const [isLoading, setLoading] = useState(false);
  // Newest year first; within a year, the revision in force first.
  const items = [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year || b.revision - a.revision);

  const columns: TableProps<HolidayYear>['columns'] = [
    { title: t('calendars.years.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('calendars.years.status'),
      key: 'status',
      render: (_, y) => (y.isCurrent ? <Tag color="green">{t('calendars.years.current')}</Tag> : <Tag>{t('calendars.years.superseded')}</Tag>),
    },
    { title: t('calendars.years.version'), dataIndex: 'version', key: 'version' },
    { title: t('calendars.years.revision'), dataIndex: 'revision', key: 'revision', width: 70 },
    { title: t('calendars.years.source'), key: 'source', render: (_, y) => t(`calendars.years.${y.source}`) },
    { title: t('calendars.years.counts'), key: 'counts', render: (_, y) => `${y.holidayCount} / ${y.makeupWorkdayCount}` },
    { title: t('calendars.years.loadedAt'), key: 'loadedAt', render: (_, y) => formatDateTime(y.loadedAt) },
    { title: t('calendars.years.loadedBy'), key: 'loadedBy', render: (_, y) => y.loadedByName ?? '—' },
  ];

  return (
    <Card
      size="small"
      title={t('calendars.years.title')}
      extra={can('calendar.write') && <Button type="primary" onClick={() => setLoading(true)} data-testid="notice-open">{t('calendars.years.load')}</Button>}
      data-testid="holiday-years"
    >
      <Table<HolidayYear>
        rowKey={(y) => `${y.year}-${y.revision}`}
        size={compact ? 'small' : 'middle'}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={items}
        loading={years.isFetching}
        pagination={false}
        data-testid="holiday-years-table"
      />
      <LoadNoticeModal open={isLoading} onClose={() => setLoading(false)} />
    </Card>
  );
}

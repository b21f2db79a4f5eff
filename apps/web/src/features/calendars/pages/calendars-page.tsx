import { useState } from 'react';
import { Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { calendarKindSchema, type StoredCalendar } from '@sht/domain';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { ServerTable, sortedColumn } from '../../../shared/server-table';
import { testId } from '../../../shared/test-id';
import { useServerList } from '../../../shared/use-server-list';
import { CalendarMonth } from '../components/calendar-month';
import { HolidayYearsCard } from '../components/holiday-years-card';
import { calendarListQuery } from '../hooks/use-calendars';

const filterKeys = ['kind'] as const;

function windowsOf(calendar: StoredCalendar): string {
  if (calendar.definition.kind === '24x7') return '00:00–24:00';
  return calendar.definition.windows.map((w) => `${w.start}–${w.end}`).join(', ');
}

export function CalendarsPage() {
  const { t } = useTranslation();
  const list = useServerList(filterKeys, calendarListQuery);
  const { params, setParams } = list;
  const [selected, setSelected] = useState<StoredCalendar | undefined>();

  const columns: TableProps<StoredCalendar>['columns'] = [
    { title: t('calendars.fields.code'), dataIndex: 'code', ...sortedColumn(params, 'code') },
    {
      title: t('calendars.fields.name'),
      dataIndex: 'name',
      ...sortedColumn(params, 'name'),
      render: (_, c) => (
        <Space size={4}>
          {c.name}
          {c.isDefault && <Tag color="blue">{t('calendars.defaultTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('calendars.fields.kind'), key: 'kind', render: (_, c) => t(`calendars.kind.${c.kind}`) },
    { title: t('calendars.fields.windows'), key: 'windows', render: (_, c) => windowsOf(c) },
    { title: t('calendars.fields.org'), key: 'org', render: (_, c) => c.orgName ?? <Typography.Text type="secondary">{t('calendars.shared')}</Typography.Text> },
    {
      title: t('calendars.fields.coveredYears'),
      key: 'coveredYears',
      render: (_, c) => (c.coveredYears === null ? t('calendars.anyYear') : c.coveredYears.join(', ')),
    },
  ];

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('calendars.searchPlaceholder')} data-testid="calendars-search" />
      <Select
        value={params.kind}
        onChange={(kind?: string) => setParams({ kind })}
        options={calendarKindSchema.options.map((kind) => ({ value: kind, label: t(`calendars.kind.${kind}`) }))}
        placeholder={t('calendars.fields.kind')}
        allowClear
        style={{ width: 150 }}
        data-testid="calendars-filter-kind"
      />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('calendars.title')} />
      <ListCard filters={filters}>
        <ServerTable
          list={list}
          columns={columns}
          onRow={(c) => ({ onClick: () => setSelected(c), style: { cursor: 'pointer' }, ...testId(`calendar-row-${c.code}`) })}
          rowClassName={(c) => (c.id === selected?.id ? 'ant-table-row-selected' : '')}
          data-testid="calendars-table"
        />
      </ListCard>
      {selected ? <CalendarMonth key={selected.id} calendar={selected} /> : <Typography.Text type="secondary">{t('calendars.month.pick')}</Typography.Text>}
      <HolidayYearsCard />
    </Space>
  );
}

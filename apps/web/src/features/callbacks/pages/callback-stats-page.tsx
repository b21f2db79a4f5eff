import { useState } from 'react';
import { Card, DatePicker, Space, Statistic, Table, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallbackScoreRow, CallbackStats } from '@sht/domain';
import { PageHeader } from '../../../shared/page-header';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useCallbackStats } from '../hooks/use-callbacks';

type OrgRow = CallbackStats['byOrg'][number];
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 回访统计: callback rate and timeliness per org, technician and outlet scores, recovery success. */
export function CallbackStatsPage() {
  const { t } = useTranslation();
  const compact = useIsMobile();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const stats = useCallbackStats(from, to);
  const size = compact ? 'small' : 'middle';

  const orgColumns: TableProps<OrgRow>['columns'] = [
    { title: t('callbacks.fields.org'), key: 'org', render: (_, r) => r.org.name },
    { title: t('callbacks.stats.required'), dataIndex: 'required' },
    { title: t('callbacks.stats.done'), dataIndex: 'done' },
    { title: t('callbacks.stats.rate'), dataIndex: 'rate', render: pct },
    { title: t('callbacks.stats.onTime'), dataIndex: 'onTime' },
    { title: t('callbacks.stats.timeliness'), dataIndex: 'timeliness', render: pct },
  ];
  const scoreColumns: TableProps<CallbackScoreRow>['columns'] = [
    { title: t('callbacks.stats.name'), dataIndex: 'name' },
    { title: t('callbacks.stats.count'), dataIndex: 'count' },
    { title: t('callbacks.stats.meanScore'), dataIndex: 'meanScore', render: (v: number | null) => v ?? '—' },
    { title: t('callbacks.stats.falseCompletions'), dataIndex: 'falseCompletions' },
  ];
  const data = stats.data;
  return (
    <div data-testid="callback-stats-page">
      <PageHeader
        title={t('callbacks.stats.title')}
        extra={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t('callbacks.stats.period')}
          />
        }
      />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={t('callbacks.stats.recovery')} loading={stats.isPending}>
          <Space wrap size={32} data-testid="callback-stats-recovery">
            <Statistic title={t('callbacks.stats.opened')} value={data?.recovery.opened ?? 0} />
            <Statistic title={t('callbacks.stats.succeeded')} value={data?.recovery.succeeded ?? 0} />
            <Statistic title={t('callbacks.stats.failed')} value={data?.recovery.failed ?? 0} />
            <Statistic title={t('callbacks.stats.successRate')} value={pct(data?.recovery.successRate ?? null)} />
          </Space>
        </Card>
        <Card size="small" title={t('callbacks.stats.byOrg')}>
          <Table<OrgRow> rowKey={(r) => r.org.id} size={size} scroll={{ x: 'max-content' }} loading={stats.isFetching} dataSource={data?.byOrg} columns={orgColumns} pagination={false} data-testid="callback-stats-orgs" />
        </Card>
        <Card size="small" title={t('callbacks.stats.technicians')}>
          <Table<CallbackScoreRow> rowKey="id" size={size} scroll={{ x: 'max-content' }} loading={stats.isFetching} dataSource={data?.technicians} columns={scoreColumns} pagination={false} data-testid="callback-stats-technicians" />
        </Card>
        <Card size="small" title={t('callbacks.stats.outlets')}>
          <Table<CallbackScoreRow> rowKey="id" size={size} scroll={{ x: 'max-content' }} loading={stats.isFetching} dataSource={data?.outlets} columns={scoreColumns} pagination={false} data-testid="callback-stats-outlets" />
        </Card>
      </Space>
    </div>
  );
}

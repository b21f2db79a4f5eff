import { Link } from 'react-router';
import { Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { recoverySources, recoveryStatuses, type RecoveryCase } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { filteredColumn, ServerTable, sortedColumn } from '../../../shared/server-table';
import { useServerList } from '../../../shared/use-server-list';
import { RecoveryStatusTag, ScoreText } from '../components/callback-tags';
import { recoveryListQuery } from '../hooks/use-callbacks';

type FilterKey = 'status' | 'source';
const filterKeys: readonly FilterKey[] = ['status', 'source'];

/** 服务补救: every case opened by a low callback or survey score, with its recovery order and result. */
export function RecoveryCasesPage() {
  const { t } = useTranslation();
  const list = useServerList(filterKeys, recoveryListQuery);
  const { params } = list;
  const columns: TableProps<RecoveryCase>['columns'] = [
    {
      title: t('callbacks.recovery.fields.recoveryOrder'),
      key: 'recoveryOrder',
      render: (_, c) => <Link to={`/work-orders/${c.recoveryOrder.id}`} data-testid="recovery-order-link">{c.recoveryOrder.number}</Link>,
    },
    {
      title: t('callbacks.recovery.fields.status'),
      dataIndex: 'status',
      ...filteredColumn(params, 'status', recoveryStatuses.map((s) => ({ text: t(`callbacks.recovery.status.${s}`), value: s }))),
      render: (_, c) => <RecoveryStatusTag status={c.status} />,
    },
    {
      title: t('callbacks.recovery.fields.source'),
      dataIndex: 'source',
      ...filteredColumn(params, 'source', recoverySources.map((s) => ({ text: t(`callbacks.recovery.source.${s}`), value: s }))),
      render: (_, c) => t(`callbacks.recovery.source.${c.source}`),
    },
    { title: t('callbacks.recovery.fields.score'), dataIndex: 'score', ...sortedColumn(params, 'score'), render: (v: number) => <ScoreText score={v} /> },
    { title: t('callbacks.recovery.fields.customer'), key: 'customer', render: (_, c) => c.customer.name },
    {
      title: t('callbacks.recovery.fields.originalOrder'),
      key: 'originalOrder',
      render: (_, c) => (c.originalOrder ? <Link to={`/work-orders/${c.originalOrder.id}`}>{c.originalOrder.number}</Link> : ''),
    },
    { title: t('callbacks.recovery.fields.followUpScore'), dataIndex: 'followUpScore', key: 'followUpScore', render: (v: number | null) => <ScoreText score={v} /> },
    { title: t('callbacks.recovery.fields.reason'), dataIndex: 'reason', key: 'reason', render: (v: string) => <Typography.Text ellipsis style={{ maxWidth: 280 }}>{v}</Typography.Text> },
    { title: t('callbacks.recovery.fields.createdAt'), dataIndex: 'createdAt', ...sortedColumn(params, 'createdAt'), render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <PageHeader title={t('callbacks.recovery.title')} />
      <ListCard filters={<><ListSearch list={list} placeholder={t('callbacks.recovery.searchPlaceholder')} width={200} /><RefreshButton onRefresh={list.refetch} /></>}>
        <ServerTable<RecoveryCase, FilterKey> list={list} columns={columns} data-testid="recovery-cases-table" locale={{ emptyText: t('callbacks.recovery.empty') }} />
      </ListCard>
    </>
  );
}

import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompensationStandard } from '@sht/domain';
import { formatYuan } from '../policies.format';
import { ActiveTag } from './active-tag';

export function CompensationTable({ items, loading }: { items: CompensationStandard[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CompensationStandard> = [
    { key: 'code', title: t('policies.compensation.fields.code'), dataIndex: 'code' },
    { key: 'name', title: t('policies.compensation.fields.name'), dataIndex: 'name' },
    {
      key: 'liability',
      title: t('policies.compensation.fields.liability'),
      render: (_, s) => (s.liability ? t(`workOrders.report.liabilities.${s.liability}`) : t('policies.compensation.anyLiability')),
    },
    { key: 'kind', title: t('policies.compensation.fields.kind'), render: (_, s) => t(`policies.compensation.kinds.${s.kind}`) },
    {
      key: 'value',
      title: t('policies.compensation.fields.value'),
      render: (_, s) =>
        s.kind === 'fixed' ? formatYuan(s.amountFen ?? 0) : t('policies.compensation.percentOfRepair', { percent: s.percent ?? 0 }),
    },
    { key: 'active', title: t('policies.compensation.fields.active'), render: (_, s) => <ActiveTag active={s.active} /> },
  ];
  return (
    <Table<CompensationStandard>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('policies.compensation.empty') }}
      data-testid="compensation-table"
    />
  );
}

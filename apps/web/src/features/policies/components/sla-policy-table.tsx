import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '@sht/domain';
import { formatMinutes } from '../policies.format';
import { ActiveTag } from './active-tag';

type Props = { items: SlaPolicy[]; loading: boolean; canWrite: boolean; onEdit: (policy: SlaPolicy) => void };

export function SlaPolicyTable({ items, loading, canWrite, onEdit }: Props) {
  const { t } = useTranslation();
  const any = t('policies.any');
  const columns: TableColumnsType<SlaPolicy> = [
    { key: 'name', title: t('policies.sla.fields.name'), dataIndex: 'name', fixed: 'left', width: 160 },
    { key: 'type', title: t('policies.sla.fields.type'), render: (_, p) => (p.type ? t(`workOrders.type.${p.type}`) : any) },
    { key: 'priority', title: t('policies.sla.fields.priority'), render: (_, p) => (p.priority ? t(`workOrders.priority.${p.priority}`) : any) },
    { key: 'serviceLevel', title: t('policies.sla.fields.serviceLevel'), render: (_, p) => (p.serviceLevel ? t(`orgs.serviceLevel.${p.serviceLevel}`) : any) },
    { key: 'response', title: t('policies.sla.fields.responseMinutes'), render: (_, p) => formatMinutes(p.responseMinutes) },
    { key: 'arrival', title: t('policies.sla.fields.arrivalMinutes'), render: (_, p) => formatMinutes(p.arrivalMinutes) },
    { key: 'resolution', title: t('policies.sla.fields.resolutionMinutes'), render: (_, p) => formatMinutes(p.resolutionMinutes) },
    {
      key: 'clock',
      title: t('policies.sla.fields.allHours'),
      render: (_, p) => (p.allHours ? '7×24' : t('policies.sla.workCalendar')),
    },
    { key: 'warn', title: t('policies.sla.fields.warnShare'), render: (_, p) => `${Math.round(p.warnShare * 100)}%` },
    { key: 'active', title: t('policies.sla.fields.active'), render: (_, p) => <ActiveTag active={p.active} /> },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => onEdit(p)} data-testid="sla-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <Table<SlaPolicy>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('policies.sla.empty') }}
      data-testid="sla-table"
    />
  );
}

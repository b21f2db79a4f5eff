import { Link } from 'react-router';
import { Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { workOrderPriorities, workOrderStatuses, workOrderTypes, type WorkOrder } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { filteredColumn, ServerTable, sortedColumn } from '../../../shared/server-table';
import type { ServerList } from '../../../shared/use-server-list';
import { useNow } from '../hooks/use-now';
import { DueBadge, PriorityTag, WorkOrderStatusTag } from './work-order-tags';

export type WorkOrderFilterKey = 'status' | 'type' | 'priority' | 'assigneeId' | 'orgId' | 'customerId' | 'equipmentId';

export function WorkOrderTable({ list }: { list: ServerList<WorkOrder, WorkOrderFilterKey> }) {
  const { t } = useTranslation();
  const { params } = list;
  const now = useNow();

  const columns: TableProps<WorkOrder>['columns'] = [
    {
      title: t('workOrders.fields.number'),
      dataIndex: 'number',
      ...sortedColumn(params, 'number'),
      render: (_, o) => (
        <Link to={`/work-orders/${o.id}`} data-testid="work-order-link">
          {o.number}
        </Link>
      ),
    },
    {
      title: t('workOrders.fields.title'),
      dataIndex: 'title',
      key: 'title',
      render: (_, o) => (
        <>
          <Typography.Text ellipsis style={{ maxWidth: 240 }}>{o.title}</Typography.Text>
          {o.isRepeat && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('workOrders.fields.repeat')}</Tag>}
        </>
      ),
    },
    {
      title: t('workOrders.fields.status'),
      dataIndex: 'status',
      ...(params.status === 'open'
        ? { key: 'status' }
        : filteredColumn(params, 'status', workOrderStatuses.map((s) => ({ text: t(`workOrders.status.${s}`), value: s })))),
      render: (_, o) => <WorkOrderStatusTag status={o.status} />,
    },
    {
      title: t('workOrders.fields.type'),
      dataIndex: 'type',
      ...filteredColumn(params, 'type', workOrderTypes.map((v) => ({ text: t(`workOrders.type.${v}`), value: v }))),
      render: (_, o) => t(`workOrders.type.${o.type}`),
    },
    {
      title: t('workOrders.fields.priority'),
      dataIndex: 'priority',
      ...sortedColumn(params, 'priority'),
      ...filteredColumn(params, 'priority', workOrderPriorities.map((v) => ({ text: t(`workOrders.priority.${v}`), value: v }))),
      render: (_, o) => <PriorityTag priority={o.priority} />,
    },
    {
      title: t('workOrders.fields.sla'),
      dataIndex: 'resolutionDueAt',
      ...sortedColumn(params, 'resolutionDueAt'),
      render: (_, o) => <DueBadge order={o} now={now} />,
    },
    {
      title: t('workOrders.fields.customer'),
      key: 'customer',
      render: (_, o) => <Link to={`/customers/${o.customer.id}`}>{o.customer.name}</Link>,
    },
    { title: t('workOrders.fields.callerPhone'), dataIndex: 'callerPhone', key: 'callerPhone' },
    {
      title: t('workOrders.fields.equipment'),
      key: 'equipment',
      render: (_, o) => (o.equipment ? <Link to={`/equipment/${o.equipment.id}`}>{o.equipment.serialNo}</Link> : null),
    },
    { title: t('workOrders.fields.org'), key: 'org', render: (_, o) => o.org.name },
    { title: t('workOrders.fields.assignee'), key: 'assignee', render: (_, o) => o.assignee?.name ?? '' },
    {
      title: t('workOrders.fields.createdAt'),
      dataIndex: 'createdAt',
      ...sortedColumn(params, 'createdAt'),
      render: (_, o) => formatDateTime(o.createdAt),
    },
  ];

  return <ServerTable list={list} columns={columns} data-testid="work-orders-table" />;
}

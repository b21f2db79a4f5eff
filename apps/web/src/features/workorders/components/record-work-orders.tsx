import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { useNow } from '../hooks/use-now';
import { workOrderListQuery } from '../hooks/use-workorders';
import { DueBadge, WorkOrderStatusTag } from './work-order-tags';

const PAGE_SIZE = 10;

/**
 * The work orders of one customer or one unit, newest first (for the customer page's 工单 tab and
 * the unit's service history). Paged by the server.
 */
export function RecordWorkOrders({ customerId, equipmentId }: { customerId?: string; equipmentId?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...workOrderListQuery({ page, pageSize: PAGE_SIZE, customerId, equipmentId, sort: 'createdAt', order: 'desc' }),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<WorkOrder>['columns'] = [
    { title: t('workOrders.fields.number'), key: 'number', render: (_, o) => <Link to={`/work-orders/${o.id}`}>{o.number}</Link> },
    { title: t('workOrders.fields.title'), dataIndex: 'title', key: 'title' },
    { title: t('workOrders.fields.type'), key: 'type', render: (_, o) => t(`workOrders.type.${o.type}`) },
    { title: t('workOrders.fields.status'), key: 'status', render: (_, o) => <WorkOrderStatusTag status={o.status} /> },
    { title: t('workOrders.fields.sla'), key: 'sla', render: (_, o) => <DueBadge order={o} now={now} /> },
    { title: t('workOrders.fields.createdAt'), key: 'createdAt', render: (_, o) => formatDateTime(o.createdAt) },
  ];
  return (
    <Table<WorkOrder>
      rowKey="id"
      size="small"
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, simple: true }}
      data-testid="record-work-orders"
    />
  );
}

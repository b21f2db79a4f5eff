import { Link } from 'react-router';
import { Button, Space, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { callbackKinds, callbackStatuses, type CallbackTask } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { filteredColumn, ServerTable, sortedColumn } from '../../../shared/server-table';
import type { ServerList } from '../../../shared/use-server-list';
import { CallbackStatusTag, ScoreText } from './callback-tags';

export type CallbackFilterKey = 'view' | 'status' | 'kind' | 'orgId' | 'technicianId';

type Props = { list: ServerList<CallbackTask, CallbackFilterKey>; canClaim: boolean; onClaim: (task: CallbackTask) => void };

export function CallbackTable({ list, canClaim, onClaim }: Props) {
  const { t } = useTranslation();
  const { params } = list;
  const columns: TableProps<CallbackTask>['columns'] = [
    {
      title: t('callbacks.fields.workOrder'),
      key: 'workOrder',
      fixed: 'left',
      render: (_, c) => <Link to={`/callbacks/${c.id}`} data-testid="callback-link">{c.workOrder.number}</Link>,
    },
    {
      title: t('callbacks.fields.status'),
      dataIndex: 'status',
      ...filteredColumn(params, 'status', callbackStatuses.map((s) => ({ text: t(`callbacks.status.${s}`), value: s }))),
      render: (_, c) => (
        <Space size={2} wrap>
          <CallbackStatusTag status={c.status} />
          {c.isOverdue && <Tag color="red">{t('callbacks.overdue')}</Tag>}
          {c.isFalseCompletion && <Tag color="volcano">{t('callbacks.falseCompletion')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('callbacks.fields.kind'),
      dataIndex: 'kind',
      ...filteredColumn(params, 'kind', callbackKinds.map((k) => ({ text: t(`callbacks.kind.${k}`), value: k }))),
      render: (_, c) => t(`callbacks.kind.${c.kind}`),
    },
    { title: t('callbacks.fields.customer'), key: 'customer', render: (_, c) => c.customer.name },
    { title: t('callbacks.fields.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('callbacks.fields.dueAt'), dataIndex: 'dueAt', ...sortedColumn(params, 'dueAt'), render: (v: string) => formatDateTime(v) },
    { title: t('callbacks.fields.nextAttemptAt'), dataIndex: 'nextAttemptAt', ...sortedColumn(params, 'nextAttemptAt'), render: (v: string | null) => formatDateTime(v) },
    { title: t('callbacks.fields.attempts'), key: 'attempts', render: (_, c) => `${c.attempts}/${c.maxAttempts}` },
    { title: t('callbacks.fields.score'), dataIndex: 'score', ...sortedColumn(params, 'score'), render: (v: number | null) => <ScoreText score={v} /> },
    { title: t('callbacks.fields.org'), key: 'org', render: (_, c) => c.org.name },
    { title: t('callbacks.fields.technician'), key: 'technician', render: (_, c) => c.technician?.name ?? '' },
    { title: t('callbacks.fields.assignee'), key: 'assignee', render: (_, c) => c.assignee?.name ?? '' },
    {
      title: '',
      key: 'actions',
      render: (_, c) => (
        <Space size={4}>
          {canClaim && c.status === 'pending' && !c.assignee && (
            <Button size="small" onClick={() => onClaim(c)} data-testid="callback-claim">{t('callbacks.claim')}</Button>
          )}
          <Link to={`/callbacks/${c.id}`}>{t('callbacks.open')}</Link>
        </Space>
      ),
    },
  ];
  return <ServerTable<CallbackTask, CallbackFilterKey> list={list} columns={columns} data-testid="callbacks-table" locale={{ emptyText: t('callbacks.empty') }} />;
}

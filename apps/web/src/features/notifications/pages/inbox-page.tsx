import { App, Badge, Button, Segmented, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notificationKinds, type Notification, type NotificationKind } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { formatDateTime } from '../../../shared/format';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { ServerTable } from '../../../shared/server-table';
import { testId } from '../../../shared/test-id';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useServerList } from '../../../shared/use-server-list';
import { notificationListQuery, useNotificationMutations } from '../hooks/use-notifications';

const filterKeys = ['unread', 'kind'] as const;

const kindColors: Record<NotificationKind, string> = {
  assignment: 'blue',
  sla_warning: 'orange',
  sla_breach: 'red',
  escalation: 'magenta',
  customer_message: 'cyan',
  status_update: 'default',
};

export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const list = useServerList(filterKeys, notificationListQuery);
  const { params, setParams } = list;
  const { markRead, markAllRead } = useNotificationMutations();

  // Opening a notification marks it read, then goes to what it is about.
  const open = async (n: Notification) => {
    if (!n.readAt) await markRead.mutateAsync(n.id).catch(() => undefined);
    if (n.link) navigate(n.link);
  };

  const statusBadge = (n: Notification) =>
    n.readAt ? <Badge status="default" text={t('notifications.read')} /> : <Badge status="processing" text={t('notifications.unread')} />;
  const kindTag = (n: Notification) => <Tag color={kindColors[n.kind]}>{t(`notifications.kind.${n.kind}`)}</Tag>;
  const messageCell = (n: Notification, width: number) => (
    <Space orientation="vertical" size={0} style={{ maxWidth: width }}>
      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
      {n.body && <Typography.Text type="secondary" ellipsis={{ tooltip: n.body }} style={{ maxWidth: width }}>{n.body}</Typography.Text>}
    </Space>
  );
  const createdAtColumn = {
    title: t('notifications.fields.createdAt'),
    key: 'createdAt',
    sorter: true,
    // Newest first unless asked otherwise (the server's default too).
    sortOrder: params.order === 'asc' ? ('ascend' as const) : ('descend' as const),
    sortDirections: ['descend' as const, 'ascend' as const, 'descend' as const],
  };

  // On a phone one column holds it all; tapping a row opens it and marks it read.
  const phoneColumns: TableProps<Notification>['columns'] = [
    {
      title: t('notifications.fields.title'),
      key: 'title',
      render: (_, n) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Space size={4}>{kindTag(n)}{statusBadge(n)}<Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text></Space>
          {messageCell(n, 320)}
        </Space>
      ),
    },
  ];

  const columns: TableProps<Notification>['columns'] = [
    { title: t('notifications.fields.status'), key: 'status', width: 90, render: (_, n) => statusBadge(n) },
    { title: t('notifications.fields.kind'), key: 'kind', width: 110, render: (_, n) => kindTag(n) },
    { title: t('notifications.fields.title'), key: 'title', render: (_, n) => messageCell(n, 440) },
    { ...createdAtColumn, width: 150, render: (_, n) => formatDateTime(n.createdAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, n) =>
        n.readAt ? null : (
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={(e) => {
              e.stopPropagation();
              markRead.mutate(n.id);
            }}
            data-testid={`notification-mark-read-${n.id}`}
          >
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];

  const filters = (
    <>
      <Segmented
        value={params.unread === 'true' ? 'unread' : 'all'}
        onChange={(v) => setParams({ unread: v === 'unread' ? 'true' : undefined })}
        options={[
          { value: 'all', label: t('notifications.filter.all') },
          { value: 'unread', label: t('notifications.filter.unread') },
        ]}
        data-testid="inbox-filter-unread"
      />
      <Select
        value={params.kind}
        onChange={(kind?: string) => setParams({ kind })}
        options={notificationKinds.map((k) => ({ value: k, label: t(`notifications.kind.${k}`) }))}
        placeholder={t('notifications.fields.kind')}
        allowClear
        style={{ width: 140 }}
        data-testid="inbox-filter-kind"
      />
      <ListSearch list={list} placeholder={t('notifications.searchPlaceholder')} width={200} data-testid="inbox-search" />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  const onMarkAll = () =>
    markAllRead.mutateAsync().then(
      (r) => void message.success(t('notifications.markedAllRead', { count: r.updated })),
      (err: unknown) => void message.error(toApiError(err, t('common.networkError')).message),
    );

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Button icon={<CheckOutlined />} onClick={onMarkAll} loading={markAllRead.isPending} data-testid="inbox-mark-all-read">
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <ListCard filters={filters}>
        <ServerTable
          list={list}
          columns={isMobile ? phoneColumns : columns}
          locale={{ emptyText: t('notifications.empty') }}
          onRow={(n) => ({ onClick: () => void open(n), style: { cursor: n.link ? 'pointer' : undefined }, ...testId(`notification-row-${n.id}`) })}
          data-testid="inbox-table"
        />
      </ListCard>
    </>
  );
}

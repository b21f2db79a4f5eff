import { Button, Card, DatePicker, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction, type AuditEntry } from '@sht/domain';
import { formatDateTimeSeconds } from '../../../shared/format';
import { PageHeader } from '../../../shared/page-header';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useListParams } from '../../../shared/use-list-params';
import { AuditDiff } from '../components/audit-diff';
import { useAuditList } from '../hooks/use-audit';

const filterKeys = ['entityType', 'entityId', 'actorId', 'action', 'from', 'to'] as const;
// The entity types the server records today; unknown ones still display, by their raw name.
const knownEntityTypes = ['org', 'user', 'api_token'] as const;

const authActions = new Set<AuditAction>(['login', 'logout', 'login_failed']);

const actionColors: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  move: 'purple',
  deactivate: 'orange',
  activate: 'cyan',
  login_failed: 'red',
};

export function AuditPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { params, setParams } = useListParams(filterKeys);
  const list = useAuditList(params);

  const entityLabel = (type: string) =>
    (knownEntityTypes as readonly string[]).includes(type) ? t(`audit.entity.${type as (typeof knownEntityTypes)[number]}`) : type;
  const range: [Dayjs, Dayjs] | null =
    params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null;

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.fields.at'),
      dataIndex: 'at',
      key: 'at',
      sorter: true,
      // The server lists newest first unless asked otherwise.
      sortOrder: params.order === 'asc' ? 'ascend' : 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      width: 180,
      render: (_, e) => formatDateTimeSeconds(e.at),
    },
    {
      title: t('audit.fields.actor'),
      key: 'actor',
      // Sign-in events have no acting user yet (the entity is the user signing in).
      render: (_, e) => e.actorName ?? (authActions.has(e.action) ? '—' : t('audit.system')),
    },
    {
      title: t('audit.fields.action'),
      key: 'action',
      render: (_, e) => <Tag color={actionColors[e.action]}>{t(`audit.action.${e.action}`)}</Tag>,
    },
    { title: t('audit.fields.entityType'), key: 'entityType', render: (_, e) => entityLabel(e.entityType) },
    {
      title: t('audit.fields.entityId'),
      key: 'entityId',
      render: (_, e) => (
        <Typography.Text copyable={{ text: e.entityId }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {e.entityId.slice(0, 8)}
        </Typography.Text>
      ),
    },
    { title: t('audit.fields.ip'), dataIndex: 'ip', key: 'ip' },
    {
      title: t('audit.fields.requestId'),
      key: 'requestId',
      render: (_, e) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.requestId}</Typography.Text>,
    },
  ];

  const onChange: TableProps<AuditEntry>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    setParams({
      page: pagination.current,
      pageSize: pagination.pageSize,
      order: s?.order === 'ascend' ? 'asc' : undefined,
    });
  };

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card size="small" styles={{ body: { padding: isMobile ? 8 : 16 } }}>
        <div className="sht-filters">
          <Input.Search
            allowClear
            defaultValue={params.q}
            key={params.q ?? ''}
            placeholder={t('audit.searchPlaceholder')}
            onSearch={(q) => setParams({ q: q.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="audit-search"
          />
          <Select
            value={params.entityType}
            onChange={(entityType?: string) => setParams({ entityType })}
            options={knownEntityTypes.map((type) => ({ value: type, label: entityLabel(type) }))}
            placeholder={t('audit.fields.entityType')}
            allowClear
            style={{ width: 150 }}
            data-testid="audit-filter-entity-type"
          />
          <Select
            value={params.action}
            onChange={(action?: string) => setParams({ action })}
            options={auditActions.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))}
            placeholder={t('audit.fields.action')}
            allowClear
            style={{ width: 150 }}
            data-testid="audit-filter-action"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(dates) =>
              setParams({
                from: dates?.[0]?.startOf('day').toISOString(),
                to: dates?.[1]?.endOf('day').toISOString(),
              })
            }
            style={{ width: isMobile ? '100%' : 260 }}
            data-testid="audit-filter-range"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />
        </div>
        <Table<AuditEntry>
          rowKey="id"
          size={isMobile ? 'small' : 'middle'}
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (e) => <AuditDiff entityType={e.entityType} before={e.before} after={e.after} />,
            rowExpandable: (e) => e.before != null || e.after != null,
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !isMobile,
            simple: isMobile,
            showTotal: (total) => t('common.total', { total }),
          }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}

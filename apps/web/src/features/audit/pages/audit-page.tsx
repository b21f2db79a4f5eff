import { DatePicker, Select, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction, type AuditEntry } from '@sht/domain';
import { formatDateTimeSeconds } from '../../../shared/format';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { ServerTable } from '../../../shared/server-table';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useServerList } from '../../../shared/use-server-list';
import { AuditDiff } from '../components/audit-diff';
import { auditListQuery } from '../hooks/use-audit';

const filterKeys = ['entityType', 'entityId', 'actorId', 'action', 'from', 'to'] as const;
// The entity types the server records today; unknown ones still display, by their raw name.
const knownEntityTypes = ['org', 'user', 'api_token', 'customer', 'equipment', 'product_category', 'product_model', 'spare_part', 'import_job'] as const;

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
  const list = useServerList(filterKeys, auditListQuery);
  const { params, setParams } = list;

  const entityLabel = (type: string) =>
    (knownEntityTypes as readonly string[]).includes(type) ? t(`audit.entity.${type as (typeof knownEntityTypes)[number]}`) : type;
  const range: [Dayjs, Dayjs] | null =
    params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null;

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.fields.at'),
      dataIndex: 'at',
      // The sort key the server knows; it lists newest first unless asked otherwise.
      key: 'at',
      sorter: true,
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

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('audit.searchPlaceholder')} data-testid="audit-search" />
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
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <ListCard filters={filters}>
        <ServerTable
          list={list}
          columns={columns}
          expandable={{
            expandedRowRender: (e) => <AuditDiff entityType={e.entityType} before={e.before} after={e.after} />,
            rowExpandable: (e) => e.before != null || e.after != null,
          }}
          data-testid="audit-table"
        />
      </ListCard>
    </>
  );
}

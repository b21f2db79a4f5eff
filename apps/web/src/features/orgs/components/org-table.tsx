import { App, Badge, Button, Popconfirm, Space, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org, Page } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { testId } from '../../../shared/test-id';
import { toAntdOrder, type ListParams, type ListPatch } from '../../../shared/use-list-params';
import { toApiError } from '../../../api/api-error';
import { useOrgMutations } from '../hooks/use-orgs';
import { OrgKindTag } from './org-kind-tag';

export type OrgFilterKey = 'kind' | 'serviceLevel' | 'isActive' | 'parentId';

type Props = {
  params: ListParams<OrgFilterKey>;
  data: Page<Org> | undefined;
  loading: boolean;
  canWrite: boolean;
  compact: boolean;
  onParamsChange: (patch: ListPatch<OrgFilterKey>) => void;
  onEdit: (org: Org) => void;
  onMove: (org: Org) => void;
};

const single = (value: unknown): string | undefined =>
  Array.isArray(value) && value.length > 0 ? String(value[0]) : undefined;

export function OrgTable({ params, data, loading, canWrite, compact, onParamsChange, onEdit, onMove }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { setActive } = useOrgMutations();

  const toggleActive = (org: Org) =>
    setActive.mutateAsync({ id: org.id, active: !org.isActive }).then(
      () => void message.success(org.isActive ? t('orgs.deactivated') : t('orgs.activated')),
      (err: unknown) => void message.error(toApiError(err, t('common.networkError')).message),
    );

  const columns: TableProps<Org>['columns'] = [
    { title: t('orgs.fields.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: toAntdOrder(params.sort, params.order, 'code'), width: 120 },
    { title: t('orgs.fields.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: toAntdOrder(params.sort, params.order, 'name') },
    {
      title: t('orgs.fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      sorter: true,
      sortOrder: toAntdOrder(params.sort, params.order, 'kind'),
      filters: (['hq', 'region', 'outlet'] as const).map((k) => ({ text: t(`orgs.kind.${k}`), value: k })),
      filterMultiple: false,
      filteredValue: params.kind ? [params.kind] : null,
      render: (_, org) => <OrgKindTag kind={org.kind} />,
    },
    {
      title: t('orgs.fields.serviceLevel'),
      dataIndex: 'serviceLevel',
      key: 'serviceLevel',
      width: 120,
      sorter: true,
      sortOrder: toAntdOrder(params.sort, params.order, 'serviceLevel'),
      filters: (['A', 'B', 'C'] as const).map((l) => ({ text: t(`orgs.serviceLevel.${l}`), value: l })),
      filterMultiple: false,
      filteredValue: params.serviceLevel ? [params.serviceLevel] : null,
      render: (_, org) => t(`orgs.serviceLevel.${org.serviceLevel}`),
    },
    {
      title: t('orgs.fields.location'),
      key: 'location',
      render: (_, org) => [org.province, org.city].filter(Boolean).join(' '),
    },
    {
      title: t('orgs.fields.contactName'),
      key: 'contact',
      render: (_, org) => [org.contactName, org.contactPhone].filter(Boolean).join(' '),
    },
    {
      title: t('orgs.fields.isActive'),
      dataIndex: 'isActive',
      key: 'isActive',
      width: 100,
      filters: [
        { text: t('common.active'), value: 'true' },
        { text: t('common.inactive'), value: 'false' },
      ],
      filterMultiple: false,
      filteredValue: params.isActive ? [params.isActive] : null,
      render: (_, org) => (
        <Badge status={org.isActive ? 'success' : 'default'} text={org.isActive ? t('common.active') : t('common.inactive')} />
      ),
    },
    {
      title: t('orgs.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: toAntdOrder(params.sort, params.order, 'createdAt'),
      render: (_, org) => formatDateTime(org.createdAt),
    },
  ];

  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: compact ? undefined : 'right',
      width: 200,
      render: (_, org) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(org)} data-testid="org-edit">
            {t('common.edit')}
          </Button>
          {org.kind !== 'hq' && (
            <Button type="link" size="small" onClick={() => onMove(org)} data-testid="org-move">
              {t('orgs.move')}
            </Button>
          )}
          {org.kind !== 'hq' && (
            <Popconfirm
              title={org.isActive ? t('orgs.deactivateConfirm', { name: org.name }) : t('orgs.activateConfirm', { name: org.name })}
              onConfirm={() => toggleActive(org)}
              okButtonProps={testId('confirm-ok')}
            >
              <Button
                type="link"
                size="small"
                danger={org.isActive}
                data-testid={org.isActive ? 'org-deactivate' : 'org-activate'}
              >
                {org.isActive ? t('orgs.deactivate') : t('orgs.activate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  const onChange: TableProps<Org>['onChange'] = (pagination, filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    onParamsChange({
      page: pagination.current,
      pageSize: pagination.pageSize,
      sort: s?.order ? String(s.columnKey) : undefined,
      order: s?.order ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
      kind: single(filters.kind),
      serviceLevel: single(filters.serviceLevel),
      isActive: single(filters.isActive),
    });
  };

  return (
    <Table<Org>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: !compact,
        simple: compact,
        showTotal: (total) => t('common.total', { total }),
      }}
      data-testid="orgs-table"
    />
  );
}

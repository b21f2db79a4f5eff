import { Badge, Button, Space, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '@sht/domain';
import { ConfirmLink } from '../../../shared/confirm-link';
import { formatDateTime } from '../../../shared/format';
import { filteredColumn, ServerTable, sortedColumn } from '../../../shared/server-table';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useRunAction } from '../../../shared/use-run-action';
import type { ServerList } from '../../../shared/use-server-list';
import { useOrgMutations } from '../hooks/use-orgs';
import { OrgKindTag } from './org-kind-tag';

export type OrgFilterKey = 'kind' | 'serviceLevel' | 'isActive' | 'parentId';

type Props = {
  list: ServerList<Org, OrgFilterKey>;
  canWrite: boolean;
  onEdit: (org: Org) => void;
  onMove: (org: Org) => void;
};

export function OrgTable({ list, canWrite, onEdit, onMove }: Props) {
  const { t } = useTranslation();
  const compact = useIsMobile();
  const { params } = list;
  const run = useRunAction();
  const { setActive } = useOrgMutations();

  const columns: TableProps<Org>['columns'] = [
    { title: t('orgs.fields.code'), dataIndex: 'code', ...sortedColumn(params, 'code'), width: 120 },
    { title: t('orgs.fields.name'), dataIndex: 'name', ...sortedColumn(params, 'name') },
    {
      title: t('orgs.fields.kind'),
      dataIndex: 'kind',
      width: 130,
      ...sortedColumn(params, 'kind'),
      ...filteredColumn(params, 'kind', (['hq', 'region', 'outlet'] as const).map((k) => ({ text: t(`orgs.kind.${k}`), value: k }))),
      render: (_, org) => <OrgKindTag kind={org.kind} />,
    },
    {
      title: t('orgs.fields.serviceLevel'),
      dataIndex: 'serviceLevel',
      width: 120,
      ...sortedColumn(params, 'serviceLevel'),
      ...filteredColumn(params, 'serviceLevel', (['A', 'B', 'C'] as const).map((l) => ({ text: t(`orgs.serviceLevel.${l}`), value: l }))),
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
      width: 100,
      ...filteredColumn(params, 'isActive', [
        { text: t('common.active'), value: 'true' },
        { text: t('common.inactive'), value: 'false' },
      ]),
      render: (_, org) => (
        <Badge status={org.isActive ? 'success' : 'default'} text={org.isActive ? t('common.active') : t('common.inactive')} />
      ),
    },
    {
      title: t('orgs.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      ...sortedColumn(params, 'createdAt'),
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
            <ConfirmLink
              title={org.isActive ? t('orgs.deactivateConfirm', { name: org.name }) : t('orgs.activateConfirm', { name: org.name })}
              onConfirm={() =>
                run(
                  setActive.mutateAsync({ id: org.id, active: !org.isActive }),
                  org.isActive ? t('orgs.deactivated') : t('orgs.activated'),
                )
              }
              danger={org.isActive}
              data-testid={org.isActive ? 'org-deactivate' : 'org-activate'}
            >
              {org.isActive ? t('orgs.deactivate') : t('orgs.activate')}
            </ConfirmLink>
          )}
        </Space>
      ),
    });
  }

  return <ServerTable list={list} columns={columns} data-testid="orgs-table" />;
}

import { App, Badge, Button, Popconfirm, Space, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page, User } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { formatDateTime } from '../../../shared/format';
import { testId } from '../../../shared/test-id';
import { toAntdOrder, type ListParams, type ListPatch } from '../../../shared/use-list-params';
import { useSession } from '../../auth/hooks/use-me';
import { useUserMutations } from '../hooks/use-users';
import { RoleTags } from './role-tags';

export type UserFilterKey = 'orgId' | 'role' | 'isActive';

type Props = {
  params: ListParams<UserFilterKey>;
  data: Page<User> | undefined;
  loading: boolean;
  canWrite: boolean;
  compact: boolean;
  onParamsChange: (patch: ListPatch<UserFilterKey>) => void;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
};

export function UserTable({ params, data, loading, canWrite, compact, onParamsChange, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const { setActive, unlock } = useUserMutations();

  const run = (action: Promise<unknown>, success: string) =>
    action.then(
      () => void message.success(success),
      (err: unknown) => void message.error(toApiError(err, t('common.networkError')).message),
    );

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: toAntdOrder(params.sort, params.order, key) });

  const columns: TableProps<User>['columns'] = [
    { title: t('users.fields.username'), dataIndex: 'username', ...sortable('username') },
    { title: t('users.fields.name'), dataIndex: 'name', ...sortable('name') },
    { title: t('users.fields.org'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('users.fields.roles'), key: 'roles', render: (_, user) => <RoleTags roles={user.roles} /> },
    { title: t('users.fields.phone'), dataIndex: 'phone', key: 'phone' },
    {
      title: t('users.fields.status'),
      key: 'status',
      render: (_, user) => (
        <Space size={4}>
          <Badge status={user.isActive ? 'success' : 'default'} text={user.isActive ? t('common.active') : t('common.inactive')} />
          {user.isLocked && <Tag color="orange">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      ...sortable('lastLoginAt'),
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')),
    },
    {
      title: t('users.fields.createdAt'),
      dataIndex: 'createdAt',
      ...sortable('createdAt'),
      render: (_, user) => formatDateTime(user.createdAt),
    },
  ];

  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: compact ? undefined : 'right',
      width: 260,
      render: (_, user) => {
        const isSelf = user.id === me.id;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => onResetPassword(user)} data-testid="user-reset-password">
              {t('users.resetPassword')}
            </Button>
            {user.isLocked && (
              <Popconfirm
                title={t('users.unlockConfirm', { name: user.name })}
                onConfirm={() => run(unlock.mutateAsync(user.id), t('users.unlocked'))}
                okButtonProps={testId('confirm-ok')}
              >
                <Button type="link" size="small" data-testid="user-unlock">
                  {t('users.unlock')}
                </Button>
              </Popconfirm>
            )}
            {!isSelf && (
              <Popconfirm
                title={user.isActive ? t('users.disableConfirm', { name: user.name }) : t('users.enableConfirm', { name: user.name })}
                onConfirm={() =>
                  run(
                    setActive.mutateAsync({ id: user.id, active: !user.isActive }),
                    user.isActive ? t('users.disabled') : t('users.enabled'),
                  )
                }
                okButtonProps={testId('confirm-ok')}
              >
                <Button
                  type="link"
                  size="small"
                  danger={user.isActive}
                  data-testid={user.isActive ? 'user-disable' : 'user-enable'}
                >
                  {user.isActive ? t('users.disable') : t('users.enable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    });
  }

  const onChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    onParamsChange({
      page: pagination.current,
      pageSize: pagination.pageSize,
      sort: s?.order ? String(s.columnKey) : undefined,
      order: s?.order ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
    });
  };

  return (
    <Table<User>
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
      data-testid="users-table"
    />
  );
}

import { Badge, Button, Space, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@sht/domain';
import { ConfirmLink } from '../../../shared/confirm-link';
import { formatDateTime } from '../../../shared/format';
import { ServerTable, sortedColumn } from '../../../shared/server-table';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useRunAction } from '../../../shared/use-run-action';
import type { ServerList } from '../../../shared/use-server-list';
import { useSession } from '../../auth/hooks/use-me';
import { useUserMutations } from '../hooks/use-users';
import { RoleTags } from './role-tags';

export type UserFilterKey = 'orgId' | 'role' | 'isActive';

type Props = {
  list: ServerList<User, UserFilterKey>;
  canWrite: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
};

export function UserTable({ list, canWrite, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const compact = useIsMobile();
  const { params } = list;
  const me = useSession();
  const run = useRunAction();
  const { setActive, unlock } = useUserMutations();

  const columns: TableProps<User>['columns'] = [
    { title: t('users.fields.username'), dataIndex: 'username', ...sortedColumn(params, 'username') },
    { title: t('users.fields.name'), dataIndex: 'name', ...sortedColumn(params, 'name') },
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
      ...sortedColumn(params, 'lastLoginAt'),
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')),
    },
    {
      title: t('users.fields.createdAt'),
      dataIndex: 'createdAt',
      ...sortedColumn(params, 'createdAt'),
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
              <ConfirmLink
                title={t('users.unlockConfirm', { name: user.name })}
                onConfirm={() => run(unlock.mutateAsync(user.id), t('users.unlocked'))}
                data-testid="user-unlock"
              >
                {t('users.unlock')}
              </ConfirmLink>
            )}
            {!isSelf && (
              <ConfirmLink
                title={user.isActive ? t('users.disableConfirm', { name: user.name }) : t('users.enableConfirm', { name: user.name })}
                onConfirm={() =>
                  run(
                    setActive.mutateAsync({ id: user.id, active: !user.isActive }),
                    user.isActive ? t('users.disabled') : t('users.enabled'),
                  )
                }
                danger={user.isActive}
                data-testid={user.isActive ? 'user-disable' : 'user-enable'}
              >
                {user.isActive ? t('users.disable') : t('users.enable')}
              </ConfirmLink>
            )}
          </Space>
        );
      },
    });
  }

  return <ServerTable list={list} columns={columns} data-testid="users-table" />;
}

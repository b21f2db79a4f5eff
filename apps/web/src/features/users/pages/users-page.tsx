import { useState } from 'react';
import { Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type User } from '@sht/domain';
import { useCan } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { useRoleLabel } from '../../../shared/role-label';
import { useServerList } from '../../../shared/use-server-list';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal } from '../components/user-form-modal';
import { UserTable, type UserFilterKey } from '../components/user-table';
import { userListQuery } from '../hooks/use-users';

const filterKeys: readonly UserFilterKey[] = ['orgId', 'role', 'isActive'];

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const roleLabel = useRoleLabel();
  const list = useServerList(filterKeys, userListQuery);
  const { params, setParams } = list;
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | undefined>();
  const canWrite = can('user.write');

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('users.searchPlaceholder')} data-testid="users-search" />
      <OrgTreeSelect
        value={params.orgId}
        onChange={(orgId) => setParams({ orgId })}
        placeholder={t('users.fields.org')}
        allowClear
        style={{ width: 220 }}
        data-testid="users-filter-org"
      />
      <Select
        value={params.role}
        onChange={(role?: string) => setParams({ role })}
        placeholder={t('users.fields.roles')}
        allowClear
        options={roles.map((role) => ({ value: role, label: roleLabel(role) }))}
        style={{ width: 180 }}
        data-testid="users-filter-role"
      />
      <Select
        value={params.isActive}
        onChange={(isActive?: string) => setParams({ isActive })}
        placeholder={t('users.fields.status')}
        allowClear
        options={[
          { value: 'true', label: t('common.active') },
          { value: 'false', label: t('common.inactive') },
        ]}
        style={{ width: 120 }}
        data-testid="users-filter-active"
      />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-create">
              {t('users.create')}
            </Button>
          )
        }
      />
      <ListCard filters={filters}>
        <UserTable
          list={list}
          canWrite={canWrite}
          onEdit={(user) => setEditing({ mode: 'edit', user })}
          onResetPassword={setResetting}
        />
      </ListCard>
      <UserFormModal
        open={editing !== null}
        user={editing?.mode === 'edit' ? editing.user : undefined}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </>
  );
}

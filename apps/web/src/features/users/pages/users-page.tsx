import { useState } from 'react';
import { Button, Card, Input, Select } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type User } from '@sht/domain';
import { useCan } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { PageHeader } from '../../../shared/page-header';
import { useRoleLabel } from '../../../shared/role-label';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useListParams } from '../../../shared/use-list-params';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal } from '../components/user-form-modal';
import { UserTable, type UserFilterKey } from '../components/user-table';
import { useUserList } from '../hooks/use-users';

const filterKeys: readonly UserFilterKey[] = ['orgId', 'role', 'isActive'];

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const roleLabel = useRoleLabel();
  const { params, setParams } = useListParams(filterKeys);
  const list = useUserList(params);
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | undefined>();
  const canWrite = can('user.write');

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
      <Card size="small" styles={{ body: { padding: isMobile ? 8 : 16 } }}>
        <div className="sht-filters">
          <Input.Search
            allowClear
            defaultValue={params.q}
            key={params.q ?? ''}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(q) => setParams({ q: q.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="users-search"
          />
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
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')} />
        </div>
        <UserTable
          params={params}
          data={list.data}
          loading={list.isFetching}
          canWrite={canWrite}
          compact={isMobile}
          onParamsChange={setParams}
          onEdit={(user) => setEditing({ mode: 'edit', user })}
          onResetPassword={setResetting}
        />
      </Card>
      <UserFormModal
        open={editing !== null}
        user={editing?.mode === 'edit' ? editing.user : undefined}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </>
  );
}

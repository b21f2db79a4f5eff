import { useMemo } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  createUserSchema,
  grantableRoles,
  roles as allRoles,
  type CreateUserInput,
  type Role,
  type UpdateUserInput,
  type User,
} from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { useRoleLabel } from '../../../shared/role-label';
import { requiredRule, schemaRule, withoutEmpty } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { useSession } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { useUserMutations } from '../hooks/use-users';
import { usersApi } from '../users.api';

type FormValues = {
  username: string;
  name: string;
  phone?: string;
  email?: string;
  orgId: string;
  roles: Role[];
  password?: string;
};

const shape = createUserSchema.shape;
const fieldByCode = { USERNAME_TAKEN: 'username', ROLE_NOT_GRANTABLE: 'roles', USER_ORG_INACTIVE: 'orgId' };

type Props = { open: boolean; user?: User; onClose: () => void };

function toFormValues(user: User): FormValues {
  return {
    username: user.username,
    name: user.name,
    phone: user.phone ?? '',
    email: user.email ?? '',
    orgId: user.orgId,
    roles: user.roles,
  };
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => [...a].sort().join() === [...b].sort().join();

/** Only changed fields go to the server; a cleared phone or email is sent as null. */
function changedFields(user: User, v: FormValues): Omit<UpdateUserInput, 'version'> {
  const patch: Omit<UpdateUserInput, 'version'> = {};
  if (v.name.trim() !== user.name) patch.name = v.name.trim();
  const phone = v.phone?.trim() || null;
  if (phone !== user.phone) patch.phone = phone;
  const email = v.email?.trim() || null;
  if (email !== user.email) patch.email = email;
  if (v.orgId !== user.orgId) patch.orgId = v.orgId;
  if (!sameRoles(v.roles, user.roles)) patch.roles = v.roles;
  return patch;
}

export function UserFormModal({ open, user, onClose }: Props) {
  const { t } = useTranslation();
  const me = useSession();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<FormValues>();
  const { create, update } = useUserMutations();
  const editor = useEditForm<User, FormValues>({
    form,
    open,
    record: user,
    toFormValues,
    createValues: { orgId: me.orgId, roles: [] },
    getLatest: usersApi.get,
    fieldByCode,
    create: (values) => create.mutateAsync(withoutEmpty(values) as CreateUserInput),
    update: (current, values) =>
      update.mutateAsync({ id: current.id, input: { ...changedFields(current, values), version: current.version } }),
    messages: { created: t('users.created'), updated: t('users.updated') },
    onSaved: onClose,
  });
  const { current, isEdit } = editor;

  // Nobody grants more than they hold; roles the user already has but the caller may not grant
  // are shown locked so they are kept as they are.
  const roleOptions = useMemo(() => {
    const grantable = grantableRoles(me.roles);
    return allRoles
      .filter((role) => grantable.has(role) || current?.roles.includes(role))
      .map((role) => ({ value: role, label: roleLabel(role), disabled: !grantable.has(role) }));
  }, [me.roles, current, roleLabel]);

  return (
    <EditFormModal
      open={open}
      title={isEdit ? t('users.editTitle') : t('users.createTitle')}
      editor={editor}
      conflictMessage={t('users.versionConflict')}
      onClose={onClose}
      data-testid="user-form-modal"
      conflictTestId="user-form-conflict"
    >
      <Form<FormValues> form={form} name="user-form" layout="vertical" onFinish={editor.onFinish}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('users.fields.username')}
              rules={isEdit ? [] : [requiredRule(), schemaRule(shape.username, { formatMessage: t('validation.username') })]}
            >
              <Input disabled={isEdit} maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('users.fields.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('users.fields.phone')}
              rules={[schemaRule(shape.phone, { message: t('validation.phone') })]}
            >
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label={t('users.fields.email')}
              rules={[schemaRule(shape.email, { message: t('validation.email') })]}
            >
              <Input maxLength={120} inputMode="email" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="orgId" label={t('users.fields.org')} rules={[requiredRule()]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.fields.roles')}
          extra={t('users.rolesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
        >
          <Select mode="multiple" options={roleOptions} allowClear={false} />
        </Form.Item>
        {!isEdit && (
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            extra={t('validation.password')}
            rules={[requiredRule(), schemaRule(shape.password, { message: t('validation.password') })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </EditFormModal>
  );
}

import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordSchema, type User } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useUserMutations } from '../hooks/use-users';

export function ResetPasswordModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const { resetPassword } = useUserMutations();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const onFinish = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    resetPassword.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (err) => {
          const unmatched = applyServerErrors(form, toApiError(err, t('common.networkError')));
          if (unmatched.length > 0) message.error(unmatched.join('；'));
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={t('users.resetPasswordTitle', { name: user?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={resetPassword.isPending}
      forceRender
      data-testid="reset-password-modal"
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      <Form form={form} name="reset-password-form" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          extra={t('validation.password')}
          rules={[requiredRule(), schemaRule(passwordSchema, { message: t('validation.password') })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

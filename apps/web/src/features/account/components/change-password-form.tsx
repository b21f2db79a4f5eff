import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useChangePassword } from '../hooks/use-account';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    setFormError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('account.passwordChanged'));
          form.resetFields();
          onChanged?.();
        },
        onError: (err) => {
          const unmatched = applyServerErrors(form, toApiError(err, t('common.networkError')), {
            WRONG_CURRENT_PASSWORD: 'currentPassword',
            PASSWORD_UNCHANGED: 'newPassword',
          });
          if (unmatched.length > 0) setFormError(unmatched.join('；'));
        },
      },
    );
  };

  return (
    <Form<Values> form={form} name="change-password" layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[requiredRule()]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('validation.password')}
        rules={[requiredRule(), schemaRule(passwordSchema, { message: t('validation.password') })]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          requiredRule(),
          ({ getFieldValue }) => ({
            validator: async (_, value: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('validation.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}

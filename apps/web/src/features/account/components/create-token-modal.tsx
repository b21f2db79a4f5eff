import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { createApiTokenSchema } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import type { CreatedApiToken } from '../account.api';
import { useApiTokenMutations } from '../hooks/use-account';

type Values = { name: string; expiresInDays?: number | null };

/** Two steps in one modal: the form, then the new token — shown once, never again. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create } = useApiTokenMutations();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  useEffect(() => {
    if (!open) return;
    setCreated(null);
    form.resetFields();
  }, [open, form]);

  const onFinish = ({ name, expiresInDays }: Values) => {
    create.mutate(
      { name, ...(expiresInDays ? { expiresInDays } : {}) },
      {
        onSuccess: setCreated,
        onError: (err) => {
          const unmatched = applyServerErrors(form, toApiError(err, t('common.networkError')));
          if (unmatched.length > 0) message.error(unmatched.join('；'));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={created ? t('account.tokens.createdTitle') : t('account.tokens.createTitle')}
      onCancel={onClose}
      onOk={created ? onClose : () => form.submit()}
      okText={created ? t('common.close') : t('common.create')}
      cancelButtonProps={created ? { style: { display: 'none' } } : undefined}
      confirmLoading={create.isPending}
      forceRender
      mask={{ closable: !created }}
      data-testid="token-modal"
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('account.tokens.createdHint')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            style={{ wordBreak: 'break-all' }}
            data-testid="token-value"
          >
            {created.token}
          </Typography.Paragraph>
        </>
      ) : (
        <Form<Values> form={form} name="token-form" layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="name"
            label={t('account.tokens.name')}
            rules={[requiredRule(), schemaRule(createApiTokenSchema.shape.name)]}
          >
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item
            name="expiresInDays"
            label={t('account.tokens.expiresInDays')}
            extra={t('account.tokens.expiresInDaysHelp')}
            rules={[schemaRule(createApiTokenSchema.shape.expiresInDays)]}
          >
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

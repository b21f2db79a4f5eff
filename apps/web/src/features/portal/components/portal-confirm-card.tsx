import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalOrderDetail } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { usePortalConfirm } from '../hooks/use-portal';

type Values = { satisfied?: boolean; note?: string };

/** 客户确认: the customer confirms a resolved order, saying whether they are satisfied. */
export function PortalConfirmCard({ order }: { order: PortalOrderDetail }) {
  const { t } = useTranslation();
  const confirm = usePortalConfirm(order.id);
  const [error, setError] = useState<string | null>(null);
  const onFinish = (v: Values) => {
    setError(null);
    confirm.mutate(
      { version: order.version, ...(v.satisfied === undefined ? {} : { satisfied: v.satisfied }), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      { onError: (err) => setError(toApiError(err, t('common.networkError')).message) },
    );
  };
  return (
    <Card size="small" title={t('portal.confirm.title')} data-testid="portal-confirm">
      <Typography.Paragraph type="secondary">{t('portal.confirm.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="portal-confirm-error" />}
      <Form<Values> layout="vertical" onFinish={onFinish} initialValues={{ satisfied: true }}>
        <Form.Item name="satisfied" label={t('portal.confirm.satisfied')}>
          <Radio.Group>
            <Radio value data-testid="portal-satisfied-yes">{t('portal.satisfiedYes')}</Radio>
            <Radio value={false} data-testid="portal-satisfied-no">{t('portal.satisfiedNo')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('portal.confirm.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="portal-confirm-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="portal-confirm-submit">
          {t('portal.confirm.submit')}
        </Button>
      </Form>
    </Card>
  );
}

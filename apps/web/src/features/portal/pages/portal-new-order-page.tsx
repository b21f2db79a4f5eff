import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { complaintCategories, portalNewOrderSchema, portalOrderTypes, type ComplaintCategory, type PortalNewOrderInput } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule, schemaRule, withoutEmpty } from '../../../shared/schema-rule';
import { usePortalCreateOrder, usePortalMe, usePortalUnits } from '../hooks/use-portal';

type Values = { customerId?: string; type: PortalNewOrderInput['type']; complaintCategory?: ComplaintCategory; equipmentId?: string; title: string; description: string; siteAddress?: string };
const fields = portalNewOrderSchema.shape;

/** 网上报修: the customer describes the problem; the service point answering for it takes it from there. */
export function PortalNewOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const me = usePortalMe();
  const units = usePortalUnits();
  const create = usePortalCreateOrder();
  const [error, setError] = useState<string | null>(null);
  const customers = me.data?.customers ?? [];
  const customerId = Form.useWatch('customerId', form) ?? (customers.length === 1 ? customers[0]?.id : undefined);
  const isComplaint = Form.useWatch('type', form) === 'complaint';
  const unitOptions = (units.data?.items ?? [])
    .filter((u) => u.customerId === customerId)
    .map((u) => ({ value: u.id, label: `${u.modelName} ${u.serialNo}` }));

  const onFinish = (values: Values) => {
    setError(null);
    create.mutate(withoutEmpty(values) as PortalNewOrderInput, {
      onSuccess: (order) => void navigate(`/portal/orders/${order.id}`, { replace: true }),
      onError: (err) => {
        const rest = applyServerErrors(form, toApiError(err, t('common.networkError')));
        if (rest.length > 0) setError(rest.join(' '));
      },
    });
  };

  return (
    <>
      <Link to="/portal"><ArrowLeftOutlined /> {t('portal.back')}</Link>
      <Card size="small" title={t('portal.report.title')}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="portal-report-error" />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ type: 'repair' }} requiredMark={false}>
          {customers.length > 1 && (
            <Form.Item name="customerId" label={t('portal.report.customer')} rules={[requiredRule()]}>
              <Select options={customers.map((c) => ({ value: c.id, label: c.name }))} data-testid="portal-report-customer" />
            </Form.Item>
          )}
          <Form.Item name="type" label={t('portal.report.type')} rules={[requiredRule()]}>
            <Select options={portalOrderTypes.map((type) => ({ value: type, label: t(`workOrders.type.${type}`) }))} data-testid="portal-report-type" />
          </Form.Item>
          {isComplaint && (
            <Form.Item name="complaintCategory" label={t('portal.report.complaintCategory')} rules={[requiredRule()]}>
              <Select
                options={complaintCategories.map((c) => ({ value: c, label: t(`workOrders.complaint.categories.${c}`) }))}
                data-testid="portal-report-category"
              />
            </Form.Item>
          )}
          <Form.Item name="equipmentId" label={t('portal.report.equipment')}>
            <Select allowClear placeholder={t('portal.report.noEquipment')} options={unitOptions} loading={units.isPending} data-testid="portal-report-equipment" />
          </Form.Item>
          <Form.Item name="title" label={t('portal.report.titleLabel')} rules={[requiredRule(), schemaRule(fields.title)]}>
            <Input maxLength={100} placeholder={t('portal.report.titlePlaceholder')} data-testid="portal-report-title" />
          </Form.Item>
          <Form.Item name="description" label={t('portal.report.description')} rules={[requiredRule(), schemaRule(fields.description)]}>
            <Input.TextArea rows={4} maxLength={4000} placeholder={t('portal.report.descriptionPlaceholder')} data-testid="portal-report-description" />
          </Form.Item>
          <Form.Item name="siteAddress" label={t('portal.report.siteAddress')} rules={[schemaRule(fields.siteAddress)]}>
            <Input maxLength={200} data-testid="portal-report-address" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="portal-report-submit">
            {t('portal.report.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Radio, Row, Space, Spin, Typography, type InputRef } from 'antd';
import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  complaintCategories, createWorkOrderSchema, phoneSchema, workOrderPriorities, workOrderTypes,
  type ComplaintCategory, type CreateWorkOrderInput, type CustomerSummary, type WorkOrderPriority, type WorkOrderType,
} from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { PageHeader } from '../../../shared/page-header';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { CustomerSummaryLine } from '../../customers/components/customer-summary-line';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { useCustomer } from '../../customers/hooks/use-customers';
import { CallerCustomerPicker } from '../components/caller-customer-picker';
import { useCreateWorkOrder, useCustomerUnits } from '../hooks/use-workorders';
import { guessCaller } from '../workorders.utils';
import '../workorders.css';

type Values = {
  type: WorkOrderType;
  priority: WorkOrderPriority;
  equipmentId: string;
  title: string;
  description: string;
  callerName?: string;
  callerPhone?: string;
  siteAddress?: string;
  complaint?: { category: ComplaintCategory; atFaultOrgId?: string };
};

const NO_UNIT = '';
const shape = createWorkOrderSchema.shape;

/** Hotline intake: find the caller, pick the unit, say what is wrong, submit — built for a call under a minute. */
export function WorkOrderNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<{ customer: CustomerSummary; typed: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const titleRef = useRef<InputRef>(null);
  const type = Form.useWatch('type', form);
  const complaintCategory = Form.useWatch(['complaint', 'category'], form);
  const create = useCreateWorkOrder();
  const units = useCustomerUnits(picked?.customer.id);
  // One unit: it is the one. Several: the agent picks (arrow keys move within the group).
  const unitItems = units.data?.items ?? [];
  useEffect(() => {
    if (unitItems.length === 1 && form.getFieldValue('equipmentId') === NO_UNIT) form.setFieldValue('equipmentId', unitItems[0]?.id);
  }, [unitItems, form]);

  const pick = (customer: CustomerSummary, typed: string) => {
    setPicked({ customer, typed });
    form.setFieldsValue({ equipmentId: NO_UNIT, callerName: customer.primaryContact ?? undefined, callerPhone: undefined });
    setTimeout(() => titleRef.current?.focus(), 0);
  };

  const onFinish = (values: Values) => {
    if (!picked) return setFormError(t('workOrders.intake.pickCustomerFirst'));
    setFormError(null);
    const text = (v: string | undefined) => v?.trim() || undefined;
    const input: CreateWorkOrderInput = {
      type: values.type,
      priority: values.priority,
      channel: 'hotline',
      customerId: picked.customer.id,
      equipmentId: values.equipmentId || null,
      title: values.title.trim(),
      description: values.description.trim(),
      callerName: text(values.callerName),
      callerPhone: text(values.callerPhone),
      siteAddress: text(values.siteAddress),
      complaint: values.type === 'complaint' ? values.complaint : undefined,
    };
    create.mutateAsync(input).then(
      (order) => {
        message.success(t('workOrders.created', { number: order.number }));
        navigate(`/work-orders/${order.id}`);
      },
      (err: unknown) => {
        const unmatched = applyServerErrors(form, toApiError(err, t('common.networkError')));
        if (unmatched.length > 0) setFormError(unmatched.join('；'));
      },
    );
  };

  // Ctrl/⌘+Enter submits from anywhere in the form, including the description box.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <div data-testid="work-order-new-page" onKeyDown={onKeyDown}>
      <PageHeader
        title={t('workOrders.intakeTitle')}
        extra={
          <Link to="/work-orders">
            <Button icon={<ArrowLeftOutlined />}>{t('workOrders.back')}</Button>
          </Link>
        }
      />
      <Card size="small" className="sht-wo-intake-find">
        {picked ? (
          <div className="sht-wo-picked" data-testid="intake-customer">
            <CustomerSummaryLine customer={picked.customer} />
            <Button icon={<SwapOutlined />} onClick={() => setPicked(null)} data-testid="intake-change-customer">
              {t('workOrders.intake.changeCustomer')}
            </Button>
          </div>
        ) : (
          <>
            <CallerCustomerPicker onPick={pick} />
            <Typography.Text type="secondary" className="sht-wo-hint">{t('workOrders.intake.findHint')}</Typography.Text>
          </>
        )}
      </Card>
      {picked && (
        <CallerPrefill
          customerId={picked.customer.id}
          typed={picked.typed}
          onCaller={(caller) => form.setFieldsValue({ callerName: caller.name, callerPhone: caller.phone ?? undefined })}
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="intake-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ type: 'repair', priority: 'normal', equipmentId: NO_UNIT }}
        disabled={!picked}
        data-testid="intake-form"
      >
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Spin spinning={units.isFetching}>
              <Form.Item name="equipmentId" label={t('workOrders.intake.units')}>
                <Radio.Group className="sht-wo-units" data-testid="intake-units">
                  {unitItems.map((u) => (
                    <Radio key={u.id} value={u.id}>
                      <span data-testid="intake-unit">
                        <Typography.Text strong>{u.serialNo}</Typography.Text> <Typography.Text type="secondary">{u.modelName}</Typography.Text>
                        {u.site?.address && <span className="sht-wo-unit-site">{u.site.address}</span>}
                      </span>
                    </Radio>
                  ))}
                  <Radio value={NO_UNIT}>{t('workOrders.intake.noUnit')}</Radio>
                </Radio.Group>
              </Form.Item>
              {picked && units.isSuccess && unitItems.length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.intake.unitsEmpty')} />
              )}
            </Spin>
          </Col>
          <Col xs={24} lg={14}>
            <Form.Item name="type" label={t('workOrders.fields.type')} rules={[requiredRule()]}>
              <Radio.Group
                optionType="button"
                options={workOrderTypes.map((v) => ({ value: v, label: t(`workOrders.type.${v}`) }))}
                data-testid="intake-type"
              />
            </Form.Item>
            {type === 'complaint' && (
              <Form.Item name={['complaint', 'category']} label={t('workOrders.complaint.category')} rules={[requiredRule()]}>
                <Radio.Group
                  optionType="button"
                  options={complaintCategories.map((v) => ({ value: v, label: t(`workOrders.complaint.categories.${v}`) }))}
                  data-testid="intake-complaint-category"
                />
              </Form.Item>
            )}
            {type === 'complaint' && complaintCategory === 'service_quality' && (
              <Form.Item name={['complaint', 'atFaultOrgId']} label={t('workOrders.complaint.atFaultOrg')}>
                <OrgTreeSelect allowClear data-testid="intake-complaint-org" />
              </Form.Item>
            )}
            <Form.Item name="priority" label={t('workOrders.fields.priority')} rules={[requiredRule()]}>
              <Radio.Group
                optionType="button"
                options={workOrderPriorities.map((v) => ({ value: v, label: t(`workOrders.priority.${v}`) }))}
                data-testid="intake-priority"
              />
            </Form.Item>
            <Form.Item name="title" label={t('workOrders.fields.title')} rules={[requiredRule(), schemaRule(shape.title)]}>
              <Input ref={titleRef} maxLength={100} data-testid="intake-title" />
            </Form.Item>
            <Form.Item name="description" label={t('workOrders.fields.description')} rules={[requiredRule(), schemaRule(shape.description)]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="intake-description" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="callerName" label={t('workOrders.fields.callerName')} rules={[schemaRule(shape.callerName)]}>
                  <Input maxLength={50} data-testid="intake-caller-name" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="callerPhone" label={t('workOrders.fields.callerPhone')} rules={[schemaRule(phoneSchema, { formatMessage: t('validation.phone') })]}>
                  <Input inputMode="tel" data-testid="intake-caller-phone" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="siteAddress" label={t('workOrders.fields.siteAddress')} rules={[schemaRule(shape.siteAddress)]}>
              <Input maxLength={200} data-testid="intake-site-address" />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" size="large" loading={create.isPending} data-testid="intake-submit">
                {t('workOrders.intake.submit')}
              </Button>
              <Typography.Text type="secondary">{t('workOrders.intake.submitHint')}</Typography.Text>
            </Space>
          </Col>
        </Row>
      </Form>
    </div>
  );
}

/** Fills caller name and phone from the contact whose number the agent typed, once the customer loads. */
function CallerPrefill({ customerId, typed, onCaller }: { customerId: string; typed: string; onCaller: (caller: { name: string; phone: string | null }) => void }) {
  const detail = useCustomer(customerId);
  const contacts = detail.data?.contacts;
  const apply = useEffectEvent(onCaller);
  useEffect(() => {
    const caller = contacts ? guessCaller(contacts, typed) : null;
    if (caller) apply(caller);
  }, [contacts, typed]);
  return null;
}

import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintResponseSchema, type WorkOrderDetail } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { formatDateTime } from '../../../shared/format';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { testId } from '../../../shared/test-id';
import { useCan } from '../../auth/hooks/use-me';
import { useComplaintResponse } from '../hooks/use-workorders';

type Values = { explanation: string; apology: string; improvement: string };
const shape = complaintResponseSchema.shape;
const fields = ['explanation', 'apology', 'improvement'] as const;

/** 客户投诉处理: category, where it was routed, and the at-fault department's explanation, apology and improvement. */
export function ComplaintCard({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const complaint = order.complaint;
  if (!complaint) return null;
  const response = complaint.response;
  const isOpen = order.status !== 'closed' && order.status !== 'cancelled';
  const pre = (s: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s}</Typography.Paragraph>;

  return (
    <Card
      size="small"
      title={t('workOrders.complaint.title')}
      extra={
        can('workorder.write') && isOpen && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="wo-complaint-respond">
            {t('workOrders.complaint.respond')}
          </Button>
        )
      }
      data-testid="wo-complaint"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('workOrders.complaint.category')}>{t(`workOrders.complaint.categories.${complaint.category}`)}</Descriptions.Item>
        {complaint.atFaultOrg && <Descriptions.Item label={t('workOrders.complaint.atFaultOrg')}>{complaint.atFaultOrg.name}</Descriptions.Item>}
        {complaint.routedBy && <Descriptions.Item label={t('workOrders.complaint.routedBy')}>{complaint.routedBy.name}</Descriptions.Item>}
        {response && fields.map((f) => <Descriptions.Item key={f} label={t(`workOrders.complaint.${f}`)}>{pre(response[f])}</Descriptions.Item>)}
      </Descriptions>
      <Typography.Text type="secondary">
        {response ? t('workOrders.complaint.respondedBy', { name: response.by, time: formatDateTime(response.at) }) : t('workOrders.complaint.pending')}
      </Typography.Text>
      {open && <ResponseModal order={order} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function ResponseModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const respond = useComplaintResponse();
  const r = order.complaint?.response;

  const onFinish = (values: Values) => {
    setError(null);
    respond.mutateAsync({ id: order.id, input: { ...values, version: order.version } }).then(
      () => {
        message.success(t('workOrders.complaint.responded'));
        onClose();
      },
      (err: unknown) => {
        const e = toApiError(err, t('common.networkError'));
        setError(e.code === 'VERSION_CONFLICT' ? t('workOrders.versionConflict') : e.message);
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('workOrders.complaint.respond')} · ${order.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={respond.isPending}
      okButtonProps={testId('wo-complaint-submit')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={r ? { explanation: r.explanation, apology: r.apology, improvement: r.improvement } : undefined}>
        {fields.map((f, i) => (
          <Form.Item key={f} name={f} label={t(`workOrders.complaint.${f}`)} rules={[requiredRule(), schemaRule(shape[f])]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} autoFocus={i === 0} data-testid={`wo-complaint-${f}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

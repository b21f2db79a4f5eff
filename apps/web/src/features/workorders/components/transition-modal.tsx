import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { diagnosisSchema, type TransitionInput, type WorkOrder, type WorkOrderAction } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { testId } from '../../../shared/test-id';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { currentPosition, useDispatchSuggestions, useTransition } from '../hooks/use-workorders';
import { DispatchOption } from './dispatch-option';

type Values = {
  note?: string;
  reason?: string;
  target?: 'technician' | 'org';
  assigneeId?: string;
  orgId?: string;
  symptom?: string;
  cause?: string;
  action?: string;
  method?: 'signature' | 'portal' | 'phone';
};

const reasonActions: readonly WorkOrderAction[] = ['decline', 'wait_parts', 'wait_customer', 'cancel', 'reopen'];
const positionActions: readonly WorkOrderAction[] = ['start_travel', 'arrive'];
const d = diagnosisSchema.shape;

/** The request body of a step, from the modal's fields (the schema in packages/domain checks it again). */
async function toInput(action: WorkOrderAction, version: number, v: Values): Promise<TransitionInput> {
  const note = v.note?.trim() || undefined;
  const reason = v.reason?.trim() ?? '';
  switch (action) {
    case 'dispatch':
      return v.target === 'org' ? { action, version, orgId: v.orgId, note } : { action, version, assigneeId: v.assigneeId, note };
    case 'decline':
    case 'wait_parts':
    case 'wait_customer':
    case 'cancel':
    case 'reopen':
      return { action, version, reason };
    case 'start_travel':
    case 'arrive':
      return { action, version, position: await currentPosition(), note };
    case 'resolve':
      return { action, version, diagnosis: { symptom: v.symptom ?? '', cause: v.cause ?? '', action: v.action ?? '' }, note };
    case 'confirm':
      return { action, version, method: v.method ?? 'phone', note };
    case 'accept':
    case 'resume':
    case 'close':
      return { action, version, note };
    default: {
      const never: never = action;
      return never;
    }
  }
}

type Props = { order: WorkOrder; action: WorkOrderAction | null; onClose: () => void };

/** One small form per lifecycle step: a reason, a technician, a diagnosis, a confirmation method. */
export function TransitionModal({ order, action, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const transition = useTransition();
  const target = Form.useWatch('target', form);
  const suggestions = useDispatchSuggestions(order.id, action === 'dispatch');

  useEffect(() => {
    if (!action) return;
    setError(null);
    form.resetFields();
  }, [action, form]);

  if (!action) return null;
  const label = t(`workOrders.actions.${action}`);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      await transition.mutateAsync({ id: order.id, input: await toInput(action, order.version, values) });
      message.success(t('workOrders.actionDone', { action: label }));
      onClose();
    } catch (err) {
      const e = toApiError(err, t('common.networkError'));
      setError(e.code === 'VERSION_CONFLICT' ? t('workOrders.versionConflict') : e.message);
    }
  };

  // Ranked by the server (skill, distance, load, coverage); the first is the best match.
  const ranked = suggestions.data?.items ?? [];

  return (
    <Modal
      open
      title={`${label} · ${order.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      confirmLoading={transition.isPending}
      okButtonProps={{ ...testId('wo-action-submit'), danger: action === 'cancel' }}
      destroyOnHidden
      data-testid="wo-action-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="wo-action-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ target: 'technician', method: 'phone' }}>
        {action === 'dispatch' && (
          <>
            <Form.Item name="target" label={t('workOrders.modal.dispatchTo')}>
              <Radio.Group optionType="button" options={[
                { value: 'technician', label: t('workOrders.modal.toTechnician') },
                { value: 'org', label: t('workOrders.modal.toOrg') },
              ]} />
            </Form.Item>
            {target === 'org' ? (
              <Form.Item name="orgId" label={t('workOrders.modal.orgPick')} rules={[requiredRule()]}>
                <OrgTreeSelect data-testid="wo-dispatch-org" />
              </Form.Item>
            ) : (
              <Form.Item name="assigneeId" label={t('workOrders.modal.toTechnician')} rules={[requiredRule()]} extra={t('workOrders.modal.technicianHint')}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={suggestions.isPending}
                  options={ranked.map((s, i) => ({ value: s.id, label: `${s.name} · ${s.orgName}`, suggestion: s, isBest: i === 0 }))}
                  optionRender={(o) => <DispatchOption suggestion={o.data.suggestion} isBest={o.data.isBest} />}
                  autoFocus
                  data-testid="wo-dispatch-technician"
                />
              </Form.Item>
            )}
          </>
        )}
        {reasonActions.includes(action) && (
          <Form.Item name="reason" label={t('workOrders.modal.reason')} rules={[requiredRule(), { max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} autoFocus data-testid="wo-action-reason" />
          </Form.Item>
        )}
        {action === 'resolve' && (
          <>
            <Form.Item name="symptom" label={t('workOrders.modal.symptom')} rules={[requiredRule(), schemaRule(d.symptom)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} autoFocus data-testid="wo-resolve-symptom" />
            </Form.Item>
            <Form.Item name="cause" label={t('workOrders.modal.cause')} rules={[requiredRule(), schemaRule(d.cause)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="wo-resolve-cause" />
            </Form.Item>
            <Form.Item name="action" label={t('workOrders.modal.action')} rules={[requiredRule(), schemaRule(d.action)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="wo-resolve-action" />
            </Form.Item>
          </>
        )}
        {action === 'confirm' && (
          <Form.Item name="method" label={t('workOrders.modal.method')} rules={[requiredRule()]}>
            <Radio.Group
              options={(['signature', 'portal', 'phone'] as const).map((m) => ({ value: m, label: t(`workOrders.modal.methods.${m}`) }))}
              data-testid="wo-confirm-method"
            />
          </Form.Item>
        )}
        {!reasonActions.includes(action) && (
          <Form.Item name="note" label={t('workOrders.modal.note')} rules={[{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="wo-action-note" />
          </Form.Item>
        )}
        {positionActions.includes(action) && <Typography.Text type="secondary">{t('workOrders.modal.position')}</Typography.Text>}
      </Form>
    </Modal>
  );
}

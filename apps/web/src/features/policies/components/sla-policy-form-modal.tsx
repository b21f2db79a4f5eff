import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { slaPolicyInputSchema, workOrderPriorities, workOrderTypes, type SlaPolicy, type SlaPolicyInput } from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { usePolicyMutations } from '../hooks/use-policies';
import { findLatest, policiesApi } from '../policies.api';
import { formatMinutes } from '../policies.format';

type FormValues = {
  name: string;
  type?: SlaPolicy['type'];
  priority?: SlaPolicy['priority'];
  serviceLevel?: SlaPolicy['serviceLevel'];
  responseMinutes: number;
  arrivalMinutes?: number | null;
  resolutionMinutes: number;
  allHours: boolean;
  warnPercent: number;
  active: boolean;
};

const shape = slaPolicyInputSchema.shape;
const serviceLevels = ['A', 'B', 'C'] as const;

function toFormValues(p: SlaPolicy): FormValues {
  return {
    name: p.name,
    type: p.type ?? undefined,
    priority: p.priority ?? undefined,
    serviceLevel: p.serviceLevel ?? undefined,
    responseMinutes: p.responseMinutes,
    arrivalMinutes: p.arrivalMinutes,
    resolutionMinutes: p.resolutionMinutes,
    allHours: p.allHours,
    warnPercent: Math.round(p.warnShare * 100),
    active: p.active,
  };
}

function toInput(v: FormValues): SlaPolicyInput {
  return {
    name: v.name.trim(),
    type: v.type ?? null,
    priority: v.priority ?? null,
    serviceLevel: v.serviceLevel ?? null,
    responseMinutes: v.responseMinutes,
    arrivalMinutes: v.arrivalMinutes ?? null,
    resolutionMinutes: v.resolutionMinutes,
    allHours: v.allHours,
    warnShare: v.warnPercent / 100,
    active: v.active,
  };
}

/** A minutes field with the readable duration (4 小时, 2 天) under it. */
function MinutesItem({ name, label, required, extra }: { name: keyof FormValues; label: string; required: boolean; extra?: string }) {
  const { t } = useTranslation();
  const value = Form.useWatch(name) as number | null | undefined;
  const readable = typeof value === 'number' && value > 0 ? formatMinutes(value) : undefined;
  return (
    <Form.Item
      name={name}
      label={label}
      extra={[readable, extra].filter(Boolean).join(' · ') || undefined}
      rules={[...(required ? [requiredRule()] : []), schemaRule(shape.responseMinutes)]}
    >
      <InputNumber min={1} precision={0} suffix={t('policies.units.minuteSuffix')} style={{ width: '100%' }} data-testid={`sla-form-${name}`} />
    </Form.Item>
  );
}

type Props = { open: boolean; policy?: SlaPolicy; onClose: () => void };

export function SlaPolicyFormModal({ open, policy, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { createSla, updateSla } = usePolicyMutations();
  const editor = useEditForm<SlaPolicy, FormValues>({
    form,
    open,
    record: policy,
    toFormValues,
    createValues: { allHours: false, warnPercent: 80, active: true },
    getLatest: (id) => findLatest(policiesApi.listSla(), id),
    create: (values) => createSla.mutateAsync(toInput(values)),
    update: (current, values) => updateSla.mutateAsync({ id: current.id, input: { ...toInput(values), version: current.version } }),
    messages: { created: t('policies.sla.created'), updated: t('policies.sla.updated') },
    onSaved: onClose,
  });
  const anyOption = t('policies.any');

  return (
    <EditFormModal
      open={open}
      title={editor.isEdit ? t('policies.sla.editTitle') : t('policies.sla.createTitle')}
      editor={editor}
      conflictMessage={t('policies.sla.versionConflict')}
      onClose={onClose}
      data-testid="sla-form-modal"
      conflictTestId="sla-form-conflict"
    >
      <Form<FormValues> form={form} name="sla-form" layout="vertical" onFinish={editor.onFinish}>
        <Form.Item name="name" label={t('policies.sla.fields.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="type" label={t('policies.sla.fields.type')}>
              <Select
                allowClear
                placeholder={anyOption}
                options={workOrderTypes.map((v) => ({ value: v, label: t(`workOrders.type.${v}`) }))}
                data-testid="sla-form-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="priority" label={t('policies.sla.fields.priority')}>
              <Select
                allowClear
                placeholder={anyOption}
                options={workOrderPriorities.map((v) => ({ value: v, label: t(`workOrders.priority.${v}`) }))}
                data-testid="sla-form-priority"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="serviceLevel" label={t('policies.sla.fields.serviceLevel')}>
              <Select allowClear placeholder={anyOption} options={serviceLevels.map((v) => ({ value: v, label: t(`orgs.serviceLevel.${v}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <MinutesItem name="responseMinutes" label={t('policies.sla.fields.responseMinutes')} required />
          </Col>
          <Col xs={24} sm={8}>
            <MinutesItem name="arrivalMinutes" label={t('policies.sla.fields.arrivalMinutes')} required={false} extra={t('policies.sla.arrivalHint')} />
          </Col>
          <Col xs={24} sm={8}>
            <MinutesItem name="resolutionMinutes" label={t('policies.sla.fields.resolutionMinutes')} required />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="warnPercent" label={t('policies.sla.fields.warnShare')} extra={t('policies.sla.warnShareHint')} rules={[requiredRule()]}>
              <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="allHours" label={t('policies.sla.fields.allHours')} extra={t('policies.sla.allHoursHint')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="active" label={t('policies.sla.fields.active')} valuePropName="checked">
              <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} data-testid="sla-form-active" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditFormModal>
  );
}

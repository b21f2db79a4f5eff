import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  compensationKinds,
  compensationStandardInputSchema,
  liabilities,
  type CompensationStandard,
  type CompensationStandardInput,
} from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { usePolicyMutations } from '../hooks/use-policies';
import { yuanToFen } from '../policies.format';

type FormValues = {
  code: string;
  name: string;
  liability?: CompensationStandard['liability'];
  kind: CompensationStandard['kind'];
  amountYuan?: number | null;
  percent?: number | null;
  active: boolean;
};

const shape = compensationStandardInputSchema.shape;
const fieldByCode = { COMPENSATION_CODE_TAKEN: 'code' };

function toInput(v: FormValues): CompensationStandardInput {
  const fixed = v.kind === 'fixed';
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    liability: v.liability ?? null,
    kind: v.kind,
    amountFen: fixed && typeof v.amountYuan === 'number' ? yuanToFen(v.amountYuan) : null,
    percent: !fixed && typeof v.percent === 'number' ? v.percent : null,
    active: v.active,
  };
}

const noUpdate = () => Promise.reject(new Error('compensation standards cannot be edited'));

/** Creates a standard; published standards are not edited (reports refer to them). */
export function CompensationFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { createCompensation } = usePolicyMutations();
  const editor = useEditForm<CompensationStandard, FormValues>({
    form,
    open,
    record: undefined,
    toFormValues: () => ({}),
    createValues: { kind: 'fixed', active: true },
    getLatest: noUpdate,
    fieldByCode,
    create: (values) => createCompensation.mutateAsync(toInput(values)),
    update: noUpdate,
    messages: { created: t('policies.compensation.created'), updated: t('policies.compensation.created') },
    onSaved: onClose,
  });
  const kind = Form.useWatch('kind', form);

  return (
    <EditFormModal
      open={open}
      title={t('policies.compensation.createTitle')}
      editor={editor}
      conflictMessage=""
      onClose={onClose}
      data-testid="compensation-form-modal"
      conflictTestId="compensation-form-conflict"
    >
      <Form<FormValues> form={form} name="compensation-form" layout="vertical" onFinish={editor.onFinish}>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label={t('policies.compensation.fields.code')}
              rules={[requiredRule(), schemaRule(shape.code, { formatMessage: t('validation.orgCode') })]}
            >
              <Input maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('policies.compensation.fields.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="liability" label={t('policies.compensation.fields.liability')}>
              <Select
                allowClear
                placeholder={t('policies.compensation.anyLiability')}
                options={liabilities.map((l) => ({ value: l, label: t(`workOrders.report.liabilities.${l}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('policies.compensation.fields.kind')} rules={[requiredRule()]}>
              <Select
                options={compensationKinds.map((k) => ({ value: k, label: t(`policies.compensation.kinds.${k}`) }))}
                data-testid="compensation-form-kind"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            {kind === 'percent_of_repair' ? (
              <Form.Item name="percent" label={t('policies.compensation.fields.percent')} rules={[requiredRule(), schemaRule(shape.percent)]}>
                <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            ) : (
              <Form.Item name="amountYuan" label={t('policies.compensation.fields.amount')} rules={[requiredRule()]}>
                <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="active" label={t('policies.compensation.fields.active')} valuePropName="checked">
              <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditFormModal>
  );
}

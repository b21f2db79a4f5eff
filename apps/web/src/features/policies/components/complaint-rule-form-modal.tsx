import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintCategories, complaintRuleInputSchema, type ComplaintRule, type ComplaintRuleInput } from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { usePolicyMutations } from '../hooks/use-policies';
import { findLatest, policiesApi } from '../policies.api';

type FormValues = {
  name: string;
  position: number;
  category?: ComplaintRule['category'];
  regionOrgId?: string | null;
  customerGrade?: ComplaintRule['customerGrade'];
  customerTag?: string | null;
  targetOrgId: string;
  active: boolean;
};

const shape = complaintRuleInputSchema.shape;
const grades = ['A', 'B', 'C'] as const;

function toFormValues(r: ComplaintRule): FormValues {
  return {
    name: r.name,
    position: r.position,
    category: r.category ?? undefined,
    regionOrgId: r.regionOrgId ?? undefined,
    customerGrade: r.customerGrade ?? undefined,
    customerTag: r.customerTag ?? '',
    targetOrgId: r.targetOrgId,
    active: r.active,
  };
}

function toInput(v: FormValues): ComplaintRuleInput {
  return {
    name: v.name.trim(),
    position: v.position,
    category: v.category ?? null,
    regionOrgId: v.regionOrgId ?? null,
    customerGrade: v.customerGrade ?? null,
    customerTag: v.customerTag?.trim() || null,
    targetOrgId: v.targetOrgId,
    active: v.active,
  };
}

type Props = { open: boolean; rule?: ComplaintRule; nextPosition: number; onClose: () => void };

export function ComplaintRuleFormModal({ open, rule, nextPosition, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { createRule, updateRule } = usePolicyMutations();
  const editor = useEditForm<ComplaintRule, FormValues>({
    form,
    open,
    record: rule,
    toFormValues,
    createValues: { position: nextPosition, active: true },
    getLatest: (id) => findLatest(policiesApi.listRules(), id),
    create: (values) => createRule.mutateAsync(toInput(values)),
    update: (current, values) => updateRule.mutateAsync({ id: current.id, input: { ...toInput(values), version: current.version } }),
    messages: { created: t('policies.complaintRules.created'), updated: t('policies.complaintRules.updated') },
    onSaved: onClose,
  });
  const any = t('policies.any');

  return (
    <EditFormModal
      open={open}
      title={editor.isEdit ? t('policies.complaintRules.editTitle') : t('policies.complaintRules.createTitle')}
      editor={editor}
      conflictMessage={t('policies.complaintRules.versionConflict')}
      onClose={onClose}
      data-testid="rule-form-modal"
      conflictTestId="rule-form-conflict"
    >
      <Form<FormValues> form={form} name="rule-form" layout="vertical" onFinish={editor.onFinish}>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('policies.complaintRules.fields.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="position" label={t('policies.complaintRules.fields.position')} rules={[requiredRule(), schemaRule(shape.position)]}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t('policies.complaintRules.fields.category')}>
              <Select
                allowClear
                placeholder={any}
                options={complaintCategories.map((c) => ({ value: c, label: t(`workOrders.complaint.categories.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="regionOrgId" label={t('policies.complaintRules.fields.regionOrg')}>
              <OrgTreeSelect allowClear placeholder={any} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="customerGrade" label={t('policies.complaintRules.fields.customerGrade')}>
              <Select allowClear placeholder={any} options={grades.map((g) => ({ value: g, label: t(`customers.grade.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="customerTag" label={t('policies.complaintRules.fields.customerTag')} rules={[schemaRule(shape.customerTag)]}>
              <Input maxLength={20} placeholder={t('policies.complaintRules.customerTagPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item name="targetOrgId" label={t('policies.complaintRules.fields.targetOrg')} rules={[requiredRule()]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="active" label={t('policies.complaintRules.fields.active')} valuePropName="checked">
              <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditFormModal>
  );
}

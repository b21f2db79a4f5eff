import { useRef } from 'react';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { equipmentStatuses, serialNoSchema, siteInputSchema, warrantyStartEvents, type Equipment } from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { dateFields, dateOrderIssue, toCreateInput, toFormValues, toUpdateInput, type EquipmentFormValues } from '../equipment-form.utils';
import { equipmentApi } from '../equipment.api';
import { useEquipmentMutations } from '../hooks/use-equipment';
import { CustomerSelect } from './customer-select';
import { ModelSelect } from './model-select';

const fieldByCode = { SERIAL_NO_TAKEN: 'serialNo', WARRANTY_POLICY_MISSING: 'modelId' };

type Props = {
  open: boolean;
  /** The unit being edited; absent when registering one. */
  unit?: Equipment;
  /** Pre-fills the owner when registering from a customer's page. */
  customer?: { id: string; name: string };
  onClose: (created?: Equipment) => void;
};

/** Registers a sold unit (装机档案) or edits one; the owner changes only by a transfer. */
export function EquipmentFormModal({ open, unit, customer, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EquipmentFormValues>();
  const { create, update } = useEquipmentMutations();
  const created = useRef<Equipment | undefined>(undefined);

  const editor = useEditForm<Equipment, EquipmentFormValues>({
    form,
    open,
    record: unit,
    toFormValues,
    createValues: { status: 'in_service', customerId: customer?.id, warrantyStartEvent: null },
    getLatest: (id) => equipmentApi.get(id),
    fieldByCode,
    create: async (values) => {
      created.current = await create.mutateAsync(toCreateInput(values));
    },
    update: (current, values) => update.mutateAsync({ id: current.id, input: toUpdateInput(current, values) }),
    messages: { created: t('equipment.created'), updated: t('equipment.updated') },
    onSaved: () => {
      const done = created.current;
      created.current = undefined;
      onClose(done);
    },
  });
  const isEdit = editor.isEdit;

  const dateRule = (field: (typeof dateFields)[number]) => ({
    validator: async () => {
      if (dateOrderIssue(form.getFieldsValue(true) as EquipmentFormValues, field)) throw new Error(t('equipment.dateOrder'));
    },
  });
  const dateItem = (field: (typeof dateFields)[number], required = false) => (
    <Col xs={24} sm={12} key={field}>
      <Form.Item
        name={field}
        label={t(`equipment.fields.${field}`)}
        dependencies={dateFields.filter((f) => f !== field)}
        rules={[...(required ? [requiredRule()] : []), dateRule(field)]}
      >
        <DatePicker style={{ width: '100%' }} data-testid={`equipment-form-${field}`} />
      </Form.Item>
    </Col>
  );

  return (
    <EditFormModal
      open={open}
      title={isEdit ? t('equipment.editTitle') : t('equipment.createTitle')}
      editor={editor}
      conflictMessage={t('equipment.versionConflict')}
      onClose={() => onClose()}
      data-testid="equipment-form-modal"
      conflictTestId="equipment-form-conflict"
    >
      <Form<EquipmentFormValues> form={form} name="equipment-form" layout="vertical" onFinish={editor.onFinish}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="serialNo" label={t('equipment.fields.serialNo')} rules={[requiredRule(), schemaRule(serialNoSchema)]}>
              <Input maxLength={64} autoComplete="off" disabled={isEdit} data-testid="equipment-form-serial" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="modelId" label={t('equipment.fields.model')} rules={[requiredRule()]}>
              <ModelSelect initial={unit ? { value: unit.modelId, label: `${unit.modelCode} · ${unit.modelName}` } : undefined} data-testid="equipment-form-model" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="customerId" label={t('equipment.fields.customer')} rules={[requiredRule()]}>
              <CustomerSelect
                initial={unit ? { value: unit.customerId, label: unit.customerName } : customer ? { value: customer.id, label: customer.name } : undefined}
                disabled={isEdit}
                data-testid="equipment-form-customer"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="outletOrgId" label={t('equipment.fields.outlet')}>
              <OrgTreeSelect allowClear />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="siteAddress" label={t('equipment.fields.site')} rules={[schemaRule(siteInputSchema.shape.address)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          {dateItem('saleDate', true)}
          {dateItem('deliveryDate')}
          {dateItem('installationDate')}
          {dateItem('acceptanceDate')}
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="warrantyStartEvent" label={t('equipment.fields.warrantyStartEvent')} extra={t('equipment.fields.warrantyStartEventHelp')}>
              <Select
                allowClear
                placeholder={t('equipment.policyDefault')}
                options={warrantyStartEvents.map((e) => ({ value: e, label: t(`equipment.startEvent.${e}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('equipment.fields.status')} rules={[requiredRule()]}>
              <Select options={equipmentStatuses.map((s) => ({ value: s, label: t(`equipment.status.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('equipment.fields.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </EditFormModal>
  );
}

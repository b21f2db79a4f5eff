import { useCallback } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  canBeChildOf,
  orgFieldsSchema,
  orgKinds,
  type CreateOrgInput,
  type Org,
  type OrgKind,
  type OrgTreeNode,
  type ServiceLevel,
  type UpdateOrgInput,
} from '@sht/domain';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { requiredRule, schemaRule, withoutEmpty } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { useOrgMutations } from '../hooks/use-orgs';
import { orgsApi } from '../orgs.api';
import { OrgTreeSelect } from './org-tree-select';

type FormValues = {
  kind: OrgKind;
  parentId: string;
  code: string;
  name: string;
  province?: string;
  city?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  serviceLevel: ServiceLevel;
};

const editableFields = ['code', 'name', 'province', 'city', 'address', 'contactName', 'contactPhone', 'serviceLevel'] as const;
const shape = orgFieldsSchema.shape;
// Server error codes that concern one field of this form.
const fieldByCode = {
  ORG_CODE_TAKEN: 'code',
  ORG_INVALID_PARENT: 'parentId',
  ORG_PARENT_NOT_FOUND: 'parentId',
  ORG_PARENT_INACTIVE: 'parentId',
};
// HQ is the root and exists once; users create regional centres and outlets only.
const creatableKinds = orgKinds.filter((k) => k !== 'hq');

type Props = {
  open: boolean;
  /** The org being edited; absent when creating. */
  org?: Org;
  defaultParentId?: string;
  onClose: () => void;
};

function toFormValues(org: Org): Partial<FormValues> {
  return {
    kind: org.kind,
    parentId: org.parentId ?? undefined,
    code: org.code,
    name: org.name,
    province: org.province ?? '',
    city: org.city ?? '',
    address: org.address ?? '',
    contactName: org.contactName ?? '',
    contactPhone: org.contactPhone ?? '',
    serviceLevel: org.serviceLevel,
  };
}

/** Only what the user changed is sent, so the audit log records real edits and nothing else. */
function changedFields(org: Org, values: FormValues): Omit<UpdateOrgInput, 'version'> {
  const patch: Record<string, string> = {};
  for (const field of editableFields) {
    const next = (values[field] ?? '').trim();
    if (next !== (org[field] ?? '')) patch[field] = next;
  }
  return patch as Omit<UpdateOrgInput, 'version'>;
}

export function OrgFormModal({ open, org, defaultParentId, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { create, update } = useOrgMutations();
  const editor = useEditForm<Org, FormValues>({
    form,
    open,
    record: org,
    toFormValues,
    createValues: { kind: 'outlet', serviceLevel: 'B', parentId: defaultParentId },
    getLatest: orgsApi.get,
    fieldByCode,
    create: (values) => create.mutateAsync(withoutEmpty(values) as CreateOrgInput),
    update: (current, values) =>
      update.mutateAsync({ id: current.id, input: { ...changedFields(current, values), version: current.version } }),
    messages: { created: t('orgs.created'), updated: t('orgs.updated') },
    onSaved: onClose,
  });
  const kind = Form.useWatch('kind', form);
  const { isEdit } = editor;

  // A new org may hang only under a parent of an allowed kind (HQ → region → outlet).
  const disableParent = useCallback(
    (node: OrgTreeNode) => !node.isActive || !kind || !canBeChildOf(kind, node.kind),
    [kind],
  );

  return (
    <EditFormModal
      open={open}
      title={isEdit ? t('orgs.editTitle') : t('orgs.createTitle')}
      editor={editor}
      conflictMessage={t('orgs.versionConflict')}
      onClose={onClose}
      data-testid="org-form-modal"
      conflictTestId="org-form-conflict"
    >
      <Form<FormValues> form={form} name="org-form" layout="vertical" onFinish={editor.onFinish}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('orgs.fields.kind')} rules={[requiredRule()]}>
              <Select
                disabled={isEdit}
                options={(isEdit ? orgKinds : creatableKinds).map((k) => ({ value: k, label: t(`orgs.kind.${k}`) }))}
                onChange={() => form.setFieldValue('parentId', undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="serviceLevel" label={t('orgs.fields.serviceLevel')} rules={[requiredRule()]}>
              <Select options={(['A', 'B', 'C'] as const).map((l) => ({ value: l, label: t(`orgs.serviceLevel.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {!isEdit && (
          <Form.Item
            name="parentId"
            label={t('orgs.fields.parent')}
            extra={t('orgs.parentHint')}
            rules={[requiredRule()]}
          >
            <OrgTreeSelect disable={disableParent} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="code"
              label={t('orgs.fields.code')}
              rules={[requiredRule(), schemaRule(shape.code, { formatMessage: t('validation.orgCode') })]}
            >
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('orgs.fields.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="province" label={t('orgs.fields.province')} rules={[schemaRule(shape.province)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="city" label={t('orgs.fields.city')} rules={[schemaRule(shape.city)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('orgs.fields.address')} rules={[schemaRule(shape.address)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('orgs.fields.contactName')} rules={[schemaRule(shape.contactName)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactPhone" label={t('orgs.fields.contactPhone')} rules={[schemaRule(shape.contactPhone)]}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditFormModal>
  );
}

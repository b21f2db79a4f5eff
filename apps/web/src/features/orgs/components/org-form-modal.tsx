import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
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
import { isApiError, toApiError } from '../../../api/api-error';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule, schemaRule, withoutEmpty } from '../../../shared/schema-rule';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { create, update } = useOrgMutations();
  const [current, setCurrent] = useState<Org | undefined>(org);
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const isEdit = Boolean(org);

  useEffect(() => {
    if (!open) return;
    setCurrent(org);
    setConflict(false);
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(org ? toFormValues(org) : { kind: 'outlet', serviceLevel: 'B', parentId: defaultParentId });
  }, [open, org, defaultParentId, form]);

  const reloadLatest = async () => {
    if (!current) return;
    const latest = await orgsApi.get(current.id);
    setCurrent(latest);
    setConflict(false);
    form.setFieldsValue(toFormValues(latest));
  };

  const onError = (err: unknown) => {
    const error = toApiError(err, t('common.networkError'));
    if (isApiError(error, 'VERSION_CONFLICT')) return setConflict(true);
    const unmatched = applyServerErrors(form, error, fieldByCode);
    if (unmatched.length > 0) setFormError(unmatched.join('；'));
  };

  const onFinish = (values: FormValues) => {
    setFormError(null);
    const done = (text: string) => () => {
      message.success(text);
      onClose();
    };
    if (current) {
      const input = { ...changedFields(current, values), version: current.version };
      update.mutate({ id: current.id, input }, { onSuccess: done(t('orgs.updated')), onError });
    } else {
      const input = withoutEmpty(values) as CreateOrgInput;
      create.mutate(input, { onSuccess: done(t('orgs.created')), onError });
    }
  };

  // A new org may hang only under a parent of an allowed kind (HQ → region → outlet).
  const disableParent = useCallback(
    (node: OrgTreeNode) => !node.isActive || !kind || !canBeChildOf(kind, node.kind),
    [kind],
  );

  return (
    <Modal
      open={open}
      title={isEdit ? t('orgs.editTitle') : t('orgs.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ disabled: conflict }}
      forceRender
      width={640}
      data-testid="org-form-modal"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('orgs.versionConflict')}
          action={<Button size="small" onClick={() => void reloadLatest()}>{t('orgs.reloadLatest')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="org-form-conflict"
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} name="org-form" layout="vertical" onFinish={onFinish}>
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
    </Modal>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  createCustomerSchema,
  customerKinds,
  customerSources,
  type Customer,
  type DuplicateMatch,
} from '@sht/domain';
import { isApiError } from '../../../api/api-error';
import { EditFormModal } from '../../../shared/edit-form-modal';
import { requiredRule, schemaRule } from '../../../shared/schema-rule';
import { useEditForm } from '../../../shared/use-edit-form';
import { useSession } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import {
  changedCustomerFields,
  emptyContact,
  toCreateInput,
  toCustomerFields,
  toFormValues,
  type CustomerFormValues,
} from '../customer-form.utils';
import { customersApi } from '../customers.api';
import { useCustomerMutations } from '../hooks/use-customers';
import { useDuplicateCheck } from '../hooks/use-duplicate-check';
import { ContactsField } from './contacts-field';
import { DuplicateMatches } from './duplicate-matches';
import { RegionCascader } from './region-cascader';

const shape = createCustomerSchema.shape;
const fieldByCode = { CUSTOMER_ORG_INACTIVE: 'orgId', DIVISION_UNKNOWN: 'region', DIVISION_NAME_MISMATCH: 'region' };

type Props = {
  open: boolean;
  /** The customer being edited; absent when creating. */
  customer?: Customer;
  /** Called after closing; carries the new customer when one was created. */
  onClose: (created?: Customer) => void;
};

function matchesOf(err: unknown): DuplicateMatch[] {
  const matches = (err as { details?: { matches?: unknown } }).details?.matches;
  return Array.isArray(matches) ? (matches as DuplicateMatch[]) : [];
}

export function CustomerFormModal({ open, customer, onClose }: Props) {
  const { t } = useTranslation();
  const me = useSession();
  const [form] = Form.useForm<CustomerFormValues>();
  const { create, update } = useCustomerMutations();
  // The server's 409 answer: the matches it found; "create anyway" resubmits with confirmDuplicate.
  const [conflicts, setConflicts] = useState<DuplicateMatch[] | null>(null);
  const confirmDuplicate = useRef(false);
  const created = useRef<Customer | undefined>(undefined);

  const editor = useEditForm<Customer, CustomerFormValues>({
    form,
    open,
    record: customer,
    toFormValues,
    createValues: { kind: 'individual', source: 'hotline', orgId: me.orgId, tags: [], region: [], contacts: [{ ...emptyContact(), isPrimary: true }] },
    getLatest: (id) => customersApi.get(id),
    fieldByCode,
    create: async (values) => {
      const confirmed = confirmDuplicate.current;
      confirmDuplicate.current = false;
      try {
        created.current = await create.mutateAsync(toCreateInput(values, confirmed));
        setConflicts(null);
      } catch (err) {
        if (isApiError(err, 'CUSTOMER_POSSIBLE_DUPLICATE')) setConflicts(matchesOf(err));
        throw err;
      }
    },
    update: (current, values) =>
      update.mutateAsync({
        id: current.id,
        input: {
          ...changedCustomerFields(toCustomerFields(toFormValues(current)), toCustomerFields(values)),
          version: current.version,
        },
      }),
    messages: { created: t('customers.created'), updated: t('customers.updated') },
    onSaved: () => onClose(created.current),
  });
  const { isEdit } = editor;

  // The form is long on a phone: bring the matches into view where the save button was pressed.
  const conflictAlert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflicts?.length) conflictAlert.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [conflicts]);

  useEffect(() => {
    if (open) {
      setConflicts(null);
      created.current = undefined;
    }
  }, [open]);

  const name = Form.useWatch('name', form);
  const contacts = Form.useWatch('contacts', form);
  const early = useDuplicateCheck({
    name,
    phones: (contacts ?? []).flatMap((c) => c?.phones ?? []).filter((p): p is string => typeof p === 'string'),
    excludeId: customer?.id,
    enabled: open && conflicts === null,
  });

  const createAnyway = () => {
    confirmDuplicate.current = true;
    form.submit();
  };

  return (
    <EditFormModal
      open={open}
      title={isEdit ? t('customers.editTitle') : t('customers.createTitle')}
      editor={editor}
      conflictMessage={t('customers.versionConflict')}
      onClose={() => onClose()}
      data-testid="customer-form-modal"
      conflictTestId="customer-form-conflict"
    >
      <div ref={conflictAlert} />
      {conflicts && conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('customers.duplicateTitle')}
          description={
            <>
              <DuplicateMatches matches={conflicts} />
              <Button size="small" danger onClick={createAnyway} loading={editor.isSaving} data-testid="customer-create-anyway">
                {t('customers.createAnyway')}
              </Button>
            </>
          }
          style={{ marginBottom: 16 }}
          data-testid="customer-duplicate-confirm"
        />
      )}
      <Form<CustomerFormValues> form={form} name="customer-form" layout="vertical" onFinish={editor.onFinish}>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="kind" label={t('customers.fields.kind')} rules={[requiredRule()]}>
              <Radio.Group
                optionType="button"
                options={customerKinds.map((k) => ({ value: k, label: t(`customers.kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('customers.fields.name')} rules={[requiredRule(), schemaRule(shape.name)]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        {early.length > 0 && !conflicts && (
          <Alert
            type="warning"
            showIcon
            title={t('customers.duplicateWarning')}
            description={<DuplicateMatches matches={early} />}
            style={{ marginBottom: 16 }}
            data-testid="customer-duplicate-warning"
          />
        )}
        <Form.Item label={t('customers.fields.contacts')} required style={{ marginBottom: 0 }}>
          <ContactsField form={form} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="region" label={t('customers.fields.region')}>
              <RegionCascader />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="detail"
              label={t('customers.fields.detail')}
              dependencies={['region']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, detail: string | undefined) => {
                    const region = getFieldValue('region') as string[] | undefined;
                    if (detail?.trim() && !region?.length) throw new Error(t('customers.detailNeedsRegion'));
                  },
                }),
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="source" label={t('customers.fields.source')} rules={[requiredRule()]}>
              <Select options={customerSources.map((s) => ({ value: s, label: t(`customers.source.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="grade" label={t('customers.fields.grade')}>
              <Select
                allowClear
                options={(['A', 'B', 'C'] as const).map((g) => ({ value: g, label: `${t(`customers.grade.${g}`)} · ${t(`customers.gradeHint.${g}`)}` }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="orgId" label={t('customers.fields.org')} rules={[requiredRule()]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('customers.fields.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('customers.tagsPlaceholder')} open={false} maxCount={20} />
        </Form.Item>
        <Form.Item name="notes" label={t('customers.fields.notes')} rules={[schemaRule(shape.notes.unwrap())]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </EditFormModal>
  );
}

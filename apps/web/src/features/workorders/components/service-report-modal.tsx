import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { liabilities, type CompensationStandard, type Liability, type ServiceReport, type ServiceReportInput, type WorkOrder } from '@sht/domain';
import { useQuery } from '@tanstack/react-query';
import { toApiError } from '../../../api/api-error';
import { http } from '../../../api/http-client';
import { applyServerErrors } from '../../../api/form-errors';
import { requiredRule } from '../../../shared/schema-rule';
import { testId } from '../../../shared/test-id';
import { useDebouncedValue } from '../../customers/hooks/use-debounced-value';
import { useSaveReport, useSpareParts } from '../hooks/use-workorders';
import { SignaturePad } from './signature-pad';
import { formatFen, yuanToFen } from '../workorders.utils';

type TestRun = 'passed' | 'failed' | 'none';
type Values = {
  parts: { partId: string; quantity: number; oldPartReturned: boolean }[];
  mainPartReplaced?: string;
  faultCode?: string;
  isSeriousFault: boolean;
  labourHours: number | null;
  travelKm: number | null;
  testRun: TestRun;
  testRunNote?: string;
  liability: Liability;
  compensationYuan: number | null;
  compensationNote?: string;
  signatureAttachmentId?: string | null;
  compensationStandardId?: string | null;
};

function toValues(r: ServiceReport | null): Partial<Values> {
  if (!r) return { parts: [], isSeriousFault: false, labourHours: 0, travelKm: 0, testRun: 'passed', liability: 'undetermined', compensationYuan: 0 };
  return {
    parts: r.parts.map((p) => ({ partId: p.partId, quantity: p.quantity, oldPartReturned: p.oldPartReturned })),
    mainPartReplaced: r.mainPartReplaced ?? undefined,
    faultCode: r.faultCode ?? undefined,
    isSeriousFault: r.isSeriousFault,
    labourHours: r.labourHours,
    travelKm: r.travelKm,
    testRun: r.testRun ? (r.testRun.passed ? 'passed' : 'failed') : 'none',
    testRunNote: r.testRun?.note,
    liability: r.liability,
    compensationYuan: r.compensationFen / 100,
    compensationNote: r.compensationNote ?? undefined,
    signatureAttachmentId: r.signatureAttachmentId,
    compensationStandardId: r.compensationStandard?.id ?? null,
  };
}

function toInput(v: Values, version: number): ServiceReportInput {
  const text = (s: string | undefined) => s?.trim() || null;
  return {
    parts: v.parts ?? [],
    mainPartReplaced: text(v.mainPartReplaced),
    faultCode: text(v.faultCode),
    isSeriousFault: v.isSeriousFault,
    labourHours: v.labourHours ?? 0,
    travelKm: v.travelKm ?? 0,
    testRun: v.testRun === 'none' ? null : { passed: v.testRun === 'passed', note: v.testRunNote?.trim() || undefined },
    liability: v.liability,
    compensationFen: yuanToFen(v.compensationYuan),
    compensationNote: v.compensationNote?.trim() || undefined,
    signatureAttachmentId: v.signatureAttachmentId ?? null,
    compensationStandardId: v.compensationStandardId ?? null,
    version,
  };
}

/** A spare-part picker searching the catalogue by code or name; keeps the names of parts already on the report. */
function PartSelect({ value, onChange, known }: { value?: string; onChange?: (id: string) => void; known: { id: string; label: string }[] }) {
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), 200);
  const parts = useSpareParts(term);
  const found = (parts.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name} · ${formatFen(p.priceFen)}/${p.unit}` }));
  const options = [...known.filter((k) => !found.some((f) => f.value === k.id)).map((k) => ({ value: k.id, label: k.label })), ...found];
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ onSearch: setText, filterOption: false }}
      options={options}
      loading={parts.isFetching}
      style={{ width: '100%' }}
      data-testid="wo-report-part"
    />
  );
}

type Props = { order: WorkOrder; report: ServiceReport | null; onClose: () => void };

/** 处理情况表: parts (with old-part return), hours, km, test run, liability and compensation; the server prices it. */
export function ServiceReportModal({ order, report, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveReport();
  const standards = useQuery({
    queryKey: ['compensation-standards'],
    queryFn: ({ signal }) => http.get<{ items: CompensationStandard[] }>('/compensation-standards', undefined, signal),
    staleTime: 5 * 60_000,
  });
  const testRun = Form.useWatch('testRun', form);
  const known = (report?.parts ?? []).map((p) => ({ id: p.partId, label: `${p.code} ${p.name}` }));

  const onFinish = (values: Values) => {
    setError(null);
    save.mutateAsync({ id: order.id, input: toInput(values, order.version) }).then(
      () => {
        message.success(t('workOrders.report.saved'));
        onClose();
      },
      (err: unknown) => {
        const e = toApiError(err, t('common.networkError'));
        if (e.code === 'VERSION_CONFLICT') return setError(t('workOrders.versionConflict'));
        const unmatched = applyServerErrors(form, e);
        if (unmatched.length > 0) setError(unmatched.join('；'));
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('workOrders.report.title')} · ${order.number}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={testId('wo-report-submit')}
      width={720}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="wo-report-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={toValues(report)}>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('workOrders.report.parts')}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="middle" wrap={false} style={{ marginBottom: 8 }}>
                  <Col flex="auto" style={{ minWidth: 0 }}>
                    <Form.Item name={[field.name, 'partId']} rules={[requiredRule()]} noStyle>
                      <PartSelect known={known} />
                    </Form.Item>
                  </Col>
                  <Col flex="72px">
                    <Form.Item name={[field.name, 'quantity']} rules={[requiredRule()]} noStyle>
                      <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} aria-label={t('workOrders.report.quantity')} />
                    </Form.Item>
                  </Col>
                  <Col flex="none">
                    <Form.Item name={[field.name, 'oldPartReturned']} valuePropName="checked" noStyle>
                      <Checkbox>{t('workOrders.report.oldPartReturned')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col flex="none">
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.close')} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, oldPartReturned: true })} data-testid="wo-report-add-part">
                {t('workOrders.report.addPart')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item name="labourHours" label={t('workOrders.report.labourHours')}>
              <InputNumber min={0} max={999} step={0.25} style={{ width: '100%' }} data-testid="wo-report-hours" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="travelKm" label={t('workOrders.report.travelKm')}>
              <InputNumber min={0} max={10_000} style={{ width: '100%' }} data-testid="wo-report-km" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="isSeriousFault" label={t('workOrders.report.isSeriousFault')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mainPartReplaced" label={t('workOrders.report.mainPartReplaced')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="faultCode" label={t('workOrders.report.faultCode')} rules={[{ max: 64 }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="testRun" label={t('workOrders.report.testRun')}>
          <Radio.Group options={(['passed', 'failed', 'none'] as const).map((v) => ({ value: v, label: t(`workOrders.report.testRunResult.${v}`) }))} />
        </Form.Item>
        {testRun !== 'none' && (
          <Form.Item name="testRunNote" label={t('workOrders.report.testRunNote')} rules={[{ max: 1000 }]}>
            <Input maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="liability" label={t('workOrders.report.liability')} rules={[requiredRule()]}>
          <Radio.Group
            optionType="button"
            options={liabilities.map((v) => ({ value: v, label: t(`workOrders.report.liabilities.${v}`) }))}
            data-testid="wo-report-liability"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="compensationYuan" label={t('workOrders.report.compensation')}>
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="compensationNote" label={t('workOrders.report.compensationNote')} rules={[{ max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="compensationStandardId" label={t('workOrders.report.compensationStandard')} extra={t('workOrders.report.compensationStandardHint')}>
          <Select
            allowClear
            options={(standards.data?.items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
            data-testid="wo-report-compensation-standard"
          />
        </Form.Item>
        <Form.Item name="signatureAttachmentId" label={t('workOrders.signature.title')}>
          <SignaturePad orderId={order.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

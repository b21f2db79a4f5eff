import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Row, Col, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { surveySchedules, workOrderTypes, type SurveyCampaign, type SurveySchedule, type WorkOrderType } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { testId } from '../../../shared/test-id';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { useDivisions } from '../../customers/hooks/use-divisions';
import { useModelOptions } from '../../equipment/hooks/use-equipment';
import { surveyKeys, surveysApi } from '../surveys.api';
import { useSurveyMutations } from '../hooks/use-surveys';

type Values = {
  name: string; templateId: string; schedule: SurveySchedule; orgId?: string; provinceCodes?: string[]; modelIds?: string[];
  orderTypes?: WorkOrderType[]; window?: [Dayjs, Dayjs] | null; sharePercent: number; seed?: number | null;
  expiresInDays: number; maxReminders: number; remindAfterDays: number;
};

const initial: Partial<Values> = { schedule: 'once', sharePercent: 100, expiresInDays: 14, maxReminders: 2, remindAfterDays: 3 };

/** A new campaign (a draft): template, target, sampling and reminders. Launching is a separate step. */
export function CampaignFormModal({ open, onClose }: { open: boolean; onClose: (created?: SurveyCampaign) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { createCampaign } = useSurveyMutations();
  const templates = useQuery({
    queryKey: surveyKeys.templates({ pageSize: 200, picker: 1 }),
    queryFn: ({ signal }) => surveysApi.listTemplates({ pageSize: 200 }, signal),
    enabled: open,
  });
  const divisions = useDivisions();
  const models = useModelOptions('');
  const templateId = Form.useWatch('templateId', form);
  const schedule = Form.useWatch('schedule', form);
  const audience = templates.data?.items.find((x) => x.id === templateId)?.audience;

  const onFinish = (v: Values) => {
    setError(null);
    createCampaign.mutateAsync({
      name: v.name, templateId: v.templateId, schedule: v.schedule,
      target: {
        orgId: v.orgId ?? null, provinceCodes: v.provinceCodes ?? [], modelIds: v.modelIds ?? [], orderTypes: v.orderTypes ?? [],
        from: v.window?.[0]?.format('YYYY-MM-DD') ?? null, to: v.window?.[1]?.format('YYYY-MM-DD') ?? null,
      },
      sampleShare: v.sharePercent / 100, ...(v.seed != null ? { seed: v.seed } : {}),
      expiresInDays: v.expiresInDays, maxReminders: v.maxReminders, remindAfterDays: v.remindAfterDays,
    }).then((created) => { form.resetFields(); onClose(created); }, (err: unknown) => setError(toApiError(err, t('common.networkError')).message));
  };

  return (
    <Modal open={open} title={t('surveys.campaigns.create')} onCancel={() => onClose()} onOk={() => form.submit()} okText={t('common.save')}
      confirmLoading={createCampaign.isPending} width={720} forceRender okButtonProps={testId('survey-campaign-save')} data-testid="survey-campaign-modal">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('surveys.campaigns.name')} rules={[{ required: true, max: 100 }]}><Input data-testid="survey-campaign-name" /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="templateId" label={t('surveys.campaigns.template')} rules={[{ required: true }]}>
              <Select loading={templates.isPending} data-testid="survey-campaign-template" showSearch optionFilterProp="label"
                options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} v${x.version} · ${t(`surveys.audience.${x.audience}`)}` }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="schedule" label={t('surveys.campaigns.schedule')}>
              <Select options={surveySchedules.map((s) => ({ value: s, label: t(`surveys.schedule.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="sharePercent" label={t('surveys.campaigns.sampleShare')} rules={[{ required: true, type: 'number', min: 0.1, max: 100 }]}>
              <InputNumber min={0.1} max={100} step={5} style={{ width: '100%' }} data-testid="survey-campaign-share" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="seed" label={t('surveys.campaigns.seed')} extra={t('surveys.campaigns.seedHint')}>
              <InputNumber min={0} max={2147483646} precision={0} style={{ width: '100%' }} data-testid="survey-campaign-seed" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label={t('surveys.campaigns.org')}><OrgTreeSelect allowClear /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="provinceCodes" label={t('surveys.campaigns.provinces')}>
              <Select mode="multiple" allowClear optionFilterProp="label" options={(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          </Col>
          {audience === 'customer' && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="modelIds" label={t('surveys.campaigns.models')}>
                  <Select mode="multiple" allowClear optionFilterProp="label" options={(models.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.code} · ${m.name}` }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="orderTypes" label={t('surveys.campaigns.orderTypes')}>
                  <Select mode="multiple" allowClear options={workOrderTypes.map((w) => ({ value: w, label: t(`workOrders.type.${w}`) }))} data-testid="survey-campaign-order-types" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="window" label={t('surveys.campaigns.window')} extra={schedule !== 'once' ? t('surveys.campaigns.windowHint') : undefined}>
                  <DatePicker.RangePicker disabled={schedule !== 'once'} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={8}>
            <Form.Item name="expiresInDays" label={t('surveys.campaigns.expiresInDays')} rules={[{ required: true }]}><InputNumber min={1} max={90} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="maxReminders" label={t('surveys.campaigns.maxReminders')} rules={[{ required: true }]}><InputNumber min={0} max={5} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="remindAfterDays" label={t('surveys.campaigns.remindAfterDays')} rules={[{ required: true }]}><InputNumber min={1} max={30} style={{ width: '100%' }} /></Form.Item>
          </Col>
        </Row>
        {error && <Alert type="error" showIcon title={error} data-testid="survey-campaign-error" />}
      </Form>
    </Modal>
  );
}

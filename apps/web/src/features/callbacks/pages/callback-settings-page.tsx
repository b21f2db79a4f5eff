import { useEffect } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackPolicy } from '@sht/domain';
import { PageHeader } from '../../../shared/page-header';
import { useRunAction } from '../../../shared/use-run-action';
import { minutesToHours, parseRetryHours } from '../callbacks.params';
import { useCallbackMutations, useCallbackPolicies, useRecoverySettings } from '../hooks/use-callbacks';

type PolicyValues = { sharePct: number; delayHours: number; retryHours: string; lowScoreThreshold: number };

const toValues = (p: CallbackPolicy): PolicyValues => ({
  sharePct: Math.round(p.share * 1000) / 10,
  delayHours: minutesToHours(p.delayMinutes),
  retryHours: p.retryMinutes.map(minutesToHours).join(', '),
  lowScoreThreshold: p.lowScoreThreshold,
});
function PolicyCard({ policy }: { policy: CallbackPolicy }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyValues>();
  const { updatePolicy } = useCallbackMutations();
  const run = useRunAction();
  useEffect(() => form.setFieldsValue(toValues(policy)), [form, policy]);
  const save = async () => {
    const v = await form.validateFields();
    const retryMinutes = parseRetryHours(v.retryHours) ?? [];
    await run(updatePolicy.mutateAsync({
      level: policy.serviceLevel,
      input: { share: v.sharePct / 100, delayMinutes: Math.round(v.delayHours * 60), retryMinutes, lowScoreThreshold: v.lowScoreThreshold, version: policy.version },
    }), t('callbacks.settings.saved'));
  };
  return (
    <Card size="small" title={t('callbacks.settings.level', { level: policy.serviceLevel })} data-testid={`callback-policy-${policy.serviceLevel}`}>
      <Form form={form} layout="vertical" initialValues={toValues(policy)}>
        <Form.Item name="sharePct" label={t('callbacks.settings.share')} extra={t('callbacks.settings.shareHint')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={5} style={{ width: '100%' }} data-testid="callback-policy-share" />
        </Form.Item>
        <Form.Item name="delayHours" label={t('callbacks.settings.delayMinutes')} rules={[{ required: true }]}>
          <InputNumber min={0} max={720} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="retryHours" label={t('callbacks.settings.retryMinutes')}
          rules={[{ validator: async (_, v: string) => { if (v && parseRetryHours(v) === null) throw new Error(t('callbacks.settings.retryInvalid')); } }]}>
          <Input />
        </Form.Item>
        <Form.Item name="lowScoreThreshold" label={t('callbacks.settings.lowScoreThreshold')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" loading={updatePolicy.isPending} onClick={() => void save()} data-testid={`callback-policy-save-${policy.serviceLevel}`}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

function RecoveryThresholdCard() {
  const { t } = useTranslation();
  const settings = useRecoverySettings();
  const [form] = Form.useForm<{ threshold: number }>();
  const { updateRecoverySettings } = useCallbackMutations();
  const run = useRunAction();
  useEffect(() => { if (settings.data) form.setFieldsValue(settings.data); }, [form, settings.data]);
  const save = async () => {
    const v = await form.validateFields();
    await run(updateRecoverySettings.mutateAsync({ threshold: v.threshold }), t('callbacks.settings.saved'));
  };
  return (
    <Card size="small" title={t('callbacks.recovery.title')} loading={settings.isPending}>
      <Form form={form} layout="vertical">
        <Form.Item name="threshold" label={t('callbacks.settings.recoveryThreshold')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" loading={updateRecoverySettings.isPending} onClick={() => void save()}>{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

/** 回访设置 (HQ): per service level the share called back, the deadline, retries and the low-score threshold. */
export function CallbackSettingsPage() {
  const { t } = useTranslation();
  const policies = useCallbackPolicies();
  return (
    <>
      <PageHeader title={t('callbacks.settings.title')} />
      <Row gutter={[12, 12]}>
        {(policies.data?.items ?? []).map((p) => (
          <Col key={p.serviceLevel} xs={24} md={12} xl={6}><PolicyCard policy={p} /></Col>
        ))}
        <Col xs={24} md={12} xl={6}><RecoveryThresholdCard /></Col>
      </Row>
    </>
  );
}

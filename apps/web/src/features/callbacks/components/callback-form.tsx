import { Button, Card, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackAnswers, CallbackOutcome, RecordCallbackOutcomeInput } from '@sht/domain';

type Values = {
  arrivedOnTime?: boolean; charged?: boolean; chargedYuan?: number | null; faultFixed?: CallbackAnswers['faultFixed'];
  timeliness?: number; attitude?: number; quality?: number; overall?: number; comment?: string; note?: string;
};

const ratingKeys = ['timeliness', 'attitude', 'quality', 'overall'] as const;

type Props = { version: number; busy: boolean; onSubmit: (input: RecordCallbackOutcomeInput) => void };

/** The callback questionnaire and the outcome buttons: answers are only asked when the customer was reached. */
export function CallbackForm({ version, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const charged = Form.useWatch('charged', form);
  const required = [{ required: true, message: t('validation.required') }];
  const yesNo = [{ value: true, label: t('callbacks.yes') }, { value: false, label: t('callbacks.no') }];

  const reached = async () => {
    const v = await form.validateFields();
    onSubmit({
      outcome: 'reached', version, note: v.note || undefined,
      answers: {
        arrivedOnTime: Boolean(v.arrivedOnTime), charged: Boolean(v.charged),
        chargedFen: v.charged ? Math.round((v.chargedYuan ?? 0) * 100) : null,
        faultFixed: v.faultFixed ?? 'fixed',
        ratings: { timeliness: v.timeliness ?? 0, attitude: v.attitude ?? 0, quality: v.quality ?? 0, overall: v.overall ?? 0 },
        comment: v.comment || undefined,
      },
    });
  };
  const other = (outcome: Exclude<CallbackOutcome, 'reached'>) => onSubmit({ outcome, version, note: form.getFieldValue('note') || undefined });

  return (
    <Card size="small" title={t('callbacks.questions')} data-testid="callback-form">
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="arrivedOnTime" label={t('callbacks.q.arrivedOnTime')} rules={required}>
          <Radio.Group optionType="button" options={yesNo} data-testid="cb-arrived" />
        </Form.Item>
        <Form.Item name="charged" label={t('callbacks.q.charged')} rules={required}>
          <Radio.Group optionType="button" options={yesNo} data-testid="cb-charged" />
        </Form.Item>
        {charged && (
          <Form.Item name="chargedYuan" label={t('callbacks.q.chargedYuan')} rules={required}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: 160 }} data-testid="cb-charged-yuan" />
          </Form.Item>
        )}
        <Form.Item name="faultFixed" label={t('callbacks.q.faultFixed')} rules={required}>
          <Radio.Group optionType="button" data-testid="cb-fault-fixed"
            options={(['fixed', 'not_fixed', 'not_done'] as const).map((v) => ({ value: v, label: t(`callbacks.faultFixed.${v}`) }))} />
        </Form.Item>
        {ratingKeys.map((key) => (
          <Form.Item key={key} name={key} label={`${t(`callbacks.q.${key}`)}(1–5)`} rules={[{ required: true, message: t('callbacks.ratingsRequired') }]}>
            <Radio.Group optionType="button" options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))} data-testid={`cb-rating-${key}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('callbacks.q.comment')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="cb-comment" />
        </Form.Item>
        <Form.Item name="note" label={t('callbacks.q.note')}>
          <Input maxLength={1000} data-testid="cb-note" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => void reached()} data-testid="cb-outcome-reached">{t('callbacks.outcome.reached')}</Button>
          <Button loading={busy} onClick={() => other('not_reached')} data-testid="cb-outcome-not_reached">{t('callbacks.outcome.not_reached')}</Button>
          <Button loading={busy} onClick={() => other('refused')} data-testid="cb-outcome-refused">{t('callbacks.outcome.refused')}</Button>
          <Button danger loading={busy} onClick={() => other('wrong_number')} data-testid="cb-outcome-wrong_number">{t('callbacks.outcome.wrong_number')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

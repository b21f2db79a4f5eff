import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Result, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SurveyAnswerValue, SurveyQuestion } from '@sht/domain';
import { isApiError, toApiError } from '../../../api/api-error';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { surveyKeys, surveysApi } from '../surveys.api';
import '../surveys.css';

type Values = { answers: Record<string, SurveyAnswerValue | undefined>; comment?: string };

// The link's problems, each with its own words (codes from the server's surveys.errors.ts).
const linkProblems = {
  SURVEY_TOKEN_INVALID: 'invalid',
  SURVEY_TOKEN_USED: 'used',
  SURVEY_TOKEN_EXPIRED: 'expired',
  SURVEY_CLOSED: 'closed',
} as const;

/**
 * 客户满意度调查 by a personal link, on a phone: no login; the link is the credential. Used,
 * expired, forged and closed links each say so plainly; after sending, a thank-you page.
 */
export function PublicSurveyPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const survey = useQuery({
    queryKey: [...surveyKeys.public(token), i18n.language],
    queryFn: ({ signal }) => surveysApi.getPublic(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: (values: Values) => surveysApi.submitPublic(token, {
      answers: Object.fromEntries(Object.entries(values.answers ?? {}).map(([k, v]) => [k, v ?? null])),
      ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
    }),
    onError: (err) => {
      const error = toApiError(err, t('common.networkError'));
      if (error.code !== 'SURVEY_ANSWERS_INVALID') return setFormError(error.message);
      const issues = (error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
      form.setFields(issues.map((i) => ({ name: ['answers', String(i.path[2])], errors: [i.message] })));
      setFormError(t('surveys.public.fixErrors'));
    },
  });

  const problem = (err: unknown) => {
    const error = toApiError(err, t('common.networkError'));
    const kind = linkProblems[error.code as keyof typeof linkProblems];
    if (!kind) return <Alert type="error" showIcon title={error.message} data-testid="public-survey-error" data-code={error.code} />;
    return (
      <Result status={kind === 'used' ? 'success' : kind === 'invalid' ? 'error' : 'warning'} title={t(`surveys.public.${kind}`)}
        subTitle={t(`surveys.public.${kind}Body`)} data-testid="public-survey-error" data-code={error.code} />
    );
  };

  let body;
  if (survey.isPending) body = <Spin tip={t('surveys.public.loading')} style={{ display: 'block', margin: '48px auto' }} />;
  else if (survey.isError) body = problem(survey.error);
  else if (submit.isSuccess) body = <Result status="success" title={t('surveys.public.thanksTitle')} subTitle={t('surveys.public.thanksBody')} data-testid="public-survey-thanks" />;
  else if (submit.isError && !isApiError(submit.error, 'SURVEY_ANSWERS_INVALID') && toApiError(submit.error, '').code in linkProblems) body = problem(submit.error);
  else {
    const s = survey.data;
    body = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>{s.title}</Typography.Title>
        <Typography.Paragraph>{s.greeting}</Typography.Paragraph>
        {s.description && <Typography.Paragraph type="secondary">{s.description}</Typography.Paragraph>}
        <Typography.Text type="secondary">{t('surveys.public.expiresAt', { date: dayjs(s.expiresAt).format('YYYY-MM-DD') })}</Typography.Text>
        <Form form={form} layout="vertical" onFinish={(v) => { setFormError(null); submit.mutate(v); }} requiredMark style={{ marginTop: 12 }}
          onFinishFailed={() => setFormError(t('surveys.public.fixErrors'))}>
          {s.questions.map((q, i) => <QuestionField key={q.id} q={q} index={i + 1} />)}
          <Form.Item name="comment" style={{ marginTop: 12 }}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('surveys.public.commentPlaceholder')} data-testid="survey-comment" />
          </Form.Item>
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="public-survey-form-error" />}
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="survey-submit">
            {submit.isPending ? t('surveys.public.submitting') : t('surveys.public.submit')}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <div className="sht-public-survey" data-testid="public-survey-page">
      <div className="sht-public-survey__lang"><LanguageSwitch /></div>
      <Card className="sht-public-survey__card" styles={{ body: { padding: 16 } }}>{body}</Card>
    </div>
  );
}

function QuestionField({ q, index }: { q: SurveyQuestion; index: number }) {
  const { t } = useTranslation();
  const rules = q.required ? [{ required: true, message: t('surveys.public.required') }] : [];
  const label = `${index}. ${q.text}`;
  const common = { name: ['answers', q.id], label, rules, className: 'sht-public-survey__question', 'data-testid': `survey-q-${q.id}` };
  switch (q.kind) {
    case 'rating':
    case 'nps': {
      const from = q.kind === 'nps' ? 0 : 1;
      const to = q.kind === 'nps' ? 10 : (q.scale ?? 5);
      return (
        <Form.Item {...common} extra={q.kind === 'nps' && <div className="sht-public-survey__ends"><span>{t('surveys.public.npsLow')}</span><span>{t('surveys.public.npsHigh')}</span></div>}>
          <Radio.Group optionType="button" buttonStyle="solid" className="sht-score-buttons">
            {Array.from({ length: to - from + 1 }, (_, k) => from + k).map((n) => (
              <Radio.Button key={n} value={n} data-testid={`survey-q-${q.id}-${n}`}>{n}</Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      );
    }
    case 'single':
      return (
        <Form.Item {...common}>
          <Radio.Group>
            <Space direction="vertical">
              {q.options.map((o) => <Radio key={o.value} value={o.value} data-testid={`survey-q-${q.id}-${o.value}`}>{o.label}</Radio>)}
            </Space>
          </Radio.Group>
        </Form.Item>
      );
    case 'multiple':
      return (
        <Form.Item {...common}>
          <Checkbox.Group>
            <Space direction="vertical">
              {q.options.map((o) => <Checkbox key={o.value} value={o.value} data-testid={`survey-q-${q.id}-${o.value}`}>{o.label}</Checkbox>)}
            </Space>
          </Checkbox.Group>
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item {...common}>
          <Input.TextArea rows={3} maxLength={2000} data-testid={`survey-q-${q.id}-text`} />
        </Form.Item>
      );
    default: {
      const never: never = q.kind;
      return never;
    }
  }
}

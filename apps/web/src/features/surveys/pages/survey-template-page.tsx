import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  surveyAudiences, surveyDimensions, surveyPairRoles, surveyQuestionKinds,
  type SurveyAudience, type SurveyQuestion, type SurveyTemplate, type SurveyTemplateInput,
} from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { PageHeader } from '../../../shared/page-header';
import { RecordQueryState } from '../../../shared/record-query-state';
import { useCan } from '../../auth/hooks/use-me';
import { PrintTemplate } from '../components/survey-print-sheet';
import { useSurveyMutations, useSurveyTemplate } from '../hooks/use-surveys';

type QuestionValues = Omit<SurveyQuestion, 'options'> & { options: { value: string; label: string }[] };
type Values = { name: string; audience: SurveyAudience; description: string; questions: QuestionValues[] };

const newQuestion = (n: number): QuestionValues => ({
  id: `q${n}`, kind: 'rating', text: '', required: true, dimension: null, scale: 5, options: [], pairId: null, pairRole: null,
});

// Only the fields a kind uses are sent (the server refuses a scale on a text question, …).
function toInput(v: Values): SurveyTemplateInput {
  return {
    name: v.name, audience: v.audience, description: v.description ?? '',
    questions: v.questions.map((q) => {
      const isChoice = q.kind === 'single' || q.kind === 'multiple';
      const scored = q.kind === 'rating' || q.kind === 'nps';
      return {
        id: q.id, kind: q.kind, text: q.text, required: q.required ?? true,
        scale: q.kind === 'rating' ? (q.scale ?? 5) : null,
        dimension: scored ? (q.dimension ?? null) : null,
        options: isChoice ? (q.options ?? []) : [],
        pairId: q.kind === 'rating' && q.pairId ? q.pairId : null,
        pairRole: q.kind === 'rating' && q.pairId ? (q.pairRole ?? null) : null,
      };
    }),
  };
}

/** New template (/surveys/templates/new) or the editor of one; a template in use saves as a new version. */
export function SurveyTemplatePage() {
  const { t } = useTranslation();
  const id = useParams().id;
  const isNew = id === 'new' || id === undefined;
  const query = useSurveyTemplate(isNew ? undefined : id);
  if (isNew) return <TemplateEditor template={undefined} />;
  return <RecordQueryState query={query} notFound={t('surveys.templates.notFound')} back={{ to: '/surveys/templates', label: t('surveys.back') }}>{(template) => <TemplateEditor template={template} key={template.id} />}</RecordQueryState>;
}

function TemplateEditor({ template }: { template: SurveyTemplate | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(0);
  const { createTemplate, updateTemplate } = useSurveyMutations();
  const saving = createTemplate.isPending || updateTemplate.isPending;

  useEffect(() => {
    form.setFieldsValue(template
      ? { name: template.name, audience: template.audience, description: template.description, questions: template.questions }
      : { name: '', audience: 'customer', description: '', questions: [newQuestion(1)] });
  }, [template, form]);

  const onFinish = (values: Values) => {
    setFormError(null);
    const input = toInput(values);
    const saved = template ? updateTemplate.mutateAsync({ id: template.id, version: template.version, input }) : createTemplate.mutateAsync(input);
    saved.then((result) => {
      message.success(t('surveys.templates.saved'));
      navigate(`/surveys/templates/${result.id}`, { replace: true });
    }, (err: unknown) => {
      const error = toApiError(err, t('common.networkError'));
      const issues = (error.details as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues ?? [];
      const fields = issues.map((i) => ({ name: i.path.filter((p) => p !== 'body' && p !== 'template'), errors: [i.message] }));
      const known = fields.filter((f) => ['name', 'audience', 'description', 'questions'].includes(String(f.name[0])) && f.name.length !== 2);
      form.setFields(known as Parameters<typeof form.setFields>[0]);
      if (known.length < fields.length || fields.length === 0) setFormError(fields.length === 0 ? error.message : issues.map((i) => i.message).join(';'));
    });
  };

  return (
    <>
      <PageHeader
        title={template ? `${t('surveys.templates.edit')} · ${template.name} v${template.version}` : t('surveys.templates.create')}
        extra={template && <Button icon={<PrinterOutlined />} onClick={() => setPrinting((n) => n + 1)} data-testid="survey-template-print">{t('surveys.templates.printBlank')}</Button>}
      />
      {template?.isInUse && <Alert type="info" showIcon title={t('surveys.templates.inUseHint')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={!can('survey.write')} data-testid="survey-template-form">
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('surveys.templates.name')} rules={[{ required: true, max: 100 }]}>
                <Input data-testid="survey-template-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="audience" label={t('surveys.templates.audience')} rules={[{ required: true }]}>
                <Select options={surveyAudiences.map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))} data-testid="survey-template-audience" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('surveys.templates.description')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Card>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <QuestionCard key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(newQuestion(fields.length + 1))} block data-testid="survey-question-add">
                {t('surveys.templates.addQuestion')}
              </Button>
            </>
          )}
        </Form.List>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} data-testid="survey-template-error" />}
        {can('survey.write') && (
          <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 12 }} data-testid="survey-template-save">{t('common.save')}</Button>
        )}
      </Form>
      {template && printing > 0 && <PrintTemplate key={printing} templateId={template.id} />}
    </>
  );
}

function QuestionCard({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['questions', name, 'kind']) as SurveyQuestion['kind'] | undefined;
  const pairId = Form.useWatch(['questions', name, 'pairId']) as string | null | undefined;
  const isChoice = kind === 'single' || kind === 'multiple';
  return (
    <Card size="small" className="sht-survey-question-card" title={`${index + 1}.`} data-testid={`survey-question-${index}`}
      extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('surveys.templates.remove')} />}>
      <Row gutter={12}>
        <Col xs={8} md={4}>
          <Form.Item name={[name, 'id']} label={t('surveys.templates.questionId')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/ }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={16} md={6}>
          <Form.Item name={[name, 'kind']} label={t('surveys.templates.kind')}>
            <Select options={surveyQuestionKinds.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))} data-testid={`survey-question-${index}-kind`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name={[name, 'text']} label={t('surveys.templates.questionText')} rules={[{ required: true, max: 300 }]}>
            <Input data-testid={`survey-question-${index}-text`} />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap align="start">
        <Form.Item name={[name, 'required']} label={t('surveys.templates.required')} valuePropName="checked"><Switch /></Form.Item>
        {kind === 'rating' && (
          <Form.Item name={[name, 'scale']} label={t('surveys.templates.scale')} rules={[{ required: true, type: 'number', min: 3, max: 10 }]}>
            <InputNumber min={3} max={10} style={{ width: 80 }} />
          </Form.Item>
        )}
        {(kind === 'rating' || kind === 'nps') && (
          <Form.Item name={[name, 'dimension']} label={t('surveys.templates.dimension')}>
            <Select allowClear style={{ width: 140 }} options={surveyDimensions.map((d) => ({ value: d, label: t(`surveys.dimension.${d}`) }))}
              data-testid={`survey-question-${index}-dimension`} />
          </Form.Item>
        )}
        {kind === 'rating' && (
          <>
            <Form.Item name={[name, 'pairId']} label={t('surveys.templates.pairId')}><Input style={{ width: 100 }} allowClear /></Form.Item>
            {pairId && (
              <Form.Item name={[name, 'pairRole']} label={t('surveys.templates.pairRole')} rules={[{ required: true }]}>
                <Select style={{ width: 120 }} options={surveyPairRoles.map((r) => ({ value: r, label: t(`surveys.pairRole.${r}`) }))} />
              </Form.Item>
            )}
          </>
        )}
      </Space>
      {isChoice && (
        <Form.List name={[name, 'options']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'value']} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/ }]}><Input placeholder={t('surveys.templates.optionValue')} style={{ width: 100 }} /></Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true }]}><Input placeholder={t('surveys.templates.optionLabel')} style={{ width: 200 }} /></Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('surveys.templates.remove')} />
                </Space>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ value: `o${fields.length + 1}`, label: '' })}>{t('surveys.templates.addOption')}</Button>
            </>
          )}
        </Form.List>
      )}
    </Card>
  );
}

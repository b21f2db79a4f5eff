import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, List, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SurveyResponse } from '@sht/domain';
import { PageHeader } from '../../../shared/page-header';
import { RecordQueryState } from '../../../shared/record-query-state';
import { formatDateTime } from '../../../shared/format';
import { SurveyPrintSheet, usePrintWhenReady } from '../components/survey-print-sheet';
import { useSurveyResponse } from '../hooks/use-surveys';

export function SurveyResponsePage() {
  const { t } = useTranslation();
  const query = useSurveyResponse(useParams().id ?? '');
  return (
    <RecordQueryState query={query} notFound={t('surveys.response.notFound')} back={{ to: '/surveys', label: t('surveys.back') }}>
      {(r) => <ResponseView response={r} />}
    </RecordQueryState>
  );
}

function ResponseView({ response: r }: { response: SurveyResponse }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(0);
  const answers = new Map(r.answers.map((a) => [a.questionId, a]));
  const levelColor = r.score === null ? 'default' : r.score >= 75 ? 'success' : r.score >= 60 ? 'warning' : 'error';
  return (
    <>
      <PageHeader title={`${t('surveys.response.title')} · ${r.respondentName}`}
        extra={<Button icon={<PrinterOutlined />} onClick={() => setPrinting((n) => n + 1)} data-testid="survey-response-print">{t('surveys.response.print')}</Button>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
          { key: 'campaign', label: t('surveys.campaigns.name'), children: <Link to={`/surveys/campaigns/${r.campaignId}`}>{r.campaignName}</Link> },
          { key: 'at', label: t('surveys.campaigns.answeredAt'), children: formatDateTime(r.answeredAt) },
          { key: 'order', label: t('surveys.campaigns.workOrder'), children: r.workOrderNumber ?? '—' },
          { key: 'score', label: t('surveys.campaigns.score'), children: (
            <span data-testid="survey-response-score">{r.score ?? '—'} {r.level && <Tag color={levelColor}>{t(`surveys.level.${r.level}`)}</Tag>}</span>
          ) },
          { key: 'nps', label: t('surveys.response.nps'), children: r.nps ?? '—' },
          { key: 'recovery', label: t('surveys.response.recovery'), children: r.recoveryWorkOrderId
            ? <Link to={`/work-orders/${r.recoveryWorkOrderId}`} data-testid="survey-response-recovery">{t('surveys.response.recovery')}</Link> : '—' },
        ]} />
      </Card>
      <Card size="small">
        <List dataSource={r.template.questions} renderItem={(q, i) => {
          const a = answers.get(q.id);
          const value = a?.raw ?? a?.choices?.map((c) => q.options.find((o) => o.value === c)?.label ?? c).join('、') ?? a?.text ?? '—';
          return (
            <List.Item>
              <List.Item.Meta title={`${i + 1}. ${q.text}`} description={q.dimension ? t(`surveys.dimension.${q.dimension}`) : undefined} />
              <Typography.Text strong>{value}{q.kind === 'rating' && a ? ` / ${q.scale}` : ''}</Typography.Text>
            </List.Item>
          );
        }} />
        {r.comment && <Typography.Paragraph style={{ marginTop: 12 }}>{t('surveys.response.comment')}:{r.comment}</Typography.Paragraph>}
      </Card>
      {printing > 0 && <FilledSheet key={printing} response={r} />}
    </>
  );
}

function FilledSheet({ response }: { response: SurveyResponse }) {
  usePrintWhenReady(true);
  return <SurveyPrintSheet template={response.template} response={response} />;
}

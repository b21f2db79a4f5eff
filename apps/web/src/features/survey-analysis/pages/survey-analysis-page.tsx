import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { analysisGroupKeys, type AnalysisGroupKey, type ChosenCause, type DissatisfactionCause } from '@sht/domain';
import { PageHeader } from '../../../shared/page-header';
import { AnalysisFilters } from '../components/analysis-filters';
import { DimensionChart, GapChart, LevelsChart, TrendChart } from '../components/analysis-charts';
import { BreakdownTable } from '../components/breakdown-table';
import { useSurveyAnalysis, useSurveyTrend } from '../hooks/use-survey-analysis';
import { analysisExportHref, type AnalysisFilterValues } from '../survey-analysis.api';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/** 满意度分析: per SERVQUAL dimension, gap, trend, levels, causes and a breakdown, for the caller's subtree. */
export function SurveyAnalysisPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AnalysisFilterValues>({});
  const [groupBy, setGroupBy] = useState<AnalysisGroupKey>('region');
  const [thenBy, setThenBy] = useState<AnalysisGroupKey | undefined>();
  const params = { ...filters, groupBy, ...(thenBy ? { thenBy } : {}) };
  const analysis = useSurveyAnalysis(params);
  const trend = useSurveyTrend(filters);
  const a = analysis.data;
  const responses = a?.levels.reduce((sum, l) => sum + l.count, 0) ?? 0;
  const keyOptions = analysisGroupKeys.map((k) => ({ value: k, label: t(`surveyAnalysis.groupKey.${k}`) }));

  return (
    <div data-testid="survey-analysis-page">
      <PageHeader
        title={t('surveyAnalysis.title')}
        extra={<Button icon={<DownloadOutlined />} href={analysisExportHref(params)} data-testid="analysis-export">{t('surveyAnalysis.export')}</Button>}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <AnalysisFilters value={filters} onChange={setFilters} />
        </Card>
        {analysis.isError && <Alert type="error" showIcon message={analysis.error.message} />}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small"><div data-testid="analysis-overall-mean"><Statistic title={t('surveyAnalysis.stats.mean')} value={fmt(a?.overall.mean)} loading={analysis.isPending} /></div></Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small"><div data-testid="analysis-answers"><Statistic title={t('surveyAnalysis.stats.answers')} value={a?.overall.n ?? 0} loading={analysis.isPending} /></div></Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small"><div data-testid="analysis-responses"><Statistic title={t('surveyAnalysis.stats.responses')} value={responses} loading={analysis.isPending} /></div></Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <div data-testid="analysis-nps">
                <Statistic title={t('surveyAnalysis.stats.nps')} value={fmt(a?.nps.score)} loading={analysis.isPending} />
                {a && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('surveyAnalysis.stats.npsDetail', { p: a.nps.promoters, m: a.nps.passives, d: a.nps.detractors })}</Typography.Text>}
              </div>
            </Card>
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('surveyAnalysis.charts.dimensions')} loading={analysis.isPending}><DimensionChart dimensions={a?.dimensions ?? []} /></Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('surveyAnalysis.charts.gap')} loading={analysis.isPending}><GapChart dimensions={a?.dimensions ?? []} /></Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('surveyAnalysis.charts.trend')} loading={trend.isPending}><TrendChart points={trend.data?.points ?? []} /></Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('surveyAnalysis.charts.levels')} loading={analysis.isPending}><LevelsChart levels={a?.levels ?? []} /></Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('surveyAnalysis.charts.causes')} loading={analysis.isPending}>
              <Table<DissatisfactionCause>
                size="small" rowKey="dimension" pagination={false} dataSource={a?.causes ?? []} data-testid="analysis-causes"
                columns={[
                  { key: 'd', title: t('surveyAnalysis.causes.dimension'), render: (_, c) => t(`surveyAnalysis.dimension.${c.dimension}`) },
                  { key: 'n', title: t('surveyAnalysis.causes.dissatisfied'), dataIndex: 'dissatisfied', align: 'right' },
                  { key: 's', title: t('surveyAnalysis.causes.share'), align: 'right', render: (_, c) => `${(c.share * 100).toFixed(1)}%` },
                  { key: 'r', title: t('surveyAnalysis.causes.rate'), align: 'right', render: (_, c) => `${(c.rate * 100).toFixed(1)}%` },
                ]}
              />
              {(a?.chosenCauses.length ?? 0) > 0 && (
                <Table<ChosenCause>
                  size="small" rowKey={(c) => `${c.question}|${c.option}`} pagination={false} dataSource={a?.chosenCauses ?? []}
                  title={() => t('surveyAnalysis.causes.chosen')} style={{ marginTop: 12 }} data-testid="analysis-chosen-causes"
                  columns={[
                    { key: 'o', title: t('surveyAnalysis.causes.option'), render: (_, c) => <>{c.option}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{c.question}</Typography.Text></> },
                    { key: 'n', title: t('surveyAnalysis.causes.count'), dataIndex: 'count', align: 'right' },
                    { key: 's', title: t('surveyAnalysis.causes.chosenShare'), align: 'right', render: (_, c) => `${(c.share * 100).toFixed(1)}%` },
                  ]}
                />
              )}
            </Card>
          </Col>
        </Row>
        <Card
          size="small"
          title={t('surveyAnalysis.breakdown.title')}
          extra={
            <Space wrap>
              <Select<AnalysisGroupKey> size="small" style={{ width: 120 }} value={groupBy} options={keyOptions} aria-label={t('surveyAnalysis.filters.groupBy')}
                onChange={(k) => {
                  setGroupBy(k);
                  if (thenBy === k) setThenBy(undefined);
                }} data-testid="analysis-group-by" />
              <Select<AnalysisGroupKey> size="small" style={{ width: 120 }} allowClear placeholder={t('surveyAnalysis.filters.none')} value={thenBy}
                options={keyOptions.filter((o) => o.value !== groupBy)} aria-label={t('surveyAnalysis.filters.thenBy')}
                onChange={(k) => setThenBy(k)} data-testid="analysis-then-by" />
            </Space>
          }
        >
          <BreakdownTable rows={a?.breakdown ?? []} groupBy={a?.groupBy ?? groupBy} thenBy={a?.thenBy ?? null} truncated={a?.truncated ?? false} loading={analysis.isFetching} />
        </Card>
      </Space>
    </div>
  );
}

import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { surveyDimensions, type AnalysisGroupKey, type BreakdownRow, type GroupValue, type SurveyDimension, type WorkOrderType } from '@sht/domain';

const num = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The label of a grouping value: dimensions and order types by the locale, the rest as the server named them. */
export function useGroupLabel() {
  const { t } = useTranslation();
  return (key: AnalysisGroupKey, v: GroupValue): string => {
    if (v.value === null) return t('surveyAnalysis.none');
    if (key === 'dimension') return t(`surveyAnalysis.dimension.${v.value as SurveyDimension}`);
    if (key === 'orderType') return t(`surveyAnalysis.orderType.${v.value as WorkOrderType}`);
    return v.label;
  };
}

type Props = { rows: BreakdownRow[]; groupBy: AnalysisGroupKey; thenBy: AnalysisGroupKey | null; truncated: boolean; loading: boolean };

// The breakdown is one aggregate of the filtered answers (at most 2,000 groups): paged and sorted here.
export function BreakdownTable({ rows, groupBy, thenBy, truncated, loading }: Props) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const shownDims = surveyDimensions.filter((d) => rows.some((r) => r.byDimension[d] !== undefined));
  const byNumber = (f: (r: BreakdownRow) => number | null) => (a: BreakdownRow, b: BreakdownRow) => (f(a) ?? -Infinity) - (f(b) ?? -Infinity);
  const columns: ColumnsType<BreakdownRow> = [
    { key: 'key', title: t(`surveyAnalysis.groupKey.${groupBy}`), render: (_, r) => label(groupBy, r.key), fixed: 'left', width: 140 },
    ...(thenBy ? [{ key: 'thenKey', title: t(`surveyAnalysis.groupKey.${thenBy}`), render: (_: unknown, r: BreakdownRow) => (r.thenKey ? label(thenBy, r.thenKey) : '—'), width: 120 }] : []),
    { key: 'n', title: t('surveyAnalysis.breakdown.n'), dataIndex: 'n', align: 'right', sorter: byNumber((r) => r.n), width: 90 },
    { key: 'mean', title: t('surveyAnalysis.stats.mean'), align: 'right', render: (_, r) => num(r.mean), sorter: byNumber((r) => r.mean), width: 90 },
    { key: 'sd', title: t('surveyAnalysis.stats.stdDev'), align: 'right', render: (_, r) => num(r.stdDev), width: 90 },
    { key: 'dis', title: t('surveyAnalysis.stats.dissatisfiedRate'), align: 'right', render: (_, r) => pct(r.dissatisfiedRate), sorter: byNumber((r) => r.dissatisfiedRate), width: 100 },
    { key: 'nps', title: 'NPS', align: 'right', render: (_, r) => num(r.nps), sorter: byNumber((r) => r.nps), width: 80 },
    ...shownDims.map((d) => ({
      key: d, title: t(`surveyAnalysis.dimension.${d}`), align: 'right' as const, width: 90,
      render: (_: unknown, r: BreakdownRow) => num(r.byDimension[d] ?? null), sorter: byNumber((r) => r.byDimension[d] ?? null),
    })),
  ];
  return (
    <>
      {truncated && <Typography.Text type="warning">{t('surveyAnalysis.breakdown.truncated', { n: rows.length })}</Typography.Text>}
      <Table<BreakdownRow>
        size="small"
        rowKey={(r) => `${r.key.value}|${r.thenKey?.value ?? ''}`}
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="analysis-breakdown"
      />
    </>
  );
}

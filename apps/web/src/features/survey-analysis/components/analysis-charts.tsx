import { useMemo } from 'react';
import { use, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DimensionAnalysis, SurveyAnalysis, TrendPoint } from '@sht/domain';
import { EChart } from '../../dashboard/components/echart';

// Only the parts these charts draw, so the analysis chunk stays small.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const grid = { left: 8, right: 16, top: 24, bottom: 40, containLabel: true };
const LEVEL_COLOURS = ['#389e0d', '#95de64', '#fadb14', '#fa8c16', '#cf1322'];

export function DimensionChart({ dimensions }: { dimensions: DimensionAnalysis[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid,
    xAxis: { type: 'category', data: dimensions.map((d) => t(`surveyAnalysis.dimension.${d.dimension}`)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ name: t('surveyAnalysis.stats.mean'), type: 'bar', data: dimensions.map((d) => d.mean), barMaxWidth: 40, label: { show: true, position: 'top' } }],
  }), [dimensions, t]);
  if (dimensions.length === 0) return <Empty description={t('surveyAnalysis.charts.empty')} />;
  return <EChart option={option} data-testid="analysis-dimension-chart" />;
}

export function GapChart({ dimensions }: { dimensions: DimensionAnalysis[] }) {
  const { t } = useTranslation();
  const paired = dimensions.filter((d) => d.gap !== null);
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid,
    xAxis: { type: 'category', data: paired.map((d) => t(`surveyAnalysis.dimension.${d.dimension}`)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: [{ type: 'value', min: 0, max: 100 }, { type: 'value', splitLine: { show: false } }],
    series: [
      { name: t('surveyAnalysis.charts.expectation'), type: 'bar', data: paired.map((d) => d.expectationMean), itemStyle: { color: '#bfbfbf' }, barMaxWidth: 28 },
      { name: t('surveyAnalysis.charts.perception'), type: 'bar', data: paired.map((d) => d.perceptionMean), itemStyle: { color: '#1677ff' }, barMaxWidth: 28 },
      { name: t('surveyAnalysis.charts.gapLine'), type: 'line', yAxisIndex: 1, data: paired.map((d) => d.gap), itemStyle: { color: '#cf1322' } },
    ],
  }), [paired, t]);
  if (paired.length === 0) return <Empty description={t('surveyAnalysis.charts.empty')} />;
  return <EChart option={option} data-testid="analysis-gap-chart" />;
}

export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: [{ type: 'value', min: 0, max: 100 }, { type: 'value', min: -100, max: 100, splitLine: { show: false } }],
    series: [
      { name: t('surveyAnalysis.charts.overall'), type: 'line', data: points.map((p) => p.mean), connectNulls: true, lineStyle: { width: 3 } },
      { name: 'NPS', type: 'line', yAxisIndex: 1, data: points.map((p) => p.nps), connectNulls: true, lineStyle: { type: 'dashed' } },
    ],
  }), [points, t]);
  if (points.length === 0) return <Empty description={t('surveyAnalysis.charts.empty')} />;
  return <EChart option={option} data-testid="analysis-trend-chart" />;
}

export function LevelsChart({ levels }: { levels: SurveyAnalysis['levels'] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie', radius: ['35%', '65%'], top: -20,
      data: levels.map((l, i) => ({ name: t(`surveyAnalysis.level.${l.level}`), value: l.count, itemStyle: { color: LEVEL_COLOURS[i] } })),
    }],
  }), [levels, t]);
  if (levels.every((l) => l.count === 0)) return <Empty description={t('surveyAnalysis.charts.empty')} />;
  return <EChart option={option} data-testid="analysis-levels-chart" />;
}

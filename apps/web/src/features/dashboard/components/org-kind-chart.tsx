import { useMemo } from 'react';
import { use, type EChartsCoreOption } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { KindCount } from '../../orgs/org-tree.utils';
import { EChart } from './echart';

// Only the parts this chart uses, so the dashboard chunk stays small.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function OrgKindChart({ counts }: { counts: KindCount[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: counts.map((c) => t(`orgs.kind.${c.kind}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dashboard.orgActive'), type: 'bar', stack: 'n', data: counts.map((c) => c.active), itemStyle: { color: '#1677ff' }, barMaxWidth: 48 },
        { name: t('dashboard.orgInactive'), type: 'bar', stack: 'n', data: counts.map((c) => c.inactive), itemStyle: { color: '#bfbfbf' }, barMaxWidth: 48 },
      ],
    }),
    [counts, t],
  );
  return <EChart option={option} style={{ height: 260 }} data-testid="org-kind-chart-canvas" />;
}

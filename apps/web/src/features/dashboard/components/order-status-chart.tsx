import { useMemo } from 'react';
import { use, type EChartsCoreOption } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { workOrderStatuses, type DashboardSummary } from '@sht/domain';
import { EChart } from './echart';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Orders by status in lifecycle order (statuses with none are left out). */
export function OrderStatusChart({ byStatus }: { byStatus: NonNullable<DashboardSummary['workOrders']>['byStatus'] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const rows = workOrderStatuses.map((s) => ({ status: s, count: byStatus.find((b) => b.status === s)?.count ?? 0 })).filter((r) => r.count > 0);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => t(`workOrders.status.${r.status}`)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('dashboard.summary.orders'), type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#1677ff' }, barMaxWidth: 40 }],
    };
  }, [byStatus, t]);
  return <EChart option={option} style={{ height: 240 }} data-testid="order-status-chart" />;
}

import { useEffect, useRef, type CSSProperties } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { init } from 'echarts/core';

type Props = { option: EChartsCoreOption; style?: CSSProperties; 'data-testid'?: string };

/**
 * Minimal React binding for ECharts built from `echarts/core`: the caller registers the chart
 * parts it needs with `use()`, keeping the bundle to what is drawn.
 */
export function EChart({ option, style, ...rest }: Props) {
  const elRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = elRef.current;
    if (!el) return;
    const chart = init(el);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={elRef} style={{ width: '100%', height: 260, ...style }} data-testid={rest['data-testid']} />;
}

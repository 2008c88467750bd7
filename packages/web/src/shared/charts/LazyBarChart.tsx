import { lazy, Suspense } from 'react';
import type { BarChartProps } from './BarChart.tsx';

const BarChartNow = lazy(() => import('./BarChart.tsx').then((m) => ({ default: m.BarChart })));

/**
 * The bar chart, with ECharts (≈ 150 kB gzip) fetched only when a chart is drawn: the 工作台 is the first page after
 * sign-in and must not wait for it (issue #15). Until it arrives, an empty box of the chart's height holds the place.
 */
export function LazyBarChart(props: BarChartProps) {
  return (
    <Suspense fallback={<div style={{ width: '100%', height: props.height ?? 280 }} />}>
      <BarChartNow {...props} />
    </Suspense>
  );
}

import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from '../../shared/charts/useEChart.ts';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EVALUATION_CLASS_LABELS, EVALUATION_CLASSES, type EvaluationClass } from '@pgs/domain';
import { CLASS_COLORS } from '../components/ClassTag.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** One platform's bar: its name and how many of its enterprises are in each class. */
export type PlatformClasses = { name: string; counts: Record<EvaluationClass, number> };

/** Stacked bars A/B/C/D/T per platform (pure, testable without a canvas). */
export function buildClassDistributionOption(data: readonly PlatformClasses[]): Option {
  return {
    animationDuration: 300,
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    legend: { bottom: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const total = list.reduce((sum, item) => sum + Number(item.value ?? 0), 0);
        const ranked = list
          .filter((item) => item.seriesId !== 'T')
          .reduce((sum, item) => sum + Number(item.value ?? 0), 0);
        const lines = list.map((item) => {
          const value = Number(item.value ?? 0);
          const share =
            item.seriesId === 'T' ? '不计入占比' : `${ranked ? Math.round((value / ranked) * 10000) / 100 : 0}%`;
          return `${typeof item.marker === 'string' ? item.marker : ''}${item.seriesName ?? ''}：${value} 家（${share}）`;
        });
        return [`${list[0]?.name ?? ''}（共 ${total} 家）`, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: data.map((each) => each.name) },
    yAxis: { type: 'value', minInterval: 1, name: '企业数（家）' },
    series: EVALUATION_CLASSES.map((cls) => ({
      id: cls,
      name: cls === 'T' ? 'T类（不定等级）' : EVALUATION_CLASS_LABELS[cls],
      type: 'bar',
      stack: 'classes',
      barMaxWidth: 72,
      itemStyle: { color: CLASS_COLORS[cls] },
      label: { show: true, formatter: ({ value }) => (Number(value) > 0 ? `${Number(value)}` : '') },
      data: data.map((each) => each.counts[cls]),
    })),
  };
}

/** The class distribution per platform of a run (R3.2), in the manner of shared/charts/BarChart. */
export function ClassDistributionChart({
  data,
  height = 300,
  loading = false,
}: {
  data: readonly PlatformClasses[];
  height?: number;
  loading?: boolean;
}) {
  // The counts arrive as a fresh array on every render (useQueries' combine): redraw only when they differ.
  const signature = JSON.stringify(data);
  const option = useMemo(() => buildClassDistributionOption(JSON.parse(signature) as PlatformClasses[]), [signature]);
  const container = useEChart(option, loading);

  const label = `各平台等级分布：${data.map((each) => `${each.name} ${EVALUATION_CLASSES.map((cls) => `${cls} ${each.counts[cls]} 家`).join('、')}`).join('；')}`;
  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid="class-distribution-chart"
      style={{ width: '100%', height }}
    />
  );
}

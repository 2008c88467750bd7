import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from './useEChart.ts';
import { LineChart as EChartsLine, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what a line chart needs: the full `echarts` package would add ~1 MB to the page's chunk.
echarts.use([EChartsLine, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type LineOption = echarts.ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type LineSeries = {
  /** The legend's name ("实缴税收"). */
  name: string;
  /** One value per category; null where the figure is missing (the line breaks there). */
  values: ReadonlyArray<number | null>;
  /** Written after each value in the tooltip ("万元"). */
  unit: string;
  /** 1 puts the series on the right-hand axis (a figure of another unit, 万元/亩 beside 万元). */
  axis?: 0 | 1;
};

export type LineChartProps = {
  /** The categories along the x axis (years). */
  categories: readonly string[];
  series: readonly LineSeries[];
  /** The names of the two y axes, with their units ("万元", "万元/亩"). */
  axisNames?: readonly [string, string?];
  height?: number;
  loading?: boolean;
  'data-testid'?: string;
};

const round = (value: number) => Math.round(value * 100) / 100;

/** The ECharts option of a multi-series line chart (pure, so it can be tested without a canvas). */
export function buildLineOption({
  categories,
  series,
  axisNames = ['', undefined],
}: Pick<LineChartProps, 'categories' | 'series' | 'axisNames'>): LineOption {
  const hasRight = series.some((each) => each.axis === 1);
  const unitOf = new Map(series.map((each) => [each.name, each.unit]));
  const yAxis = (name: string | undefined, position: 'left' | 'right') => ({
    type: 'value' as const,
    name: name ?? '',
    position,
    splitLine: { show: position === 'left' },
    axisLabel: { formatter: (value: number) => String(round(value)) },
  });
  return {
    animationDuration: 300,
    grid: { left: 64, right: hasRight ? 72 : 24, top: 56, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const head = list[0]?.name ?? '';
        const lines = list.map((item) => {
          const value = item.value as number | null | undefined;
          const shown =
            value === null || value === undefined || Number.isNaN(value)
              ? '无数据'
              : `${round(value)} ${unitOf.get(item.seriesName ?? '') ?? ''}`;
          return `${typeof item.marker === 'string' ? item.marker : ''}${item.seriesName ?? ''}：${shown}`;
        });
        return [head, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: [...categories], boundaryGap: false },
    yAxis: hasRight ? [yAxis(axisNames[0], 'left'), yAxis(axisNames[1], 'right')] : [yAxis(axisNames[0], 'left')],
    series: series.map((each) => ({
      name: each.name,
      type: 'line',
      yAxisIndex: hasRight ? (each.axis ?? 0) : 0,
      symbolSize: 8,
      connectNulls: false,
      lineStyle: each.axis === 1 ? { type: 'dashed', width: 2 } : { width: 2 },
      data: each.values.map((value) => (value === null ? null : round(value))),
    })),
  };
}

/**
 * A small ECharts line chart in the manner of BarChart: created on its div once, fed `setOption` when the data
 * change, resized with the window and disposed on unmount; the figures are also in `aria-label`.
 */
export function LineChart(props: LineChartProps) {
  const { categories, series, axisNames, height = 320, loading = false } = props;
  const option = useMemo(() => buildLineOption({ categories, series, axisNames }), [categories, series, axisNames]);
  const container = useEChart(option, loading);

  const label = series
    .map(
      (each) =>
        `${each.name}：${categories.map((category, index) => `${category} ${each.values[index] === null || each.values[index] === undefined ? '无数据' : `${round(each.values[index] ?? 0)}${each.unit}`}`).join('，')}`,
    )
    .join('；');
  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={props['data-testid']}
      style={{ width: '100%', height }}
    />
  );
}

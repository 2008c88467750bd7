import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from './useEChart.ts';
import { BarChart as EChartsBar, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what a bar chart needs: the full `echarts` package would add ~1 MB to the page's chunk.
echarts.use([EChartsBar, GridComponent, TooltipComponent, CanvasRenderer]);

type BarOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export type BarDatum = {
  /** The category under the bar (a platform's short name). */
  name: string;
  value: number;
  /** Drawn in the accent colour (the row the page is about). */
  highlighted?: boolean;
};

export type BarChartProps = {
  data: readonly BarDatum[];
  /** What the value is, for the tooltip and the screen-reader label ("合计计分"). */
  seriesName: string;
  /** Written after each value ("分"). */
  unit?: string;
  height?: number;
  loading?: boolean;
  /** Every category named under its bar, tilted by this many degrees when the names are long (stage names). */
  labelRotate?: number;
  'data-testid'?: string;
};

const COLOR = '#91caff';
const ACCENT = '#1677ff';

function optionOf({ data, seriesName, unit = '', labelRotate }: BarChartProps): BarOption {
  return {
    animationDuration: 300,
    grid: {
      left: 48,
      right: 24,
      top: 32,
      bottom: 32, // echarts 6 spelling of the old `containLabel: true`: rotated labels stay inside the chart.
      ...(labelRotate !== undefined
        ? { outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const }
        : {}),
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}${unit}` },
    xAxis: {
      type: 'category',
      data: data.map((datum) => datum.name),
      axisTick: { alignWithLabel: true },
      ...(labelRotate === undefined ? {} : { axisLabel: { interval: 0, rotate: labelRotate } }),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 56,
        label: { show: true, position: 'top', formatter: ({ value }) => `${Number(value)}${unit}` },
        data: data.map((datum) => ({ value: datum.value, itemStyle: { color: datum.highlighted ? ACCENT : COLOR } })),
      },
    ],
  };
}

/**
 * A small ECharts bar chart: created on its div once, fed `setOption` when the data change, resized with the
 * window and disposed on unmount. The values are also in `aria-label`, since a canvas says nothing to a reader.
 */
export function BarChart(props: BarChartProps) {
  const { data, seriesName, unit = '', height = 280, loading = false, labelRotate } = props;
  const option = useMemo(
    () => optionOf({ data, seriesName, unit, labelRotate }),
    [data, seriesName, unit, labelRotate],
  );
  const container = useEChart(option, loading);

  const label = `${seriesName}：${data.map((datum) => `${datum.name} ${datum.value}${unit}`).join('，')}`;
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

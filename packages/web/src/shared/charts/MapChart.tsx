import * as echarts from 'echarts/core';
import { EffectScatterChart, FunnelChart, MapChart as EChartsMap, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from './useEChart.ts';

// The map and funnel pages' parts only (the other pages do not download them).
echarts.use([
  EChartsMap,
  ScatterChart,
  EffectScatterChart,
  FunnelChart,
  GeoComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

/** One chart on a div with a click handler (`name` of the clicked region or point). */
export function OptionChart({
  option,
  height = 520,
  onClick,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  onClick?: (name: string) => void;
  testId?: string;
}) {
  const ref = useEChart(option);
  useEffect(() => {
    const element = ref.current;
    if (!element || !onClick) return;
    const chart = echarts.getInstanceByDom(element);
    const handler = (params: { name?: string }) => {
      if (params.name) onClick(params.name);
    };
    chart?.on('click', handler as never);
    return () => {
      chart?.off('click', handler);
    };
  }, [ref, onClick]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}

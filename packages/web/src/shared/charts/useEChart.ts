import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

/**
 * One ECharts instance on the returned div: created once, fed `option` whenever it changes (callers memoise it),
 * resized with the window and disposed on unmount; `loading` shows ECharts' own spinner. The chart components
 * register the ECharts parts they use before calling this.
 */
export function useEChart(option: echarts.EChartsCoreOption, loading = false) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => {
      instance.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    if (loading) chart.current?.showLoading('default', { text: '加载中…' });
    else chart.current?.hideLoading();
  }, [loading]);

  return container;
}

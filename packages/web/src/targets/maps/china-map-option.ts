import type { ChinaMap } from '../targets.api.ts';

/** The China map's option (pure, testable): provinces coloured by target count, focus cities as red points. */
export function buildChinaMapOption(data: ChinaMap) {
  const max = Math.max(1, ...data.provinces.map((p) => p.count));
  const byMapName = new Map(data.provinces.map((p) => [p.mapName, p]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string }) => {
        const p = byMapName.get(params.name);
        if (!p) return `${params.name}：暂无目标企业`;
        return `${p.province}：${p.count} 家<br/>50亿元以上 ${p.tiers['50亿']}，20亿元以上 ${p.tiers['20亿']}，5亿元以上 ${p.tiers['5亿']}，5亿元以下 ${p.tiers.none}${p.focus ? '<br/>含重点区域（北上广深杭）' : ''}<br/>点击查看名单`;
      },
    },
    visualMap: {
      min: 0,
      max,
      left: 16,
      bottom: 16,
      text: ['多', '少'],
      calculable: true,
      inRange: { color: ['#e6f4ff', '#1677ff'] },
    },
    geo: { map: 'china', roam: true, zoom: 1.15, label: { show: false }, itemStyle: { borderColor: '#999' } },
    series: [
      {
        name: '目标企业',
        type: 'map',
        geoIndex: 0,
        data: data.provinces.map((p) => ({ name: p.mapName, value: p.count })),
      },
      {
        name: '重点区域',
        type: 'effectScatter',
        coordinateSystem: 'geo',
        symbolSize: 10,
        itemStyle: { color: '#f5222d' },
        label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 },
        data: FOCUS_POINTS.map(([name, lon, lat]) => ({ name, value: [lon, lat] })),
      },
    ],
  };
}

/** 北上广深杭 (R2.7) drawn as points: the provincial map has no city outlines. */
const FOCUS_POINTS: Array<[string, number, number]> = [
  ['北京', 116.4, 39.9],
  ['上海', 121.47, 31.23],
  ['广州', 113.26, 23.13],
  ['深圳', 114.06, 22.54],
  ['杭州', 120.15, 30.28],
];

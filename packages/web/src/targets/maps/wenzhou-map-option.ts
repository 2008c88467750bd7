import {
  PARCEL_STATE_LABELS,
  PARCEL_STATES,
  PROJECT_STATUS_LABELS,
  type ParcelState,
  WENZHOU_FRAME,
  wenzhouMapView,
} from '@pgs/domain';
import type { WenzhouMap } from '../targets.api.ts';

/** One colour per life stage (the same hues as the ledger's tags). */
export const PARCEL_STAGE_COLORS: Record<ParcelState, string> = {
  approved: '#1677ff',
  supplied: '#faad14',
  started: '#13c2c2',
  completed: '#52c41a',
  vacated: '#722ed1',
  reused: '#2f54eb',
  recovered: '#eb2f96',
};

export const IDLE_LABELS = { normal: '正常', idle: '闲置', recovery: '可收回' } as const;

export type MapLayer = 'projects' | 'parcels';
/** Open on the points drawn (zoomed in) or on the whole city. */
export type MapView = 'points' | 'city';
type ParcelPoint = WenzhouMap['parcels']['points'][number];

// The answer's status is a plain string: an unknown one is shown as it came rather than as blank.
const statusLabels: Record<string, string | undefined> = PROJECT_STATUS_LABELS;

export const stageText = (stages: WenzhouMap['platforms'][number]['stages']) =>
  stages.map((s) => `${statusLabels[s.status] ?? s.status} ${s.count}`).join('，');

export const muText = (area: string) => `${Number(area).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亩`;

/** What the tooltip of a parcel says: code, area, stage, idle status and due flag. */
export function parcelTooltip(p: ParcelPoint, withinDays: number): string {
  const lines = [
    `地块 ${p.code}`,
    `面积：${muText(p.area)}`,
    `阶段：${PARCEL_STATE_LABELS[p.state]}`,
    `闲置认定：${IDLE_LABELS[p.idle]}`,
    ...(p.due ? [`到期提醒：${p.due === 'past' ? '有期限已过' : `${withinDays} 天内有期限到期`}`] : []),
    '点击打开地块页',
  ];
  return lines.join('<br/>');
}

type TooltipParams = {
  seriesType: string;
  name: string;
  data?: { stages?: string; projects?: number; parcel?: ParcelPoint };
};

/** The life stages the map's parcels are in, in the stages' order (one legend entry and one series each). */
export function parcelStagesOf(data: WenzhouMap): ParcelState[] {
  return PARCEL_STATES.filter((state) => data.parcels.points.some((p) => p.state === state));
}

/**
 * The Wenzhou map's ECharts option: the districts, the platforms with their projects by stage, and the parcels by
 * life stage (one series per stage, so the legend toggles a stage), in the domain's fixed frame (WENZHOU_FRAME).
 */
export function wenzhouMapOption(data: WenzhouMap, layers: readonly MapLayer[], view: MapView) {
  const showParcels = layers.includes('parcels');
  const stages = parcelStagesOf(data);
  const parcelSeries = stages.map((state) => ({
    name: PARCEL_STATE_LABELS[state],
    type: 'scatter',
    coordinateSystem: 'geo',
    // Idle parcels are drawn larger with a red ring, so they stand out at a glance.
    symbolSize: (_: unknown, params: { data: { parcel: ParcelPoint } }) =>
      params.data.parcel.idle === 'normal' ? 8 : 12,
    itemStyle: { color: PARCEL_STAGE_COLORS[state], opacity: 0.85 },
    emphasis: { scale: 1.6 },
    data: data.parcels.points
      .filter((p) => p.state === state)
      .map((p) => ({
        name: p.code,
        value: p.point,
        parcel: p,
        itemStyle: p.idle === 'normal' ? {} : { borderColor: '#f5222d', borderWidth: 2 },
      })),
  }));
  const projectSeries = {
    name: '平台（项目）',
    type: 'effectScatter',
    coordinateSystem: 'geo',
    symbolSize: (value: number[]) => 12 + Math.min(24, (value[2] ?? 0) / 2),
    itemStyle: { color: '#fa541c' },
    label: { show: true, formatter: '{b}', position: 'right', fontWeight: 'bold' },
    z: 3,
    data: data.platforms.map((p) => ({
      name: p.name,
      value: [...p.point, p.projects],
      projects: p.projects,
      stages: stageText(p.stages),
    })),
  };
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: TooltipParams) => {
        if (params.data?.parcel) return parcelTooltip(params.data.parcel, data.parcels.withinDays);
        if (params.seriesType === 'effectScatter')
          return `${params.name}：${params.data?.projects ?? 0} 个项目<br/>${params.data?.stages ?? ''}`;
        return params.name;
      },
    },
    legend: showParcels ? { data: stages.map((s) => PARCEL_STATE_LABELS[s]), bottom: 0, left: 'center' } : undefined,
    geo: {
      map: '温州',
      roam: true,
      boundingCoords: WENZHOU_FRAME.bounds,
      aspectScale: WENZHOU_FRAME.aspectScale,
      layoutCenter: ['50%', '50%'],
      layoutSize: `${WENZHOU_FRAME.size * 100}%`,
      ...(view === 'points'
        ? wenzhouMapView([...data.platforms.map((p) => p.point), ...data.parcels.points.map((p) => p.point)])
        : {}),
      label: { show: true, fontSize: 11, color: '#555' },
      itemStyle: { areaColor: '#f0f5ff', borderColor: '#8c8c8c' },
    },
    series: [...(showParcels ? parcelSeries : []), ...(layers.includes('projects') ? [projectSeries] : [])],
  };
}

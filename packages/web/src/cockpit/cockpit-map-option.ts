import type { CockpitView } from '@pgs/domain/cockpit/cockpit.contract';
import type { WenzhouMap } from '../targets/targets.api.ts';
import { wenzhouMapOption } from '../targets/maps/wenzhou-map-option.ts';

type Platform = WenzhouMap['platforms'][number];
type Figures = CockpitView['platforms'][number]['figures'];

const shortName = (name: string) => name.replace(/产业集聚区|（.*）|\(.*\)/g, '');
const wan = (text: string) => Number(text).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** Parcels of the platform the clock finds idle or recoverable as of today (the map's own answer). */
export function idleParcels(map: WenzhouMap, platformKey: string): number {
  return map.parcels.points.filter((p) => p.platformKey === platformKey && p.idle !== 'normal').length;
}

/** What hovering a platform on the cockpit's map says: its key figures from the cockpit, as of the cockpit's day. */
export function platformTooltip(name: string, figures: Figures, idle: number, asOf: string): string {
  const { landed, pipeline, land, renewal } = figures;
  const task = landed.task === null ? '未设任务' : `任务 ${wan(landed.task)} 个`;
  const share = landed.taskShare === null ? '' : `，完成 ${(Number(landed.taskShare) * 100).toFixed(1)}%`;
  return [
    `<b>${name}</b>（截至 ${asOf}）`,
    `本年落地计数：${wan(landed.credit)} 个（${task}${share}）${landed.behind ? ' <span style="color:#cf1322">明显滞后</span>' : ''}`,
    `在谈在库项目：${pipeline.openCount} 个，总投资 ${wan(pipeline.openInvestment)} 万元`,
    `20亿元以上落地项目：${landed.large.length} 个`,
    `批而未供：${land.approvedNotSupplied.count} 宗；供而未用：${land.suppliedNotUsed.count} 宗`,
    `闲置或可收回地块：${idle} 宗`,
    `更新案件逾期：${renewal.overdue} 件`,
    '点击切换到该平台',
  ].join('<br/>');
}

type TooltipParams = { seriesName?: string; data?: { platformKey?: string } };

/**
 * The cockpit's Wenzhou map: the land map's districts and parcels (wenzhou-map-option.ts, same frame and colours),
 * and the three platforms sized by their landed credit, the chosen one ringed, each hover giving the cockpit's key
 * figures. A platform the cockpit does not show (another platform's user) is left off.
 */
export function cockpitMapOption(map: WenzhouMap, view: CockpitView, chosen: string, withParcels: boolean) {
  const base = wenzhouMapOption(map, withParcels ? ['parcels'] : [], 'points');
  const figuresOf = new Map(view.platforms.map((p) => [p.platformKey as string, p]));
  const shown = map.platforms.filter((p) => figuresOf.has(p.platformKey));
  const baseFormatter = base.tooltip.formatter;
  const tooltipOf = (platform: Platform) => {
    const cockpit = figuresOf.get(platform.platformKey)!;
    return platformTooltip(cockpit.platformName, cockpit.figures, idleParcels(map, platform.platformKey), view.asOf);
  };
  const platforms = {
    name: '三大平台',
    // A still dot, not the land map's rippling one: a wall screen shows the cockpit for hours, and the ripple repaints
    // the whole map canvas every frame (on a busy machine the page's date input stopped taking typed dates).
    type: 'scatter',
    coordinateSystem: 'geo',
    symbolSize: (value: number[]) => 16 + Math.min(20, (value[2] ?? 0) * 2),
    itemStyle: { color: '#fa541c' },
    label: { show: true, formatter: (p: { name: string }) => shortName(p.name), position: 'right', fontWeight: 'bold' },
    z: 4,
    data: shown.map((p) => {
      const credit = Number(figuresOf.get(p.platformKey)!.figures.landed.credit);
      return {
        name: p.name,
        platformKey: p.platformKey,
        value: [...p.point, credit],
        itemStyle:
          chosen === p.platformKey
            ? { color: '#cf1322', borderColor: '#ffd666', borderWidth: 3 }
            : { color: '#fa541c' },
      };
    }),
  };
  return {
    ...base,
    // The stage key is drawn under the map, outside the canvas (CockpitMap.tsx): inside, at the bottom, it covered the
    // southern districts' names (平阳县), in full screen too.
    legend: { show: false },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: TooltipParams & Parameters<typeof baseFormatter>[0]) => {
        const platform = shown.find((p) => p.platformKey === params.data?.platformKey);
        return platform ? tooltipOf(platform) : baseFormatter(params);
      },
    },
    series: [...base.series, platforms],
  };
}

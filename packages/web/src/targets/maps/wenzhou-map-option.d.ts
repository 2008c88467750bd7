import { type ParcelState } from '@pgs/domain';
import type { WenzhouMap } from '../targets.api.ts';
/**
 * The Wenzhou map's ECharts option: the districts, the platforms with their projects by stage, and the parcels by
 * life stage (one series per stage, so the legend toggles a stage). The frame is fixed (bounds of the districts file,
 * centre and size) so a point's place on the canvas follows from its longitude and latitude alone.
 */
export declare const WENZHOU_FRAME: {
  /** [[west, north], [east, south]] of wenzhou-districts.geojson. */
  bounds: [[number, number], [number, number]];
  /** cos 28°: one degree of longitude at Wenzhou's latitude is 0.88 of a degree of latitude on the ground. */
  aspectScale: number;
  /** Share of min(width, height) the map takes, centred in the chart. */
  size: number;
};
/** One colour per life stage (the same hues as the ledger's tags). */
export declare const PARCEL_STAGE_COLORS: Record<ParcelState, string>;
export declare const IDLE_LABELS: {
  readonly normal: '正常';
  readonly idle: '闲置';
  readonly recovery: '可收回';
};
export type MapLayer = 'projects' | 'parcels';
type ParcelPoint = WenzhouMap['parcels']['points'][number];
export declare const stageText: (stages: WenzhouMap['platforms'][number]['stages']) => string;
export declare const muText: (area: string) => string;
/** What the tooltip of a parcel says: code, area, stage, idle status and due flag. */
export declare function parcelTooltip(p: ParcelPoint): string;
type TooltipParams = {
  seriesType: string;
  name: string;
  data?: {
    stages?: string;
    projects?: number;
    parcel?: ParcelPoint;
  };
};
export declare function wenzhouMapOption(
  data: WenzhouMap,
  layers: readonly MapLayer[],
): {
  tooltip: {
    trigger: string;
    formatter: (params: TooltipParams) => string;
  };
  legend:
    | {
        data: string[];
        bottom: number;
        left: string;
      }
    | undefined;
  geo: {
    map: string;
    roam: boolean;
    boundingCoords: [[number, number], [number, number]];
    aspectScale: number;
    layoutCenter: string[];
    layoutSize: string;
    label: {
      show: boolean;
      fontSize: number;
      color: string;
    };
    itemStyle: {
      areaColor: string;
      borderColor: string;
    };
  };
  series: (
    | {
        name: string;
        type: string;
        coordinateSystem: string;
        symbolSize: (
          _: unknown,
          params: {
            data: {
              parcel: ParcelPoint;
            };
          },
        ) => 12 | 8;
        itemStyle: {
          color: string;
          opacity: number;
        };
        emphasis: {
          scale: number;
        };
        data: {
          name: string;
          value: [number, number];
          parcel: {
            id: number;
            code: string;
            platformKey: string;
            point: [number, number];
            area: string;
            state: 'vacated' | 'supplied' | 'started' | 'reused' | 'recovered' | 'completed' | 'approved';
            idle: 'idle' | 'normal' | 'recovery';
            due: 'upcoming' | 'past' | null;
          };
          itemStyle:
            | {
                borderColor?: undefined;
                borderWidth?: undefined;
              }
            | {
                borderColor: string;
                borderWidth: number;
              };
        }[];
      }
    | {
        name: string;
        type: string;
        coordinateSystem: string;
        symbolSize: (value: number[]) => number;
        itemStyle: {
          color: string;
        };
        label: {
          show: boolean;
          formatter: string;
          position: string;
          fontWeight: string;
        };
        z: number;
        data: {
          name: string;
          value: number[];
          projects: number;
          stages: string;
        }[];
      }
  )[];
};
export {};

import type { Locator, Page } from 'playwright-core';
import { WENZHOU_FRAME, wenzhouMapView } from '@pgs/domain';

export type WenzhouMapJson = {
  platforms: Array<{
    platformKey: string;
    name: string;
    point: [number, number];
    parcels: number;
    unlocatedParcels: number;
  }>;
  parcels: {
    points: Array<{ id: number; code: string; platformKey: string; point: [number, number]; idle: string }>;
    unlocated: number;
  };
};

/**
 * Moves the mouse onto a point of a Wenzhou map (a parcel, a platform) and answers its tooltip, the div holding
 * `text`. The map's frame is fixed (WENZHOU_FRAME: bounds, aspect, centre and size) and its opening view follows from
 * the points (wenzhouMapView), so the point's pixel follows from its longitude and latitude as ECharts lays a geo out;
 * a few pixels around it are tried in case of rounding.
 */
export async function hoverOnWenzhouMap(
  page: Page,
  chartTestId: string,
  point: [number, number],
  map: WenzhouMapJson,
  text: string,
): Promise<Locator> {
  const chart = page.getByTestId(chartTestId);
  const box = (await chart.boundingBox())!;
  const [[west, north], [east, south]] = WENZHOU_FRAME.bounds;
  const aspect = ((east - west) / (north - south)) * WENZHOU_FRAME.aspectScale;
  const size = WENZHOU_FRAME.size * Math.min(box.width, box.height);
  const [width, height] = aspect > 1 ? [size, size / aspect] : [size * aspect, size];
  // The map opens centred on the points drawn and zoomed (wenzhouMapView): the centre lands mid-chart.
  const { center, zoom } = wenzhouMapView([
    ...map.platforms.map((p) => p.point),
    ...map.parcels.points.map((p) => p.point),
  ]);
  const x = box.x + box.width / 2 + ((point[0] - center[0]) / (east - west)) * width * zoom;
  const y = box.y + box.height / 2 + ((center[1] - point[1]) / (north - south)) * height * zoom;
  const tooltip = chart.locator('div').filter({ hasText: text }).last();
  for (const [dx, dy] of [
    [0, 0],
    [2, 0],
    [-2, 0],
    [0, 2],
    [0, -2],
    [3, 3],
    [-3, -3],
    [3, -3],
    [-3, 3],
  ] as const) {
    await page.mouse.move(x + dx, y + dy);
    const shown = await tooltip.waitFor({ state: 'visible', timeout: 700 }).then(
      () => true,
      () => false,
    );
    if (shown) return tooltip;
  }
  throw new Error(`“${text}”的提示框没有出现`);
}

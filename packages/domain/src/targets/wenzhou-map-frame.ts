/**
 * The Wenzhou investment map's fixed frame (issue #13): the bounds of the districts drawn, the aspect and the share of
 * the chart the map takes, centred. With a fixed frame a point's place on the chart follows from its longitude and
 * latitude alone, the same for the page that draws it and for the browser test that points at a parcel.
 */
export const WENZHOU_FRAME = {
  /** [[west, north], [east, south]] of packages/web/src/targets/maps/wenzhou-districts.geojson. */
  bounds: [
    [119.6259765625, 28.6123046875],
    [121.2734375, 27.0419921875],
  ] as [[number, number], [number, number]],
  /** cos 28°: one degree of longitude at Wenzhou's latitude is 0.88 of a degree of latitude on the ground. */
  aspectScale: 0.88,
  /** Share of min(width, height) the map takes, centred in the chart (the stage legend sits below it). */
  size: 0.88,
};

/**
 * Where the map opens: centred on the points drawn (platforms and parcels) and zoomed so they fill about 60 % of the
 * frame, between the whole city (1) and street level (6). The demo parcels lie within a few kilometres of each
 * other; at the whole city's scale they would be one blot.
 */
export function wenzhouMapView(points: ReadonlyArray<readonly [number, number]>): {
  center: [number, number];
  zoom: number;
} {
  const [[west, north], [east, south]] = WENZHOU_FRAME.bounds;
  if (points.length === 0) return { center: [(west + east) / 2, (north + south) / 2], zoom: 1 };
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const fill = 0.6;
  const zoom = Math.min(
    ((east - west) * fill) / Math.max(maxLng - minLng, 1e-6),
    ((north - south) * fill) / Math.max(maxLat - minLat, 1e-6),
  );
  return {
    center: [(minLng + maxLng) / 2, (minLat + maxLat) / 2],
    zoom: Math.round(Math.min(6, Math.max(1, zoom)) * 100) / 100,
  };
}

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

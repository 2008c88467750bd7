import { describe, expect, it } from 'vitest';
import { WENZHOU_FRAME, wenzhouMapView } from './wenzhou-map-frame.ts';

describe('where the Wenzhou map opens (issue #13)', () => {
  it('with nothing to show, the whole city at zoom 1', () => {
    const [[west, north], [east, south]] = WENZHOU_FRAME.bounds;
    expect(wenzhouMapView([])).toEqual({ center: [(west + east) / 2, (north + south) / 2], zoom: 1 });
  });

  it('centres on the points and zooms so they fill 60 % of the frame', () => {
    // 0.2° of longitude and 0.1° of latitude: longitude decides (1.6474609375 × 0.6 / 0.2 = 4.94).
    const view = wenzhouMapView([
      [120.7, 27.9],
      [120.9, 28.0],
    ]);
    expect(view.center[0]).toBeCloseTo(120.8, 9);
    expect(view.center[1]).toBeCloseTo(27.95, 9);
    expect(view.zoom).toBe(4.94);
  });

  it('never zooms past 6 (one point) nor out past the whole city (points at its corners)', () => {
    expect(wenzhouMapView([[120.8, 27.9]]).zoom).toBe(6);
    expect(wenzhouMapView(WENZHOU_FRAME.bounds).zoom).toBe(1);
  });
});

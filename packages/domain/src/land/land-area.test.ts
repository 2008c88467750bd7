import { describe, expect, it } from 'vitest';
import { checkBoundary, parcelAreaInMu } from './land-area.ts';

/** A square of about `side` metres near Wenzhou (latitude 28°). */
function square(sideM: number) {
  const dLat = sideM / 111_320;
  const dLng = sideM / (111_320 * Math.cos((28 * Math.PI) / 180));
  const [lng, lat] = [120.7, 28.0];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + dLng, lat],
        [lng + dLng, lat + dLat],
        [lng, lat + dLat],
        [lng, lat],
      ],
    ],
  };
}

describe('D5 parcel area', () => {
  it('m² converted exactly: 10000 m² = 15 亩, 666.666… m² → 1 亩 exactly', () => {
    expect(parcelAreaInMu({ areaM2: '10000' })).toEqual({ mu: expect.objectContaining({}) });
    const r = parcelAreaInMu({ areaM2: '10000' });
    expect('mu' in r && r.mu.toString()).toBe('15');
    const one = parcelAreaInMu({ areaM2: '20000' });
    expect('mu' in one && one.mu.toString()).toBe('30');
  });
  it('zero, negative, both or neither are refused', () => {
    expect(parcelAreaInMu({ area: '0' })).toHaveProperty('problem');
    expect(parcelAreaInMu({ area: '-1' })).toHaveProperty('problem');
    expect(parcelAreaInMu({ area: '1', areaM2: '1' })).toHaveProperty('problem');
    expect(parcelAreaInMu({})).toHaveProperty('problem');
  });
});

describe('GeoJSON boundary against the declared area', () => {
  // 200 m × 200 m = 40 000 m² = 60 亩
  const boundary = square(200);
  it('a square of 40 000 m² fits 60 亩', () => {
    const check = checkBoundary(boundary, '60', '0.05');
    expect(check.ok).toBe(true);
    expect(Math.abs(Number(check.computedMu) - 60)).toBeLessThan(0.6);
  });
  it('within 5 %: 57.5 亩 declared passes, 55 亩 does not', () => {
    expect(checkBoundary(boundary, '57.5', '0.05').ok).toBe(true);
    const far = checkBoundary(boundary, '55', '0.05');
    expect(far.ok).toBe(false);
    expect(!far.ok && far.problem).toMatch(/相差超过 5%/);
  });
  it('a Feature wrapping the polygon is read', () => {
    expect(checkBoundary({ type: 'Feature', properties: {}, geometry: boundary }, '60', '0.05').ok).toBe(true);
  });
  it('not a polygon: a point, an open ring, text', () => {
    expect(checkBoundary({ type: 'Point', coordinates: [120, 28] }, '60', '0.05').ok).toBe(false);
    expect(
      checkBoundary(
        {
          type: 'Polygon',
          coordinates: [
            [
              [120, 28],
              [120.1, 28],
              [120.1, 28.1],
            ],
          ],
        },
        '60',
        '0.05',
      ).ok,
    ).toBe(false);
    expect(checkBoundary('polygon', '60', '0.05').ok).toBe(false);
    expect(
      checkBoundary(
        {
          type: 'Polygon',
          coordinates: [
            [
              [500, 28],
              [120.1, 28],
              [120.1, 28.1],
              [500, 28],
            ],
          ],
        },
        '60',
        '0.05',
      ).ok,
    ).toBe(false);
  });
});

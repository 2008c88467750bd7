import { describe, expect, it } from 'vitest';
import { matchParcels, type MatchParcel } from './parcel-match.ts';
import { DEFAULT_LAND_SETTINGS as S } from './parcel-settings.ts';

const names = { zhenan: '浙南产业集聚区', hitech: '温州高新区', oujiangkou: '瓯江口产业集聚区' };
const parcel = (id: number, over: Partial<MatchParcel> = {}): MatchParcel => ({
  id,
  code: `P${id}`,
  platformKey: 'zhenan',
  state: 'approved',
  area: '100',
  landPrice: null,
  ...over,
});
const project = { platformKey: 'zhenan', landMu: '100', fixedAssetInvestment: '40000' };

describe('parcels for a project (R2.1, R2.5)', () => {
  it('area within ±20 % inclusive: 80 and 120 fit, 79.99 and 120.01 do not', () => {
    const result = matchParcels(
      project,
      [
        parcel(1, { area: '80' }),
        parcel(2, { area: '120' }),
        parcel(3, { area: '79.99' }),
        parcel(4, { area: '120.01' }),
      ],
      new Set(['zhenan']),
      names,
      S,
    );
    expect(result.matches.map((m) => m.parcelId).sort()).toEqual([1, 2]);
  });
  it('ranked by closeness of area, with reasons', () => {
    const result = matchParcels(
      project,
      [parcel(1, { area: '85' }), parcel(2, { area: '101' })],
      new Set(['zhenan']),
      names,
      S,
    );
    expect(result.matches.map((m) => m.parcelId)).toEqual([2, 1]);
    expect(result.matches[0]!.reasons[0]).toMatch(/鼓励类/);
  });
  it('only where the industry is encouraged, only available parcels', () => {
    const result = matchParcels(
      project,
      [parcel(1, { state: 'supplied' }), parcel(2, { platformKey: 'hitech' }), parcel(3, { state: 'vacated' })],
      new Set(['zhenan']),
      names,
      S,
    );
    expect(result.matches.map((m) => m.parcelId)).toEqual([3]);
  });
  it('R2.1 intensity when the land price is known: 40000 on 114.28 亩 is above 350, on exactly 40000/350 is not', () => {
    const result = matchParcels(
      project,
      [
        parcel(1, { area: '114.28', landPrice: '5000' }),
        parcel(2, { area: '114.285714', landPrice: '1' }),
        parcel(3, { area: '115', landPrice: '1' }),
      ],
      new Set(['zhenan']),
      names,
      S,
    );
    // 40000 > 350 × 114.285714 = 39999.9999 → passes; 350 × 115 = 40250 → fails.
    expect(result.matches.map((m) => m.parcelId).sort()).toEqual([1, 2]);
    // 高于 is strict: 35000 on exactly 100 亩 is 350 万元/亩, not above; on 99.999 亩 it is.
    const edge = matchParcels(
      { ...project, fixedAssetInvestment: '35000' },
      [parcel(8, { area: '100', landPrice: '1' }), parcel(9, { area: '99.999', landPrice: '1' })],
      new Set(['zhenan']),
      names,
      S,
    );
    expect(edge.matches.map((m) => m.parcelId)).toEqual([9]);
  });
  it('no fitting parcel on the first-negotiation platform: the others are offered for circulation', () => {
    const result = matchParcels(
      project,
      [parcel(1, { platformKey: 'hitech' })],
      new Set(['zhenan', 'hitech']),
      names,
      S,
    );
    expect(result.circulationSuggestion).toEqual(['hitech']);
    expect(result.matches[0]).toMatchObject({ circulation: true });
    expect(result.matches[0]!.reasons.at(-1)).toMatch(/流转/);
  });
  it('a landless project needs no parcel', () => {
    expect(matchParcels({ ...project, landMu: null }, [parcel(1)], new Set(['zhenan']), names, S).note).toMatch(
      /没有独立用地/,
    );
  });
});

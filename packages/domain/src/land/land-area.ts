import Decimal from 'decimal.js';
import area from '@turf/area';
import { squareMetresToMu } from '../projects/land.ts';
import { parseFraction } from './land-decimal.ts';

/** D5: a parcel's area in 亩, or in m² converted exactly (1 亩 = 10000/15 m²); zero or negative is refused. */
export function parcelAreaInMu(input: {
  area?: string | null;
  areaM2?: string | null;
}): { mu: Decimal } | { problem: string } {
  const hasMu = input.area != null;
  const hasM2 = input.areaM2 != null;
  if (hasMu && hasM2) return { problem: '面积请只填一种单位：亩或平方米' };
  if (!hasMu && !hasM2) return { problem: '请填写地块面积（亩或平方米）' };
  const raw = new Decimal((hasMu ? input.area : input.areaM2)!);
  if (!raw.isFinite() || raw.lte(0)) return { problem: '地块面积必须大于 0' };
  return { mu: hasMu ? raw : squareMetresToMu(raw) };
}

export type BoundaryCheck = { ok: true; computedMu: string } | { ok: false; problem: string; computedMu?: string };

type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function isRing(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 4 || !value.every(isPosition)) return false;
  const first = value[0] as Position;
  const last = value.at(-1) as Position;
  return first[0] === last[0] && first[1] === last[1];
}

/** The polygon geometry inside a GeoJSON value (a Polygon, MultiPolygon, or a Feature of one), or null. */
function polygonOf(value: unknown): { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  if (v.type === 'Feature') return polygonOf(v.geometry);
  if (v.type === 'Polygon' && Array.isArray(v.coordinates) && v.coordinates.length > 0 && v.coordinates.every(isRing))
    return { type: 'Polygon', coordinates: v.coordinates };
  if (
    v.type === 'MultiPolygon' &&
    Array.isArray(v.coordinates) &&
    v.coordinates.length > 0 &&
    v.coordinates.every((p) => Array.isArray(p) && p.length > 0 && p.every(isRing))
  )
    return { type: 'MultiPolygon', coordinates: v.coordinates };
  return null;
}

/**
 * A parcel's boundary (GeoJSON, longitude/latitude) against its declared area: the polygon's geodesic area is
 * computed by @turf/area in m², converted to 亩, and may differ from the declared 亩 by at most `tolerance`
 * (a fraction of the declared area, default 5 %). The comparison is exact on the rounded-to-0.01 m² figure.
 */
export function checkBoundary(boundary: unknown, declaredMu: Decimal.Value, tolerance: string): BoundaryCheck {
  const polygon = polygonOf(boundary);
  if (!polygon)
    return {
      ok: false,
      problem: '地块边界必须是 GeoJSON 多边形（Polygon 或 MultiPolygon，经纬度坐标，每个环首尾相同且至少 4 个点）',
    };
  const m2 = new Decimal(area(polygon as Parameters<typeof area>[0]).toFixed(2));
  const computed = squareMetresToMu(m2);
  const computedMu = computed.toDecimalPlaces(2).toFixed(2);
  const declared = new Decimal(declaredMu);
  const { numerator, denominator } = parseFraction(tolerance);
  // |computed − declared| ≤ tolerance × declared, without dividing (D1).
  if (computed.minus(declared).abs().times(denominator).gt(declared.times(numerator)))
    return {
      ok: false,
      computedMu,
      problem: `地块边界围成的面积约 ${computedMu} 亩，与填写的面积 ${declared.toString()} 亩相差超过 ${new Decimal(numerator).dividedBy(denominator).times(100).toDecimalPlaces(2).toString()}%，请核对边界或面积`,
    };
  return { ok: true, computedMu };
}

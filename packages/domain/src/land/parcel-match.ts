import Decimal from 'decimal.js';
import { parseFraction } from './land-decimal.ts';
import type { ParcelState } from './parcel-lifecycle.ts';
import type { LandSettings } from './parcel-settings.ts';

export type MatchProject = {
  /** The first-negotiation platform (首谈地). */
  platformKey: string;
  landMu: string | null;
  fixedAssetInvestment: string;
};

export type MatchParcel = {
  id: number;
  code: string;
  platformKey: string;
  state: ParcelState;
  area: string;
  landPrice: string | null;
};

export type ParcelMatch = {
  parcelId: number;
  code: string;
  platformKey: string;
  area: string;
  /** |parcel − project| ÷ project area, for ranking (closest first). */
  areaGap: string;
  intensity: string | null;
  /** R2.5: offered on another platform because the first-negotiation platform has no fitting parcel. */
  circulation: boolean;
  reasons: string[];
};

export type MatchResult = {
  matches: ParcelMatch[];
  /** R2.5: the platforms that have fitting parcels when the first-negotiation platform has none. */
  circulationSuggestion: string[];
  /** Why nothing could be matched at all (a landless project). */
  note: string | null;
};

const AVAILABLE: readonly ParcelState[] = ['approved', 'recovered', 'vacated'];

/**
 * Parcels for a project: available parcels on a platform where the project's industry is `encouraged`, whose area
 * is within ± tolerance of the project's land (inclusive), and on which the R2.1 intensity — fixed-asset investment
 * ÷ the parcel's area — is still strictly above the threshold when the parcel's land price is known. Ranked by how
 * close the area is, then by code. All comparisons exact (D1).
 */
export function matchParcels(
  project: MatchProject,
  parcels: MatchParcel[],
  encouragedOn: ReadonlySet<string>,
  platformNames: Record<string, string>,
  settings: LandSettings,
): MatchResult {
  if (project.landMu === null)
    return { matches: [], circulationSuggestion: [], note: '该项目没有独立用地（如租用厂房），无需匹配地块' };
  const landMu = new Decimal(project.landMu);
  const tolerance = parseFraction(settings.matchAreaTolerance);
  const threshold = new Decimal(settings.intensityThreshold);
  const fai = new Decimal(project.fixedAssetInvestment);
  const matches: ParcelMatch[] = [];
  for (const parcel of parcels) {
    if (!AVAILABLE.includes(parcel.state)) continue;
    if (!encouragedOn.has(parcel.platformKey)) continue;
    const area = new Decimal(parcel.area);
    const gap = area.minus(landMu).abs();
    // |gap| ≤ tolerance × landMu, as gap × d ≤ n × landMu.
    if (gap.times(tolerance.denominator).gt(landMu.times(tolerance.numerator))) continue;
    const reasons = [
      `项目所属行业在${platformNames[parcel.platformKey] ?? parcel.platformKey}的产业准入目录中为鼓励类`,
      `地块面积 ${area.toString()} 亩，项目用地 ${landMu.toString()} 亩，相差 ${gap.dividedBy(landMu).times(100).toDecimalPlaces(1).toString()}%（容差 ±${tolerance.numerator.dividedBy(tolerance.denominator).times(100).toDecimalPlaces(1).toString()}%）`,
    ];
    let intensity: string | null = null;
    if (parcel.landPrice !== null) {
      if (!fai.gt(threshold.times(area))) continue;
      intensity = fai.dividedBy(area).toDecimalPlaces(2).toString();
      reasons.push(
        `在该地块上投资强度 = 固定资产投资 ${fai.toString()} 万元 ÷ ${area.toString()} 亩 = ${intensity} 万元/亩，高于 ${threshold.toString()} 万元/亩`,
      );
    } else reasons.push('地块地价未定，投资强度待供地时核算');
    matches.push({
      parcelId: parcel.id,
      code: parcel.code,
      platformKey: parcel.platformKey,
      area: parcel.area,
      areaGap: gap.dividedBy(landMu).toDecimalPlaces(6).toString(),
      intensity,
      circulation: false,
      reasons,
    });
  }
  matches.sort((a, b) => new Decimal(a.areaGap).comparedTo(new Decimal(b.areaGap)) || a.code.localeCompare(b.code));
  // The first-negotiation platform's own parcels when it has any; otherwise (R2.5) the other platforms' parcels,
  // each marked as a circulation suggestion.
  const home = matches.filter((m) => m.platformKey === project.platformKey);
  if (home.length > 0) return { matches: home, circulationSuggestion: [], note: null };
  const suggested = matches.map((m) => ({
    ...m,
    circulation: true,
    reasons: [
      ...m.reasons,
      `首谈地${platformNames[project.platformKey] ?? project.platformKey}没有合适地块，建议按流转程序协调至${platformNames[m.platformKey] ?? m.platformKey}`,
    ],
  }));
  return { matches: suggested, circulationSuggestion: [...new Set(suggested.map((m) => m.platformKey))], note: null };
}

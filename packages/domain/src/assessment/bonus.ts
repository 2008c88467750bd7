import Decimal from 'decimal.js';
import type { PlatformKey } from '../platform/platforms.ts';

/** R4.3 / D25: 20亿元（含）以上 — 200 000 万元 counts, 199 999.99 does not. */
export const BONUS_MIN_TOTAL_INVESTMENT = '200000';
/** D25: GB/T 4754 门类 C 制造业 is 大类 13–43. */
const MANUFACTURING_DIVISIONS = { from: 13, to: 43 } as const;

export function isManufacturing(industryCode: string): boolean {
  if (!/^\d{2,4}$/.test(industryCode)) return industryCode.toUpperCase() === 'C';
  const division = Number(industryCode.slice(0, 2));
  return division >= MANUFACTURING_DIVISIONS.from && division <= MANUFACTURING_DIVISIONS.to;
}

export type BonusCandidate = {
  id: number;
  name: string;
  status: string;
  industryCode: string;
  /** 万元, exact decimal text. */
  totalInvestment: string;
  landedOn: string | null;
  /** The platform holding it now (after a circulation, the registration place). */
  platformKey: string;
  circulation: { fromPlatformKey: string; toPlatformKey: string; firstPlaceShare: number; hostShare: number } | null;
  /** Whether the industry is `encouraged` in each credited platform's catalog (by the landing day). */
  encouragedIn: Partial<Record<string, boolean>>;
};

export type BonusProject = { id: number; name: string; totalInvestment: string; share: number; points: number };
export type PlatformBonus = { points: number; projects: BonusProject[] };
export type BonusExclusion = { id: number; name: string; platformKey: string; reason: string };

/** The platforms a project credits and their shares (R2.5: a circulated project counts for both sides). */
function creditedShares(project: BonusCandidate): Array<{ platformKey: string; share: number }> {
  const move = project.circulation;
  if (!move) return [{ platformKey: project.platformKey, share: 1 }];
  return [
    { platformKey: move.fromPlatformKey, share: move.firstPlaceShare },
    { platformKey: move.toPlatformKey, share: move.hostShare },
  ];
}

/**
 * R4.3 / D25: each new single manufacturing project (门类 C = 大类 13–43) `landed` with its landing date in the year
 * (and on or before `asOf`), `encouraged` in the credited platform's catalog, with total investment ≥ 200 000 万元,
 * adds `pointsPerProject` with NO cap; a circulated project adds its share of the points to each side.
 */
export function bonusPoints(input: {
  year: number;
  asOf: string;
  pointsPerProject: number;
  platformKeys: readonly PlatformKey[];
  projects: readonly BonusCandidate[];
}): { byPlatform: Record<string, PlatformBonus>; excluded: BonusExclusion[] } {
  const byPlatform: Record<string, { points: Decimal; projects: BonusProject[] }> = {};
  for (const key of input.platformKeys) byPlatform[key] = { points: new Decimal(0), projects: [] };
  const excluded: BonusExclusion[] = [];
  for (const project of input.projects) {
    const skip = (reason: string) =>
      excluded.push({ id: project.id, name: project.name, platformKey: project.platformKey, reason });
    if (project.status !== 'landed' || !project.landedOn) continue;
    if (Number(project.landedOn.slice(0, 4)) !== input.year || project.landedOn > input.asOf) continue;
    if (!isManufacturing(project.industryCode)) {
      skip(`行业代码 ${project.industryCode} 不属于制造业（门类 C，大类 13–43）`);
      continue;
    }
    if (new Decimal(project.totalInvestment).lt(BONUS_MIN_TOTAL_INVESTMENT)) {
      skip(`总投资 ${project.totalInvestment} 万元，不足 20 亿元`);
      continue;
    }
    for (const { platformKey, share } of creditedShares(project)) {
      const bonus = byPlatform[platformKey];
      if (!bonus) continue;
      if (!project.encouragedIn[platformKey]) {
        skip(`行业在该平台产业准入目录中不属鼓励类，不加分`);
        continue;
      }
      const points = new Decimal(share).times(input.pointsPerProject);
      bonus.points = bonus.points.plus(points);
      bonus.projects.push({
        id: project.id,
        name: project.name,
        totalInvestment: project.totalInvestment,
        share,
        points: points.toNumber(),
      });
    }
  }
  return {
    byPlatform: Object.fromEntries(
      Object.entries(byPlatform).map(([key, bonus]) => [
        key,
        { points: bonus.points.toNumber(), projects: bonus.projects },
      ]),
    ),
    excluded,
  };
}

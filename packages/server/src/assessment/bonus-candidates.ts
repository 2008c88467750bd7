import Decimal from 'decimal.js';
import type { BonusCandidate } from '@pgs/domain';
import { isPlatformKey } from '@pgs/domain';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { classify } from '../catalog/catalog.service.ts';
import type { FigureContext } from './figure-source.ts';
import { allProjects } from './sources/project-figures.ts';

/**
 * R4.3 / D25 candidates: projects landed in the year by the assessment day, each with whether its industry is
 * `encouraged` in the catalog in force on its landing day of every platform it credits (R2.5: both sides).
 */
export async function bonusCandidates(context: FigureContext): Promise<BonusCandidate[]> {
  const landed = (await allProjects(context)).filter(
    (p) => p.status === 'landed' && p.landedOn?.startsWith(`${context.year}-`) && p.landedOn <= context.asOf,
  );
  const candidates: BonusCandidate[] = [];
  for (const p of landed) {
    const credited = p.circulation ? [p.circulation.fromPlatformKey, p.circulation.toPlatformKey] : [p.platformKey];
    const encouragedIn: Record<string, boolean> = {};
    for (const key of credited) {
      if (!isPlatformKey(key)) continue;
      encouragedIn[key] = await context.once(`encouraged:${key}:${p.industryCode}:${p.landedOn}`, async () => {
        try {
          const result = await classify(
            context.db,
            SYSTEM_ACTOR,
            key,
            { industryCode: p.industryCode, date: p.landedOn! },
            context.now,
          );
          return result.category === 'encouraged';
        } catch {
          return false;
        }
      });
    }
    candidates.push({
      id: p.id,
      name: p.name,
      status: p.status,
      industryCode: p.industryCode,
      totalInvestment: new Decimal(p.totalInvestment).toString(),
      landedOn: p.landedOn,
      platformKey: p.platformKey,
      circulation: p.circulation,
      encouragedIn,
    });
  }
  return candidates;
}

import { inArray } from 'drizzle-orm';
import { matchParcels, PLATFORM_KEYS, PLATFORMS } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { getProject } from '../projects/projects.service.ts';
import { classify } from '../catalog/catalog.service.ts';
import { parcels } from './land.table.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';

const NAMES = Object.fromEntries(PLATFORMS.map((p) => [p.key, p.name]));

/**
 * `GET /projects/:id/parcel-matches`: the available parcels that fit the project (its industry encouraged on the
 * parcel's platform, area within the tolerance, R2.1 intensity above the threshold when the land price is known),
 * ranked; the other platforms' parcels as circulation suggestions when its first-negotiation platform has none (R2.5).
 */
export async function parcelMatchesForProject(db: Db, actor: Actor, projectId: number, now: Date) {
  requirePermission(actor, 'parcels.read');
  const project = await getProject(db, actor, projectId, now);
  const encouragedOn = new Set<string>();
  for (const key of PLATFORM_KEYS) {
    try {
      const verdict = await classify(db, actor, key, { industryCode: project.industryCode }, now);
      if (verdict.category === 'encouraged') encouragedOn.add(key);
    } catch (error) {
      // A platform without a catalog in force encourages nothing.
      if (!(error instanceof AppError)) throw error;
    }
  }
  const available = await db
    .select()
    .from(parcels)
    .where(inArray(parcels.state, ['approved', 'recovered', 'vacated']));
  const result = matchParcels(
    {
      platformKey: project.reportedPlatformKey,
      landMu: project.landMu,
      fixedAssetInvestment: project.fixedAssetInvestment,
    },
    available.map((row) => ({
      id: row.id,
      code: row.code,
      platformKey: row.platformKey,
      state: row.state,
      area: row.areaMu,
      landPrice: row.landPrice,
    })),
    encouragedOn,
    NAMES,
    settingsValues(await currentLandSettings(db)),
  );
  return result.matches;
}

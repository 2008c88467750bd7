import { catalogConsequences, renewalCandidates, shanghaiDay, trackChanges, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { notFound } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import {
  enterpriseYears,
  platformRecordsOfYear,
  type PlatformRecord,
} from '../enterprises/enterprise-records.service.ts';
import { publishedCatalogs, type PublishedCatalog } from '../catalog/catalog.service.ts';
import { caseKeys } from './renewal.repository.ts';
import { listPlatform } from './renewal.service.ts';

/**
 * Who should be on a track and is not yet (R3.5), and who the catalog in force puts on one (R1.6), read from the
 * base database through the enterprises service and from the published catalogs through the catalog service.
 */

/** The year asked for, or the latest year with records the actor can see. */
async function yearOf(db: Db, actor: Actor, year: number | undefined): Promise<number | null> {
  if (year !== undefined) return year;
  return (await enterpriseYears(db, actor))[0]?.year ?? null;
}

/** The year's records on `platformKey` (or every platform), platform enterprises only, filtered in SQL. */
function platformRecords(db: Db, year: number, platformKey: PlatformKey | null): Promise<PlatformRecord[]> {
  return platformRecordsOfYear(db, year, platformKey);
}

/**
 * `GET /renewal-cases/candidates`: enterprises of the year's sub-databases (and overcapacity industries) without a
 * case.
 */
export async function renewalCandidateList(db: Db, actor: Actor, query: { platformKey?: PlatformKey; year?: number }) {
  requirePermission(actor, 'renewal.read');
  requirePermission(actor, 'enterprises.read');
  const year = await yearOf(db, actor, query.year);
  if (year === null) return { year, items: [] };
  const platformKey = listPlatform(actor, query.platformKey);
  const records = await platformRecords(db, year, platformKey);
  const cases = (await caseKeys(db, platformKey)).map((c) => ({
    creditCode: c.creditCode,
    track: c.track,
    planYear: c.planYear === 0 ? null : c.planYear,
    open: c.status === 'planned' || c.status === 'in_progress',
  }));
  const items = renewalCandidates(records, cases, year);
  return { year, items };
}

const ref = (catalog: PublishedCatalog | null) =>
  catalog && { id: catalog.id, version: catalog.version, effectiveDate: catalog.effectiveDate };

/**
 * `GET /renewal-cases/catalog-consequences?platformKey=` (R1.6): the platform's enterprises whose industry is
 * eliminated or restricted in the catalog in force, each with its case of that track if any; and, with a new
 * version, who changes track — (in force → the published version not yet in force) when one waits, otherwise
 * (the previous version → in force).
 */
export async function catalogConsequenceList(
  db: Db,
  actor: Actor,
  query: { platformKey: PlatformKey; year?: number },
  now: Date,
) {
  requirePermission(actor, 'renewal.read');
  requirePermission(actor, 'enterprises.read');
  const scope = platformScope(actor);
  // D10: another platform's list is not revealed.
  if (scope !== null && scope !== query.platformKey) throw notFound('没有该平台的数据');
  const year = await yearOf(db, actor, query.year);
  const catalogs = await publishedCatalogs(db, query.platformKey, shanghaiDay(now));
  const records = year === null ? [] : await platformRecords(db, year, query.platformKey);
  const enterprises = records.map((r) => ({
    creditCode: r.creditCode,
    name: r.name,
    industryCode: r.industryCode ?? null,
  }));
  const cases = await caseKeys(db, query.platformKey);
  const caseOf = (creditCode: string, track: string) =>
    cases.find((c) => c.creditCode === creditCode && c.track === track);
  const items = catalogs.inForce
    ? catalogConsequences(enterprises, catalogs.inForce.items).map((row) => {
        const found = caseOf(row.creditCode, row.track);
        return {
          ...row,
          caseId: found?.id ?? null,
          caseStatus: found?.status ?? null,
        };
      })
    : [];
  const [base, next, upcoming] = catalogs.upcoming
    ? [catalogs.inForce, catalogs.upcoming, true]
    : [catalogs.previous, catalogs.inForce, false];
  const change =
    base && next
      ? { base: ref(base), next: ref(next), upcoming, items: trackChanges(enterprises, base.items, next.items) }
      : null;
  return { platformKey: query.platformKey, year, catalog: ref(catalogs.inForce), items, change };
}

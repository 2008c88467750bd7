import {
  BASIS_LABELS,
  divisionOf,
  futureSpace,
  industryProfile,
  leadingIndustryOf,
  NO_INDUSTRY,
  shanghaiDay,
  type EnterpriseRecord,
  type LandFigure,
  type PlatformKey,
  type ProfileRow,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { notFound } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { enterpriseYears, platformRecordsOfYear } from '../enterprises/enterprise-records.service.ts';
import { publishedCatalogs } from '../catalog/catalog.service.ts';
import { industriesByCode } from '../reference/reference.service.ts';
import { landFiguresOfPlatform } from '../land/parcel-links.service.ts';

/**
 * §三(一) 1 (R3.1) industry profile of a platform: its existing industries by GB/T 大类 and by its leading industries
 * (the R1.2-leading items of its catalog in force), its attraction direction (the encouraged items of that catalog)
 * and its future space (land by planned use) — the last from the land module's parcel ledger, read through the land
 * service (`landFiguresOfPlatform`: 批而未供, idle as of today, vacated), never its tables.
 */
export type LandFiguresSource = (db: Db, actor: Actor, platformKey: PlatformKey, day: string) => Promise<LandFigure[]>;

function assertOwnPlatform(actor: Actor, platformKey: PlatformKey) {
  const scope = platformScope(actor);
  if (scope !== null && scope !== platformKey) throw notFound('没有该平台的数据');
}

async function profileYears(db: Db, actor: Actor, year: number | undefined) {
  const latest = year ?? (await enterpriseYears(db, actor))[0]?.year ?? null;
  return { year: latest, previousYear: latest === null ? null : latest - 1 };
}

export async function platformIndustryProfile(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  query: { year?: number },
  now: Date,
  landFigures: LandFiguresSource = landFiguresOfPlatform,
) {
  requirePermission(actor, 'enterprises.read');
  assertOwnPlatform(actor, platformKey);
  const today = shanghaiDay(now);
  const { year, previousYear } = await profileYears(db, actor, query.year);
  const records = year === null ? [] : await platformRecordsOfYear(db, year, platformKey);
  const previousRecords = previousYear === null ? [] : await platformRecordsOfYear(db, previousYear, platformKey);
  const { inForce } = await publishedCatalogs(db, platformKey, today);
  const items = inForce?.items ?? [];
  const profile = industryProfile({
    records,
    previousRecords,
    leadingItems: items.filter((item) => item.basis === 'R1.2-leading'),
  });
  const encouraged = items.filter((item) => item.category === 'encouraged');
  const names = await industriesByCode(db, [
    ...profile.byDivision.map((row) => row.key),
    ...encouraged.map((item) => item.industryCode),
  ]);
  const named = (row: ProfileRow) => ({
    ...row,
    name: names.get(row.key)?.name ?? (row.key === NO_INDUSTRY ? '行业代码未填' : row.key),
  });
  const land = await landFigures(db, actor, platformKey, today);
  return {
    platformKey,
    year,
    previousYear,
    total: { ...profile.total, name: '合计' },
    byDivision: profile.byDivision.map(named),
    byLeading: profile.byLeading.map((row) => ({ ...row, name: row.key })),
    catalog: inForce && { id: inForce.id, version: inForce.version, effectiveDate: inForce.effectiveDate },
    direction: encouraged.map((item) => ({
      industryCode: item.industryCode,
      industryName: names.get(item.industryCode)?.name ?? null,
      note: item.note,
      basis: BASIS_LABELS[item.basis],
    })),
    futureSpace: futureSpace(land),
  };
}

/** The enterprises behind one figure of the profile: a 大类, a leading industry, or the whole platform. */
export async function profileEnterprises(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  query: { year?: number; by: 'division' | 'leading' | 'total'; key?: string },
  now: Date,
) {
  requirePermission(actor, 'enterprises.read');
  assertOwnPlatform(actor, platformKey);
  const { year } = await profileYears(db, actor, query.year);
  if (year === null) return { year, items: [] };
  const records = await platformRecordsOfYear(db, year, platformKey);
  let keyOf: (r: EnterpriseRecord) => string = () => '';
  if (query.by === 'division') keyOf = (r) => divisionOf(r.industryCode);
  if (query.by === 'leading') {
    const { inForce } = await publishedCatalogs(db, platformKey, shanghaiDay(now));
    const leading = (inForce?.items ?? []).filter((item) => item.basis === 'R1.2-leading');
    keyOf = (r) => leadingIndustryOf(r.industryCode, leading);
  }
  const wanted = query.by === 'total' ? '' : (query.key ?? '');
  return {
    year,
    items: records
      .filter((r) => keyOf(r) === wanted)
      .map((r) => ({
        creditCode: r.creditCode,
        name: r.name,
        industryCode: r.industryCode ?? null,
        revenue: r.revenue,
        tax: r.tax,
        valueAdded: r.valueAdded,
      })),
  };
}

import { asc, eq } from 'drizzle-orm';
import {
  daysBetween,
  parcelClock,
  shanghaiDay,
  type ClockView,
  type LandSettings,
  type ParcelDetail,
  type ParcelView,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { type Actor } from '../platform/actor.ts';
import { notFound } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { parcelEvents } from './land.table.ts';
import { factsOf, type DelayRow, type ParcelRow } from './parcels.repository.ts';
import { displayNamesOf } from '../users/users.service.ts';

export const M2_PER_MU = 10000 / 15;

/** The clock of a row as of a day, with the settings it used (issue #12: "recorded with every result"). */
export function clockOf(row: ParcelRow, delays: DelayRow[], asOf: string, settings: LandSettings): ClockView {
  return { ...parcelClock(factsOf(row, delays), asOf, settings), settings };
}

export function toParcelView(row: ParcelRow, delays: DelayRow[], asOf: string, settings: LandSettings): ParcelView {
  return {
    id: row.id,
    code: row.code,
    platformKey: row.platformKey,
    state: row.state,
    area: row.areaMu,
    // 1 亩 = 10000/15 m² (D5); shown to two decimals, kept exactly in 亩.
    areaM2: (Number(row.areaMu) * M2_PER_MU).toFixed(2),
    plannedUse: row.plannedUse,
    industryCode: row.industryCode,
    plotRatioMin: row.plotRatioMin,
    plotRatioMax: row.plotRatioMax,
    district: row.district,
    address: row.address,
    location: row.lng !== null && row.lat !== null ? { lng: Number(row.lng), lat: Number(row.lat) } : null,
    boundary: row.boundary ?? null,
    boundaryAreaMu: row.boundaryAreaMu,
    approvedOn: row.approvedOn,
    approvalDocument: row.approvalDocument,
    responsiblePerson: row.responsiblePerson,
    acquisitionStatus: row.acquisitionStatus,
    deadline: row.deadline,
    supplyWay: row.supplyWay as ParcelView['supplyWay'],
    contractNo: row.contractNo,
    contractDate: row.contractDate,
    landPrice: row.landPrice,
    holderCreditCode: row.holderCreditCode,
    holderName: row.holderName,
    agreedStartOn: row.agreedStartOn,
    agreedCompletionOn: row.agreedCompletionOn,
    totalInvestment: row.totalInvestment,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    developedArea: row.developedArea,
    investedAmount: row.investedAmount,
    builtArea: row.builtArea,
    suspendedSince: row.suspendedSince,
    vacatedOn: row.vacatedOn,
    vacatedFrom: row.vacatedFrom,
    vacatedFromCreditCode: row.vacatedFromCreditCode,
    vacateReason: row.vacateReason as ParcelView['vacateReason'],
    reuseWay: row.reuseWay as ParcelView['reuseWay'],
    reusedOn: row.reusedOn,
    recoveredOn: row.recoveredOn,
    isPublic: row.isPublic,
    contact: row.contact,
    version: row.version,
    clock: clockOf(row, delays, asOf, settings),
  };
}

/** D10: another platform's parcel answers 404, as if it did not exist. */
export function assertVisible(actor: Actor, row: ParcelRow | undefined): asserts row is ParcelRow {
  if (!row) throw notFound('地块不存在');
  const scope = platformScope(actor);
  if (scope && row.platformKey !== scope) throw notFound('地块不存在');
}

export const today = (now: Date) => shanghaiDay(now);

/**
 * The detail answer of a parcel whose row, delays and settings the caller already holds: a change answers with
 * what its own transaction wrote instead of reading the parcel, its delays and the settings again (issue #15).
 */
export async function parcelDetail(
  db: Db,
  row: ParcelRow,
  own: DelayRow[],
  settings: LandSettings,
  asOf: string,
): Promise<ParcelDetail> {
  const history = await db
    .select()
    .from(parcelEvents)
    .where(eq(parcelEvents.parcelId, row.id))
    .orderBy(asc(parcelEvents.id));
  // People are shown by their display names (the system's own steps read 系统).
  const nameOf = await displayNamesOf(
    db,
    history.map((e) => e.actorName),
  );
  const names = new Map(history.map((e) => [e.actorName, nameOf(e.actorName) ?? e.actorName]));
  return {
    ...toParcelView(row, own, asOf, settings),
    delays: own.map((d) => ({
      id: d.id,
      cause: d.cause as 'government' | 'force_majeure',
      reason: d.reason,
      evidence: d.evidence,
      fromOn: d.fromOn,
      toOn: d.toOn,
      days: daysBetween(d.fromOn, d.toOn) + 1,
    })),
    history: history.map((e) => ({
      id: e.id,
      version: e.version,
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      effectiveDate: e.effectiveDate,
      summary: e.summary,
      at: e.at.toISOString(),
      actorName: names.get(e.actorName) ?? e.actorName,
    })),
  };
}

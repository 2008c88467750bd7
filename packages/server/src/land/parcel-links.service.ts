import { and, eq, inArray } from 'drizzle-orm';
import {
  can,
  checkParcelAction,
  LAND_SUB_DATABASE_STATES,
  parcelClockStatus,
  PARCEL_STATE_LABELS,
  platformName,
  type LandFigure,
  type ParcelState,
  type PlatformKey,
  type VacateReason,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { parcels } from './land.table.ts';
import { delaysOf, factsOf, type ParcelRow } from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';
import { vacateParcel } from './parcel-vacancy.service.ts';
import { forgetPublicParcels } from './parcel-public.service.ts';

/**
 * What other modules ask of the parcel ledger (the renewal cases, the industry profile), so that they never read
 * the land tables: a parcel named by its code, 腾空 recorded from an enterprise's exit, and the platform's land
 * still available ("future space", §三(一)).
 */

async function parcelByCode(db: Db | Tx, code: string): Promise<ParcelRow | undefined> {
  const [row] = await db.select().from(parcels).where(eq(parcels.code, code));
  return row;
}

const unknownParcel = (code: string, platformKey: PlatformKey) =>
  unprocessable('UNKNOWN_PARCEL', `${platformName(platformKey)}的地块台账中没有编号为 ${code} 的地块，请核对地块编号`);

/**
 * The id of the parcel a renewal case names, for the link from the case page to the parcel page: null when the
 * actor may not read the ledger, or the code is not in the ledger of that platform the actor sees (D10).
 */
export async function parcelIdOfCode(
  db: Db,
  actor: Actor,
  code: string,
  platformKey: PlatformKey,
): Promise<number | null> {
  if (actor.role !== 'system' && !can(actor.role, 'parcels.read')) return null;
  const scope = platformScope(actor);
  if (scope && scope !== platformKey) return null;
  const [row] = await db
    .select({ id: parcels.id })
    .from(parcels)
    .where(and(eq(parcels.code, code), eq(parcels.platformKey, platformKey)));
  return row?.id ?? null;
}

/**
 * A case about to name a parcel it will vacate: the parcel must be in the ledger of the enterprise's platform (a
 * parcel of another platform answers as unknown, D10) and either be one that can still be vacated or be already
 * vacated from this very enterprise (recorded earlier on the ledger). 422 otherwise, before anything is written.
 */
export async function checkParcelToVacate(
  db: Db | Tx,
  actor: Actor,
  code: string,
  platformKey: PlatformKey,
  creditCode: string,
): Promise<void> {
  requirePermission(actor, 'parcels.read');
  const row = await parcelByCode(db, code);
  const scope = platformScope(actor);
  if (!row || row.platformKey !== platformKey || (scope && row.platformKey !== scope))
    throw unknownParcel(code, platformKey);
  if (row.state === 'vacated' && row.vacatedFromCreditCode === creditCode) return;
  const verdict = checkParcelAction(row.state, 'vacate');
  if (!verdict.allowed)
    throw unprocessable(
      'ILLEGAL_TRANSITION',
      `地块 ${code} 当前为“${PARCEL_STATE_LABELS[row.state]}”，不能作为该企业退出后腾空的地块`,
    );
}

/**
 * 腾空 recorded on a parcel from an enterprise's exit (a renewal case completing), inside the caller's transaction
 * so the case and the parcel change together or not at all. The land service's own vacate does the checks, the
 * timeline event and the audit row; the version is the one read here in the same transaction (the renewal user did
 * not see the parcel). Nothing is done when the ledger already says this enterprise vacated it.
 */
export async function vacateParcelForExit(
  db: Db,
  tx: Tx,
  actor: Actor,
  code: string,
  exit: {
    platformKey: PlatformKey;
    vacatedOn: string;
    enterpriseName: string;
    creditCode: string;
    reason: VacateReason;
    note: string;
  },
  now: Date,
): Promise<{ parcelId: number; recorded: boolean }> {
  await checkParcelToVacate(tx, actor, code, exit.platformKey, exit.creditCode);
  const row = await parcelByCode(tx, code);
  if (!row) throw unknownParcel(code, exit.platformKey);
  if (row.state === 'vacated') return { parcelId: row.id, recorded: false };
  try {
    await vacateParcel(
      tx,
      actor,
      row.id,
      {
        vacatedOn: exit.vacatedOn,
        fromEnterpriseName: exit.enterpriseName,
        fromEnterpriseCreditCode: exit.creditCode,
        reason: exit.reason,
        note: exit.note,
        version: row.version,
      },
      now,
    );
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.status, error.code, `地块 ${code} 未能登记腾空：${error.message}`, error.details);
    throw error;
  }
  // The public page's cache belongs to the application's database, not to the transaction.
  forgetPublicParcels(db);
  return { parcelId: row.id, recorded: true };
}

/**
 * §三(一) future space of a platform as of a day: 批而未供 (approved and recovered parcels), idle land (supplied or
 * started parcels whose clock says idle or recovery on that day) and vacated parcels, each with its area in 亩.
 */
export async function landFiguresOfPlatform(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  day: string,
): Promise<LandFigure[]> {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  if (scope && scope !== platformKey) return [];
  const available: ParcelState[] = [...LAND_SUB_DATABASE_STATES.approved_not_supplied, 'vacated'];
  const maybeIdle = LAND_SUB_DATABASE_STATES.supplied_not_used;
  const rows = await db
    .select()
    .from(parcels)
    .where(and(eq(parcels.platformKey, platformKey), inArray(parcels.state, [...available, ...maybeIdle])));
  const idleCandidates = rows.filter((row) => maybeIdle.includes(row.state));
  const [delays, settings] = await Promise.all([
    delaysOf(
      db,
      idleCandidates.map((row) => row.id),
    ),
    currentLandSettings(db),
  ]);
  const values = settingsValues(settings);
  const figures: LandFigure[] = [];
  for (const row of rows) {
    const figure = (kind: LandFigure['kind']) => figures.push({ plannedUse: row.plannedUse, kind, area: row.areaMu });
    if (row.state === 'vacated') figure('vacated');
    else if (!maybeIdle.includes(row.state)) figure('approved_not_supplied');
    else if (parcelClockStatus(factsOf(row, delays.get(row.id) ?? []), day, values) !== 'normal') figure('idle');
  }
  return figures;
}

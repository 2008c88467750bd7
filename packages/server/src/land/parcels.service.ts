import { checkBoundary, parcelAreaInMu, type CreateParcelInput, type ParcelDetail } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, forbidden, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parcelEvents, parcels } from './land.table.ts';
import { refreshDeadlines } from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';
import { notAfterToday } from './parcel-change.ts';
import { parcelDetail, today } from './parcel-view.ts';

// The land module's public face: other modules (cockpit, demo, renewal) and the routes call the parcels through
// this file; the ledger's reads, the development moves and the vacancy moves live in their own files.
export {
  getParcel,
  getParcelClock,
  idleStatuses,
  listParcels,
  parcelCleanupFigures,
  parcelRows,
  parcelsByPlatformAndState,
} from './parcels-ledger.service.ts';
export { addDelay, completeParcel, reportProgress, startParcel, supplyParcel } from './parcel-development.service.ts';
export { publishParcel, recoverParcel, reuseParcel, vacateParcel } from './parcel-vacancy.service.ts';

/** `POST /parcels`: a parcel enters the ledger as 批而未供, audited. */
export async function createParcel(db: Db, actor: Actor, input: CreateParcelInput, now: Date): Promise<ParcelDetail> {
  requirePermission(actor, 'parcels.edit');
  const scope = platformScope(actor);
  if (scope && input.platformKey !== scope) throw forbidden('平台用户只能登记本平台的地块');
  const area = parcelAreaInMu(input);
  if ('problem' in area) throw new AppError(400, 'BAD_REQUEST', area.problem);
  notAfterToday(input.approvedOn, '批准日期', now);
  const settings = settingsValues(await currentLandSettings(db));
  let boundaryAreaMu: string | null = null;
  if (input.boundary != null) {
    const check = checkBoundary(input.boundary, area.mu, settings.boundaryTolerance);
    if (!check.ok) throw unprocessable('BOUNDARY_MISMATCH', check.problem, { computedMu: check.computedMu ?? null });
    boundaryAreaMu = check.computedMu;
  }
  const created = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(parcels)
      .values({
        code: input.code,
        platformKey: input.platformKey,
        state: 'approved',
        areaMu: area.mu.toString(),
        plannedUse: input.plannedUse,
        industryCode: input.industryCode ?? null,
        plotRatioMin: input.plotRatioMin ?? null,
        plotRatioMax: input.plotRatioMax ?? null,
        district: input.district ?? null,
        address: input.address ?? null,
        lng: input.location ? String(input.location.lng) : null,
        lat: input.location ? String(input.location.lat) : null,
        boundary: input.boundary ?? null,
        boundaryAreaMu,
        approvedOn: input.approvedOn,
        approvalDocument: input.approvalDocument,
        responsiblePerson: input.responsiblePerson,
        acquisitionStatus: input.acquisitionStatus ?? null,
        deadline: input.deadline ?? null,
        contact: input.contact ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: parcels.code })
      .returning();
    const row = inserted[0];
    if (!row) throw conflict(`地块编号 ${input.code} 已存在，请换一个编号`, 'PARCEL_CODE_TAKEN');
    await tx.insert(parcelEvents).values({
      parcelId: row.id,
      version: 1,
      kind: 'create',
      fromState: null,
      toState: 'approved',
      effectiveDate: input.approvedOn,
      summary: `批准用地（${input.approvalDocument}），${area.mu.toString()} 亩，责任人 ${input.responsiblePerson}`,
      details: null,
      at: now,
      actorName: actor.username,
    });
    await refreshDeadlines(tx, row, [], settings);
    await recordAudit(
      tx,
      actor,
      { action: 'parcels.create', entityType: 'parcel', entityId: row.id, after: input },
      now,
    );
    return row;
  });
  // The answer as GET /parcels/:id gives it, from the row just written (a new parcel has no delays).
  requirePermission(actor, 'parcels.read');
  return parcelDetail(db, created, [], settings, today(now));
}

import { and, eq, sql } from 'drizzle-orm';
import {
  checkParcelAction,
  type LandSettings,
  type ParcelAction,
  type ParcelDetail,
  type ParcelState,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, staleVersion, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parcelEvents, parcels } from './land.table.ts';
import { delaysOf, findParcel, refreshDeadlines, type DelayRow, type ParcelRow } from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';
import { forgetPublicParcels } from './parcel-public.service.ts';
import { today, assertVisible, parcelDetail } from './parcel-view.ts';

export const dateProblem = (message: string) => unprocessable('BAD_PARCEL_DATE', message);

export const notAfterToday = (day: string, label: string, now: Date) => {
  if (day > today(now)) throw dateProblem(`${label} ${day} 晚于今天，不能登记未来发生的事`);
};

export type Change = {
  set: Partial<typeof parcels.$inferInsert>;
  toState?: ParcelState;
  effectiveDate: string;
  summary: string;
  audit: { action: string; after: unknown };
  /** Extra rows in the same transaction (a delay). */
  extra?: (tx: Tx) => Promise<void>;
};

/**
 * Every change of a parcel, in D8's order: the role (403), visibility (404, D10), the version the user saw (409),
 * the legal action for the state (422), then the change's own checks (422). One transaction: the conditional
 * UPDATE (exactly one winner), the timeline event, the threshold days, and the audit record.
 */
export async function changeParcel(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number },
  action: ParcelAction,
  permission: 'parcels.edit' | 'parcels.publish',
  build: (row: ParcelRow, settings: LandSettings, delays: DelayRow[]) => Promise<Change> | Change,
  now: Date,
): Promise<ParcelDetail> {
  requirePermission(actor, permission);
  const row = await findParcel(db, id);
  assertVisible(actor, row);
  if (row.version !== input.version)
    throw conflict(
      `地块已被他人修改（当前版本 ${row.version}，您看到的是 ${input.version}），请刷新后重试`,
      'STALE_VERSION',
    );
  const verdict = checkParcelAction(row.state, action);
  if (!verdict.allowed) throw unprocessable('ILLEGAL_TRANSITION', verdict.message);
  const settings = settingsValues(await currentLandSettings(db));
  const delays = (await delaysOf(db, [id])).get(id) ?? [];
  const change = await build(row, settings, delays);
  const written = await db.transaction(async (tx) => {
    const changed = await tx
      .update(parcels)
      .set({
        ...change.set,
        ...(change.toState ? { state: change.toState } : {}),
        version: sql`${parcels.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(parcels.id, id), eq(parcels.version, input.version)))
      .returning();
    if (changed.length === 0) throw staleVersion('地块');
    const after = changed[0]!;
    await change.extra?.(tx);
    await tx.insert(parcelEvents).values({
      parcelId: id,
      version: after.version,
      kind: action,
      fromState: row.state,
      toState: change.toState ?? row.state,
      effectiveDate: change.effectiveDate,
      summary: change.summary,
      details: change.audit.after,
      at: now,
      actorName: actor.username,
    });
    const allDelays = (await delaysOf(tx, [id])).get(id) ?? [];
    await refreshDeadlines(tx, after, allDelays, settings);
    await recordAudit(
      tx,
      actor,
      {
        action: change.audit.action,
        entityType: 'parcel',
        entityId: id,
        before: { state: row.state, version: row.version },
        after: change.audit.after,
      },
      now,
    );
    return { after, allDelays };
  });
  forgetPublicParcels(db);
  // The answer as GET /parcels/:id gives it, from what this transaction wrote (issue #15: not read again).
  requirePermission(actor, 'parcels.read');
  return parcelDetail(db, written.after, written.allDelays, settings, today(now));
}

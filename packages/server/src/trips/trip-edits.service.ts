import type { z } from 'zod';
import { rejudgedReport, shanghaiDay, type TripView } from '@pgs/domain';
import type { metTargetInputSchema, TripUpdateInput } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createTargetFromTrip, linkTripTargets, targetsOfTrips } from '../targets/target-trips.service.ts';
import {
  bumpTripVersion,
  contactOf,
  setContactTarget,
  tripById,
  updateTripAt,
  withdrawTripAt,
  type TripRow,
} from './trips.repository.ts';
import { requirePlatformVisible } from './trips-scope.ts';
import { checkedLinks, getTrip, tripTargetIds } from './trips.service.ts';

/**
 * A reported trip corrected (修改) or withdrawn (撤回) by its platform (R2.8), each at the version the user saw (409
 * when stale), audited, in one transaction with its target links; and an enterprise met on it turned into a target.
 */

/** The trip the platform user may change: its own platform's (404 otherwise, D10), not withdrawn (409). */
async function changeableTrip(db: Db, actor: Actor, id: number): Promise<TripRow> {
  requirePermission(actor, 'trips.report');
  const row = await tripById(db, id);
  if (!row) throw notFound('没有找到该外出招商记录');
  requirePlatformVisible(actor, row.platformKey, '外出招商记录');
  if (row.withdrawnAt) throw conflict('该外出招商报备已撤回，不能再修改', 'TRIP_WITHDRAWN');
  return row;
}

/**
 * `PUT /trips/:id`: every field again. The report day stays; the due day and the late flag are judged again for a
 * corrected return day with the number of days in force at the first report (domain `rejudgedReport`).
 */
export async function updateTrip(
  db: Db,
  actor: Actor,
  id: number,
  input: TripUpdateInput,
  now: Date,
): Promise<TripView> {
  const before = await changeableTrip(db, actor, id);
  if (input.platformKey !== before.platformKey)
    throw unprocessable('BAD_REQUEST', '外出招商报备的平台不能修改：请撤回后在正确的平台重新报备');
  const links = await checkedLinks(db, input, shanghaiDay(now));
  const judged = rejudgedReport(before, input.endOn);
  const beforeView = await getTrip(db, actor, id);
  await db.transaction(async (tx) => {
    const saved = await updateTripAt(
      tx,
      id,
      input.version,
      {
        startOn: input.startOn,
        endOn: input.endOn,
        province: input.province,
        city: input.city,
        outcome: input.outcome,
        dueOn: judged.dueOn,
        late: judged.late,
        updatedAt: now,
        updatedBy: actor.username,
      },
      links,
    );
    if (!saved) throw staleVersion('该外出招商报备');
    await linkTripTargets(tx, actor, { id, ...input }, tripTargetIds(input), now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'trips.update',
        entityType: 'trip',
        entityId: id,
        before: auditedTrip(beforeView),
        after: { ...input, dueOn: judged.dueOn, late: judged.late },
      },
      now,
    );
  });
  return getTrip(db, actor, id);
}

/** What the audit keeps of a trip before a change (no attachment bytes, no derived names). */
function auditedTrip(view: TripView) {
  return {
    startOn: view.startOn,
    endOn: view.endOn,
    province: view.province,
    city: view.city,
    travellerIds: view.travellers.map((t) => t.id),
    met: view.met,
    outcome: view.outcome,
    projectIds: view.projects.map((p) => p.id),
    targetIds: view.targets.map((t) => t.id),
    dueOn: view.dueOn,
    late: view.late,
    version: view.version,
  };
}

/**
 * `POST /trips/:id/withdraw`: a trip reported by mistake is withdrawn with a reason. It is kept (the audit trail and
 * its page show it) but counts nowhere: lists, exports, staffing compliance; its targets no longer list it.
 */
export async function withdrawTrip(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number; reason: string },
  now: Date,
): Promise<TripView> {
  const before = await changeableTrip(db, actor, id);
  const beforeView = await getTrip(db, actor, id);
  await db.transaction(async (tx) => {
    const done = await withdrawTripAt(tx, id, input.version, {
      withdrawnAt: now,
      withdrawnBy: actor.username,
      withdrawReason: input.reason,
    });
    if (!done) throw staleVersion('该外出招商报备');
    await linkTripTargets(tx, actor, before, [], now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'trips.withdraw',
        entityType: 'trip',
        entityId: id,
        before: auditedTrip(beforeView),
        after: { reason: input.reason },
      },
      now,
    );
  });
  return getTrip(db, actor, id);
}

/**
 * `POST /trips/:id/met/:seq/target`: the enterprise met as the trip's `seq`-th contact becomes a target of the
 * platform's library (status 接触), its name and credit code as met unless corrected; the contact then names it and
 * the target lists the trip. The trip's version is raised (409 when stale).
 */
export async function metEnterpriseToTarget(
  db: Db,
  actor: Actor,
  ref: { id: number; seq: number },
  input: z.infer<typeof metTargetInputSchema>,
  now: Date,
): Promise<TripView> {
  const trip = await changeableTrip(db, actor, ref.id);
  const contact = await contactOf(db, ref.id, ref.seq);
  if (!contact) throw notFound('没有找到该会见企业');
  if (contact.targetId !== null)
    throw conflict(`会见企业“${contact.name}”已是目标企业（编号 ${contact.targetId}）`, 'CONFLICT', {
      targetId: contact.targetId,
    });
  if (input.version !== trip.version) throw staleVersion('该外出招商报备');
  const { version, ...target } = input;
  await db.transaction(async (tx) => {
    const targetId = await createTargetFromTrip(tx, actor, trip, target, now);
    await setContactTarget(tx, ref.id, ref.seq, targetId);
    if (!(await bumpTripVersion(tx, ref.id, version))) throw staleVersion('该外出招商报备');
    const linked = (await targetsOfTrips(tx, [ref.id])).map((t) => t.id);
    await linkTripTargets(tx, actor, trip, [...linked, targetId], now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'trips.met_target',
        entityType: 'trip',
        entityId: ref.id,
        after: { seq: ref.seq, name: contact.name, targetId },
      },
      now,
    );
  });
  return getTrip(db, actor, ref.id);
}

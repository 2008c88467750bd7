import {
  RENEWAL_TRACK_SHORT,
  shanghaiDay,
  statusAfterSteps,
  stepRefusal,
  stepsOf,
  type PlatformKey,
  type RenewalFilter,
  type RenewalTrack,
  type VacateReason,
} from '@pgs/domain';
import type { z } from 'zod';
import type { closeRenewalCaseSchema, recordStepSchema, renewalListQuerySchema } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { known } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parcelIdOfCode, vacateParcelForExit } from '../land/parcel-links.service.ts';
import {
  caseCondition,
  casePage,
  caseFigures,
  casesAfter,
  findCase,
  insertStep,
  overdueCases,
  stepsOfCase,
  updateCase,
  type RenewalCaseRow,
} from './renewal.repository.ts';
import { stepTimeline, toCaseView } from './renewal-views.ts';

/**
 * Renewal cases (§三(二), R3.5; R1.6): open a case for an enterprise of the base database, record its steps in
 * order until it completes (出清 for a zombie), or withdraw it. Every rule is the domain's; here are I/O,
 * permissions (D17: the eitc runs renewal; a platform works its own cases, D10), one transaction per write with its
 * audit record, and the version the user saw (409 when stale).
 */

const WHAT = '存量更新案件';

/**
 * Why a parcel named by a case is vacated when the case completes (R3.5/R3.6: the exit links to the parcel's
 * 腾空 → 再利用); a technology upgrade keeps its land, so it names no parcel.
 */
export const VACATE_REASON_OF_TRACK: Record<RenewalTrack, VacateReason | null> = {
  elimination: 'elimination',
  overcapacity_cleanup: 'elimination',
  zombie_exit: 'zombie_exit',
  catalog_relocation: 'relocation',
  catalog_upgrade: null,
};

/** A platform user's own platform, or the platform asked for (null = every platform). */
export function listPlatform(actor: Actor, asked: PlatformKey | undefined): PlatformKey | null {
  return platformScope(actor) ?? asked ?? null;
}

function assertVisible(actor: Actor, row: RenewalCaseRow | undefined, id: number): asserts row is RenewalCaseRow {
  const scope = platformScope(actor);
  // D10: another platform's case answers exactly as a missing one.
  if (!row || (scope !== null && row.platformKey !== scope)) throw notFound(`存量更新案件 ${id} 不存在`);
}

export async function listRenewalCases(db: Db, actor: Actor, query: z.infer<typeof renewalListQuerySchema>, now: Date) {
  requirePermission(actor, 'renewal.read');
  const asOf = query.asOf ?? shanghaiDay(now);
  const condition = caseCondition(listPlatform(actor, query.platformKey), query, asOf);
  const { rows, total } = await casePage(db, condition, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map((row) => toCaseView(row, asOf)), total, page: query.page, pageSize: query.pageSize };
}

/** Every case the filter selects, read 500 at a time, for the Excel export. */
export async function* renewalCaseRows(db: Db, actor: Actor, filter: RenewalFilter, now: Date) {
  requirePermission(actor, 'renewal.read');
  const asOf = filter.asOf ?? shanghaiDay(now);
  const condition = caseCondition(listPlatform(actor, filter.platformKey), filter, asOf);
  for (let offset = 0; ; offset += 500) {
    const rows = await casesAfter(db, condition, offset, 500);
    for (const row of rows) yield toCaseView(row, asOf);
    if (rows.length < 500) return;
  }
}

export async function getRenewalCase(db: Db, actor: Actor, id: number, now: Date, asOfAsked?: string) {
  requirePermission(actor, 'renewal.read');
  const row = await findCase(db, id);
  assertVisible(actor, row, id);
  const [steps, parcelId] = await Promise.all([
    stepsOfCase(db, id),
    row.parcelCode ? parcelIdOfCode(db, actor, row.parcelCode, row.platformKey) : null,
  ]);
  return {
    ...toCaseView(row, asOfAsked ?? shanghaiDay(now)),
    parcelId,
    steps: stepTimeline(row, steps),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

type StepInput = z.infer<typeof recordStepSchema>;

export async function recordRenewalStep(db: Db, actor: Actor, id: number, input: StepInput, now: Date) {
  requirePermission(actor, 'renewal.manage');
  const row = await findCase(db, id);
  assertVisible(actor, row, id);
  // D8's order: 403, then 409 on a stale version, then 422 for a move the rules refuse.
  if (row.version !== input.version) throw staleVersion(WHAT);
  const today = shanghaiDay(now);
  const steps = await stepsOfCase(db, id);
  const { track, exitWay } = row;
  const refusal = stepRefusal(
    {
      track,
      exitWay,
      status: row.status,
      openedOn: row.openedOn,
      steps: steps.map((s) => ({ key: s.stepKey, date: s.happenedOn })),
    },
    input.step,
    input.date,
    today,
  );
  if (refusal) {
    // The steps are read after the case: a step someone else recorded in between makes this one look out of order,
    // yet the user's version is what is wrong (D8: 409 before 422). Each step raises the case's version in the same
    // transaction, so the case read again tells the two apart.
    if ((await findCase(db, id))?.version !== input.version) throw staleVersion(WHAT);
    throw unprocessable(refusal.code, refusal.message);
  }
  const stepsDone = steps.length + 1;
  const status = statusAfterSteps(track, exitWay, stepsDone);
  await db.transaction(async (tx) => {
    const changed = await updateCase(tx, id, input.version, {
      status,
      stepsDone,
      completedOn: status === 'completed' ? input.date : null,
      updatedAt: now,
    });
    if (!changed) throw staleVersion(WHAT);
    await insertStep(tx, {
      caseId: id,
      stepNo: stepsDone,
      stepKey: input.step,
      happenedOn: input.date,
      note: input.note || null,
      recordedAt: now,
      recordedBy: actor.username,
    });
    // stepRefusal let the step through, so it is the track's next one.
    const label = known(stepsOf(track, exitWay)[stepsDone - 1], 'the step just recorded').label;
    // The exit done, its parcel is 腾空 on the land ledger in this same transaction (through the land service).
    const vacateReason = VACATE_REASON_OF_TRACK[track];
    const vacated =
      status === 'completed' && row.parcelCode && vacateReason
        ? await vacateParcelForExit(
            db,
            tx,
            actor,
            row.parcelCode,
            {
              platformKey: row.platformKey,
              vacatedOn: input.date,
              enterpriseName: row.enterpriseName,
              creditCode: row.creditCode,
              reason: vacateReason,
              note: `${RENEWAL_TRACK_SHORT[track]}案件完成（${label}）`,
            },
            now,
          )
        : null;
    await recordAudit(
      tx,
      actor,
      {
        action: 'renewal.step',
        entityType: 'renewal_case',
        entityId: id,
        before: { status: row.status, version: row.version },
        after: {
          step: label,
          date: input.date,
          note: input.note ?? null,
          status,
          version: changed.version,
          ...(vacated ? { vacatedParcel: row.parcelCode, parcelId: vacated.parcelId } : {}),
        },
      },
      now,
    );
  });
  return getRenewalCase(db, actor, id, now);
}

export async function withdrawRenewalCase(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof closeRenewalCaseSchema>,
  now: Date,
) {
  requirePermission(actor, 'renewal.withdraw');
  const row = await findCase(db, id);
  assertVisible(actor, row, id);
  if (row.version !== input.version) throw staleVersion(WHAT);
  if (row.status === 'completed' || row.status === 'withdrawn') {
    throw unprocessable('CASE_CLOSED', row.status === 'completed' ? '案件已完成，不能撤销' : '案件已撤销');
  }
  await db.transaction(async (tx) => {
    const changed = await updateCase(tx, id, input.version, {
      status: 'withdrawn',
      closedReason: input.reason,
      updatedAt: now,
    });
    if (!changed) throw staleVersion(WHAT);
    await recordAudit(
      tx,
      actor,
      {
        action: 'renewal.withdraw',
        entityType: 'renewal_case',
        entityId: id,
        before: { status: row.status, version: row.version },
        after: { status: 'withdrawn', reason: input.reason, version: changed.version },
      },
      now,
    );
  });
  return getRenewalCase(db, actor, id, now);
}

/** R3.5/R1.6: open cases past their deadline as of a day, per platform and responsible department. */
export async function overdueRenewalCases(
  db: Db,
  actor: Actor,
  query: { platformKey?: PlatformKey; asOf?: string },
  now: Date,
) {
  requirePermission(actor, 'renewal.read');
  const asOf = query.asOf ?? shanghaiDay(now);
  const rows = await overdueCases(db, listPlatform(actor, query.platformKey), asOf);
  const groups = new Map<
    string,
    { platformKey: PlatformKey; department: string; cases: ReturnType<typeof toCaseView>[] }
  >();
  for (const row of rows) {
    const key = `${row.platformKey}\u0000${row.department}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { platformKey: row.platformKey, department: row.department, cases: [] }));
    group.cases.push(toCaseView(row, asOf));
  }
  return {
    asOf,
    total: rows.length,
    groups: [...groups.values()].map((group) => ({
      ...group,
      count: group.cases.length,
      maxDaysOverdue: Math.max(...group.cases.map((c) => c.daysOverdue)),
    })),
  };
}

/** For the cockpit (issue #14): open, overdue and closed cases per platform as of a day (a platform: its own). */
export async function renewalCaseFigures(db: Db, actor: Actor, from: string, asOf: string) {
  requirePermission(actor, 'renewal.read');
  return caseFigures(db, listPlatform(actor, undefined), from, asOf);
}

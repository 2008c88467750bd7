import { and, eq } from 'drizzle-orm';
import { carryForwardSelection, previousQuarter, quarterDiff, type PlatformKey, type QuarterRow } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { forbidden, unprocessable } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { known } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { targetEvents, targetQuarters, targets } from './targets.table.ts';
import { lockQuarter, quarterRows, quarterState, quarterSummaries } from './targets.repository.ts';
import { quarterClosed } from './target-guards.ts';

/** The quarters of the library (issue #13): carry-forward from the last quarter with its diff, and closing. */

function scopeTo(actor: Actor, platformKey: PlatformKey) {
  const scope = platformScope(actor);
  // D10: another platform's quarters are not revealed; a platform user asking for them is simply refused.
  if (scope !== null && scope !== platformKey) throw forbidden('平台用户只能查看和维护本平台的目标企业库');
}

const asQuarterRow = (row: typeof targets.$inferSelect): QuarterRow => ({
  id: row.id,
  lineageId: row.lineageId,
  name: row.name,
  status: row.status,
  tier: row.tier,
  reason: row.statusReason,
});

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** `GET /targets/quarters?platformKey=`: every quarter with its count, whether carried forward and closed. */
export async function listQuarters(db: Db, actor: Actor, platformKey: PlatformKey) {
  requirePermission(actor, 'targets.read');
  scopeTo(actor, platformKey);
  const rows = await quarterSummaries(db, platformKey);
  return rows.map((row) => ({
    ...row,
    closed: row.closedAt !== null,
    closedAt: iso(row.closedAt),
    carriedAt: iso(row.carriedAt),
  }));
}

/** `GET /targets/diff`: what changed from the last quarter to this one. */
export async function quarterDiffOf(db: Db, actor: Actor, platformKey: PlatformKey, quarter: string) {
  requirePermission(actor, 'targets.read');
  scopeTo(actor, platformKey);
  const previous = previousQuarter(quarter);
  const [before, now, state] = await Promise.all([
    quarterRows(db, platformKey, previous),
    quarterRows(db, platformKey, quarter),
    quarterState(db, platformKey, quarter),
  ]);
  const diff = quarterDiff(before.map(asQuarterRow), now.map(asQuarterRow), state?.drops ?? []);
  return { platformKey, quarter, previousQuarter: previous, ...diff };
}

/**
 * `POST /targets/carry-forward`: fills an empty quarter from the one before: every open target goes on (same
 * enterprise, status, plan, dates and version 1), except those left behind with a reason. One transaction.
 */
export async function carryForward(
  db: Db,
  actor: Actor,
  input: { platformKey: PlatformKey; quarter: string; drops: Array<{ lineageId: number; reason: string }> },
  now: Date,
) {
  requirePermission(actor, 'targets.edit');
  scopeTo(actor, input.platformKey);
  const from = previousQuarter(input.quarter);
  const carried = await db.transaction(async (tx) => {
    const state = await lockQuarter(tx, input.platformKey, input.quarter);
    if (state.closedAt) throw quarterClosed(input.quarter);
    if (state.carriedFrom)
      throw unprocessable(
        'CARRY_FORWARD_REFUSED',
        `${input.quarter} 季度已从 ${state.carriedFrom} 结转过，不能再次结转`,
      );
    const existing = await quarterRows(tx, input.platformKey, input.quarter);
    if (existing.length > 0)
      throw unprocessable(
        'CARRY_FORWARD_REFUSED',
        `${input.quarter} 季度已有 ${existing.length} 家目标企业，不能再结转`,
      );
    const previous = await quarterRows(tx, input.platformKey, from);
    if (previous.length === 0) throw unprocessable('CARRY_FORWARD_REFUSED', `上一季度 ${from} 没有目标企业可结转`);
    const known = new Set(previous.map((row) => row.lineageId));
    const unknown = input.drops.find((drop) => !known.has(drop.lineageId));
    if (unknown)
      throw unprocessable('CARRY_FORWARD_REFUSED', `不结转的企业（编号 ${unknown.lineageId}）不在上一季度的库中`);
    const { carry } = carryForwardSelection(previous.map(asQuarterRow), input.drops);
    const byLineage = new Map(previous.map((row) => [row.lineageId, row]));
    const copies = carry.map((chosen) => {
      const previousRow = byLineage.get(chosen.lineageId);
      // carryForwardSelection chooses among `previous`, so its row is there.
      if (!previousRow) throw new Error(`carry-forward: target ${chosen.lineageId} is not in the previous quarter`);
      const { id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = previousRow;
      return {
        ...rest,
        quarter: input.quarter,
        carriedFromId: id,
        version: 1,
        createdAt: now,
        createdBy: actor.username,
        updatedAt: now,
      };
    });
    const inserted = [];
    for (let i = 0; i < copies.length; i += 1000) {
      const chunk = copies.slice(i, i + 1000);
      inserted.push(
        ...(await tx
          .insert(targets)
          .values(chunk)
          .returning({ id: targets.id, lineageId: targets.lineageId, status: targets.status })),
      );
    }
    for (let i = 0; i < inserted.length; i += 1000)
      await tx.insert(targetEvents).values(
        inserted.slice(i, i + 1000).map((row) => ({
          targetId: row.id,
          lineageId: row.lineageId,
          quarter: input.quarter,
          kind: 'carried',
          fromStatus: row.status,
          toStatus: row.status,
          reason: `从 ${from} 结转`,
          details: null,
          at: now,
          actorName: actor.username,
        })),
      );
    await tx
      .update(targetQuarters)
      .set({ carriedFrom: from, carriedAt: now, drops: input.drops })
      .where(and(eq(targetQuarters.platformKey, input.platformKey), eq(targetQuarters.quarter, input.quarter)));
    await recordAudit(
      tx,
      actor,
      {
        action: 'targets.carry_forward',
        entityType: 'target_quarter',
        entityId: `${input.platformKey}/${input.quarter}`,
        after: { from, carried: inserted.length, drops: input.drops },
      },
      now,
    );
    return inserted.length;
  });
  return { quarter: input.quarter, carried, diff: await quarterDiffOf(db, actor, input.platformKey, input.quarter) };
}

/** `POST /targets/close`: the quarter becomes read-only (a second close is refused, the quarter stays closed). */
export async function closeQuarter(
  db: Db,
  actor: Actor,
  input: { platformKey: PlatformKey; quarter: string },
  now: Date,
) {
  requirePermission(actor, 'targets.edit');
  scopeTo(actor, input.platformKey);
  await db.transaction(async (tx) => {
    const state = await lockQuarter(tx, input.platformKey, input.quarter);
    if (state.closedAt) throw quarterClosed(input.quarter);
    await tx
      .update(targetQuarters)
      .set({ closedAt: now, closedBy: actor.username })
      .where(and(eq(targetQuarters.platformKey, input.platformKey), eq(targetQuarters.quarter, input.quarter)));
    await recordAudit(
      tx,
      actor,
      {
        action: 'targets.close_quarter',
        entityType: 'target_quarter',
        entityId: `${input.platformKey}/${input.quarter}`,
      },
      now,
    );
  });
  const rows = await listQuarters(db, actor, input.platformKey);
  return known(
    rows.find((row) => row.quarter === input.quarter),
    `quarter ${input.quarter} just closed`,
  );
}

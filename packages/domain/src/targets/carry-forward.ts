import { isOpenTargetStatus, type TargetStatus } from './target-status.ts';
import type { TargetTier } from './tiers.ts';

/** What the carry-forward and its diff need of a target row; `lineageId` is the same enterprise across quarters. */
export type QuarterRow = {
  id: number;
  lineageId: number;
  name: string;
  status: TargetStatus;
  tier: TargetTier | null;
  /** The reason of a 放弃. */
  reason: string | null;
};

export type CarryDrop = { lineageId: number; reason: string };

/**
 * Issue #13 carry-forward: every open target (线索/接触/洽谈) of the last quarter goes on to the next one, except those
 * the user leaves behind with a reason; 已报项目 and 放弃 are outcomes and stay in the quarter where they happened.
 */
export function carryForwardSelection(previous: readonly QuarterRow[], drops: readonly CarryDrop[]) {
  const dropped = new Map(drops.map((drop) => [drop.lineageId, drop.reason]));
  const carry = previous.filter((row) => isOpenTargetStatus(row.status) && !dropped.has(row.lineageId));
  return { carry };
}

/** Why a row of the last quarter is not in this one. */
export function leftBehindReason(row: QuarterRow, drops: ReadonlyMap<number, string>): string {
  const chosen = drops.get(row.lineageId);
  if (chosen) return chosen;
  if (row.status === 'reported') return '已报项目';
  if (row.status === 'dropped') return `放弃：${row.reason ?? '未填写原因'}`;
  return '未结转';
}

export type QuarterDiff = {
  added: QuarterRow[];
  dropped: Array<{ row: QuarterRow; reason: string }>;
  moved: Array<{
    row: QuarterRow;
    from: { status: TargetStatus; tier: TargetTier | null };
    to: { status: TargetStatus; tier: TargetTier | null };
  }>;
  unchanged: number;
};

/**
 * What changed from the last quarter to this one (issue #13): added (no row in the last quarter), dropped (in the
 * last quarter, not in this one, with the reason), moved in status or tier (against the last quarter's row).
 */
export function quarterDiff(
  previous: readonly QuarterRow[],
  current: readonly QuarterRow[],
  drops: readonly CarryDrop[],
): QuarterDiff {
  const before = new Map(previous.map((row) => [row.lineageId, row]));
  const now = new Set(current.map((row) => row.lineageId));
  const reasons = new Map(drops.map((drop) => [drop.lineageId, drop.reason]));
  const diff: QuarterDiff = { added: [], dropped: [], moved: [], unchanged: 0 };
  for (const row of current) {
    const old = before.get(row.lineageId);
    if (!old) diff.added.push(row);
    else if (old.status !== row.status || old.tier !== row.tier)
      diff.moved.push({
        row,
        from: { status: old.status, tier: old.tier },
        to: { status: row.status, tier: row.tier },
      });
    else diff.unchanged++;
  }
  for (const row of previous)
    if (!now.has(row.lineageId)) diff.dropped.push({ row, reason: leftBehindReason(row, reasons) });
  return diff;
}

import { describe, expect, it } from 'vitest';
import { carryForwardSelection, quarterDiff, type QuarterRow } from './carry-forward.ts';

const row = (
  lineageId: number,
  status: QuarterRow['status'],
  tier: QuarterRow['tier'],
  reason: string | null = null,
) => ({
  id: lineageId * 10,
  lineageId,
  name: `企业${lineageId}`,
  status,
  tier,
  reason,
});

describe('carry-forward of a quarter and its diff (issue #13)', () => {
  const previous = [
    row(1, 'lead', '5亿'),
    row(2, 'contact', '20亿'),
    row(3, 'negotiating', null),
    row(4, 'reported', '50亿'),
    row(5, 'dropped', '5亿', '对方另选厂址'),
    row(6, 'lead', null),
  ];
  it('carries the open targets except those left behind with a reason', () => {
    const { carry } = carryForwardSelection(previous, [{ lineageId: 6, reason: '企业经营困难' }]);
    expect(carry.map((r) => r.lineageId)).toEqual([1, 2, 3]);
  });
  it('shows added, dropped with reason, and moved in status or tier', () => {
    const current = [
      { ...row(1, 'lead', '5亿'), id: 11 },
      { ...row(2, 'negotiating', '20亿'), id: 21 },
      { ...row(3, 'negotiating', '5亿'), id: 31 },
      row(7, 'lead', '20亿'),
    ];
    const diff = quarterDiff(previous, current, [{ lineageId: 6, reason: '企业经营困难' }]);
    expect(diff.added.map((r) => r.lineageId)).toEqual([7]);
    expect(diff.unchanged).toBe(1);
    expect(diff.moved).toEqual([
      { row: current[1], from: { status: 'contact', tier: '20亿' }, to: { status: 'negotiating', tier: '20亿' } },
      { row: current[2], from: { status: 'negotiating', tier: null }, to: { status: 'negotiating', tier: '5亿' } },
    ]);
    expect(diff.dropped.map((d) => [d.row.lineageId, d.reason])).toEqual([
      [4, '已报项目'],
      [5, '放弃：对方另选厂址'],
      [6, '企业经营困难'],
    ]);
  });
  it('an empty previous quarter makes everything added', () => {
    const diff = quarterDiff([], [row(1, 'lead', null)], []);
    expect(diff.added).toHaveLength(1);
    expect(diff.dropped).toHaveLength(0);
  });
});

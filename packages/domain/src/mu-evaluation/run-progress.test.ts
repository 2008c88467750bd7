import { describe, expect, it } from 'vitest';
import { runProgressPercent } from './run-progress.ts';

describe('an evaluation run’s progress as one bar (R3.2 runs report progress)', () => {
  it.each([
    [{ phase: 'reading', done: 0, total: 100_000 }, 0],
    [{ phase: 'reading', done: 50_000, total: 100_000 }, 12],
    [{ phase: 'reading', done: 100_000, total: 100_000 }, 25],
    [{ phase: 'scoring', done: 0, total: 100_000 }, 25],
    [{ phase: 'scoring', done: 100_000, total: 100_000 }, 55],
    [{ phase: 'writing', done: 65_000, total: 130_000 }, 77],
    [{ phase: 'writing', done: 130_000, total: 130_000 }, 99],
    [{ phase: 'done', done: 0, total: 0 }, 100],
    [{ phase: 'failed', done: 3, total: 9 }, 0],
  ] as const)('%o is %i per cent', (progress, percent) => {
    expect(runProgressPercent(progress)).toBe(percent);
  });

  it('never runs past its phase when a count overshoots, nor divides by an unknown total', () => {
    expect(runProgressPercent({ phase: 'reading', done: 12, total: 10 })).toBe(25);
    expect(runProgressPercent({ phase: 'writing', done: 5, total: 0 })).toBe(55);
  });
});

import { describe, expect, it } from 'vitest';
import { importProgressPercent } from './import-progress.ts';

describe('a workbook import’s progress on the server (R3.1 imports report progress)', () => {
  it.each([
    [{ phase: 'checking', done: 0, total: 70_000_000, rows: 0 }, 0],
    [{ phase: 'checking', done: 35_000_000, total: 70_000_000, rows: 50_000 }, 47],
    [{ phase: 'checking', done: 70_000_000, total: 70_000_000, rows: 100_000 }, 95],
    [{ phase: 'checking', done: 10, total: 0, rows: 0 }, 0],
    [{ phase: 'writing', done: 70_000_000, total: 70_000_000, rows: 100_000 }, 97],
    [{ phase: 'done', done: 0, total: 0, rows: 100_000 }, 100],
    [{ phase: 'failed', done: 5, total: 10, rows: 3 }, 0],
  ] as const)('%o is %i per cent', (progress, percent) => {
    expect(importProgressPercent(progress)).toBe(percent);
  });
});

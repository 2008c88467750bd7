import { describe, expect, it } from 'vitest';
import { isQuarter, nextQuarter, previousQuarter, quarterLabel, quarterOfDay, quartersUpTo } from './quarters.ts';

describe('quarters of the target library (R2.7 每季度)', () => {
  it('reads and refuses quarter text', () => {
    expect(isQuarter('2026Q1')).toBe(true);
    expect(isQuarter('2026Q5')).toBe(false);
    expect(isQuarter('2026q1')).toBe(false);
    expect(isQuarter('26Q1')).toBe(false);
  });
  it('steps over the year boundary both ways', () => {
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
    expect(previousQuarter('2026Q3')).toBe('2026Q2');
    expect(nextQuarter('2025Q4')).toBe('2026Q1');
  });
  it('finds the quarter of a day at the month boundaries', () => {
    expect(quarterOfDay('2026-03-31')).toBe('2026Q1');
    expect(quarterOfDay('2026-04-01')).toBe('2026Q2');
    expect(quarterOfDay('2026-12-31')).toBe('2026Q4');
  });
  it('names and lists quarters', () => {
    expect(quarterLabel('2026Q2')).toBe('2026年第二季度');
    expect(quartersUpTo('2026Q2', 4)).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
  });
});

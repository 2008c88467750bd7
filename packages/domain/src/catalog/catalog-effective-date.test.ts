import { describe, expect, it } from 'vitest';
import { addMonthsToDay, catalogEffectiveDateProblem, latestCatalogEffectiveDate } from './catalog-effective-date.ts';

describe('issue #10.6 / R1.6: a catalog takes effect from today to the horizon', () => {
  it.each([
    ['2026-11-28', 12, '2027-11-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-28', 0, '2026-11-28'],
  ])('adds months: %s + %i = %s', (day, months, expected) => {
    expect(addMonthsToDay(day, months)).toBe(expected);
  });

  it.each([
    ['2026-11-28', null],
    ['2027-11-28', null],
    ['2026-12-01', null],
  ])('%s is accepted on 2026-11-28', (date, expected) => {
    expect(catalogEffectiveDateProblem(date, '2026-11-28')).toBe(expected);
  });

  it.each([
    ['2026-11-27', '早于今天'],
    ['2019-01-01', '早于今天'],
    ['2027-11-29', '最晚可设为 2027-11-28'],
    ['9999-12-31', '太远'],
    ['2027-02-30', '不存在'],
  ])('%s is refused on 2026-11-28 (%s)', (date, words) => {
    expect(catalogEffectiveDateProblem(date, '2026-11-28')).toContain(words);
  });

  it('the horizon is a setting', () => {
    expect(latestCatalogEffectiveDate('2026-11-28', 24)).toBe('2028-11-28');
    expect(catalogEffectiveDateProblem('2028-11-28', '2026-11-28', 24)).toBeNull();
    expect(catalogEffectiveDateProblem('2026-12-29', '2026-11-28', 1)).toContain('2026-12-28');
  });
});

import { describe, expect, it } from 'vitest';
import { checkParcelAction, isPublishable } from './parcel-lifecycle.ts';
import { parcelDeadlines } from './due-list.ts';
import { DEFAULT_LAND_SETTINGS as S } from './parcel-settings.ts';
import { belowShare } from './land-decimal.ts';

describe('R3.1/R3.6 parcel life', () => {
  it('approved → supplied → started → completed; vacated → reused', () => {
    expect(checkParcelAction('approved', 'supply').allowed).toBe(true);
    expect(checkParcelAction('supplied', 'start').allowed).toBe(true);
    expect(checkParcelAction('started', 'complete').allowed).toBe(true);
    expect(checkParcelAction('completed', 'vacate').allowed).toBe(true);
    expect(checkParcelAction('vacated', 'reuse').allowed).toBe(true);
    expect(checkParcelAction('recovered', 'supply').allowed).toBe(true);
  });
  it('refuses skipping a step, in Chinese', () => {
    const verdict = checkParcelAction('approved', 'start');
    expect(verdict).toMatchObject({ allowed: false });
    expect(!verdict.allowed && verdict.message).toMatch(/批而未供.*不能开工/);
    expect(checkParcelAction('completed', 'delay').allowed).toBe(false);
  });
  it('only approved, recovered and vacated parcels may be published', () => {
    expect(isPublishable('approved')).toBe(true);
    expect(isPublishable('vacated')).toBe(true);
    expect(isPublishable('supplied')).toBe(false);
  });
  it('1/3 compared exactly: 1 of 3 is not below, 0.999999 is', () => {
    expect(belowShare('1', '3', '1/3')).toBe(false);
    expect(belowShare('0.999999', '3', '1/3')).toBe(true);
    expect(belowShare('33', '100', '1/3')).toBe(true);
  });
});

describe('due list thresholds', () => {
  const facts = {
    area: '30',
    suppliedOn: '2024-01-10',
    agreedStartOn: '2024-03-01',
    agreedCompletionOn: '2026-03-01',
    startedOn: null,
    completedOn: null,
    endedOn: null,
    landPrice: '100',
    totalInvestment: null,
    developedArea: null,
    investedAmount: null,
    suspendedSince: null,
    delays: [],
  };
  it('a supplied parcel: idle and recovery days', () => {
    expect(parcelDeadlines('supplied', facts, null, S)).toEqual([
      { kind: 'idle', dueOn: '2025-03-02' },
      { kind: 'recovery', dueOn: '2026-03-02' },
    ]);
  });
  it('a started parcel: the day after the agreed completion', () => {
    expect(parcelDeadlines('started', { ...facts, startedOn: '2024-05-01' }, null, S)).toEqual([
      { kind: 'completion', dueOn: '2026-03-02' },
    ]);
  });
  it('an approved parcel: its supply deadline', () => {
    expect(parcelDeadlines('approved', facts, '2027-01-01', S)).toEqual([
      { kind: 'supply_deadline', dueOn: '2027-01-01' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { daysBetween } from '../land/legal-period.ts';
import { computeFunnel, median, type FunnelRow } from './funnel.ts';

describe('the funnel target → contact → reported project → landed (issue #13)', () => {
  it('medians: odd, even (mean of the two middle), empty', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('counts, rates and median days of a small set, computed by hand', () => {
    const rows: FunnelRow[] = [
      // 1: a lead never contacted
      { status: 'lead', identifiedOn: '2026-01-01', contactedOn: null, project: null },
      // 2: contacted after 10 days, still talking
      { status: 'negotiating', identifiedOn: '2026-01-01', contactedOn: '2026-01-11', project: null },
      // 3: contacted after 20 days, project reported 30 days later, landed 60 days after that
      {
        status: 'reported',
        identifiedOn: '2026-01-01',
        contactedOn: '2026-01-21',
        project: { reportedOn: '2026-02-20', landedOn: '2026-04-21' },
      },
      // 4: contacted after 5 days, project reported 15 days later, not landed
      {
        status: 'reported',
        identifiedOn: '2026-02-01',
        contactedOn: '2026-02-06',
        project: { reportedOn: '2026-02-21', landedOn: null },
      },
      // 5: dropped after contact at 40 days
      { status: 'dropped', identifiedOn: '2026-01-01', contactedOn: '2026-02-10', project: null },
      // 6: a lead whose enterprise reported a project by credit code (linked without a contact date): contacted too
      {
        status: 'lead',
        identifiedOn: '2026-03-01',
        contactedOn: null,
        project: { reportedOn: '2026-03-05', landedOn: null },
      },
    ];
    const figures = computeFunnel(rows);
    expect([figures.targets, figures.contacted, figures.reported, figures.landed]).toEqual([6, 5, 3, 1]);
    expect(figures.rates).toEqual({ contact: 5 / 6, report: 3 / 5, land: 1 / 3, overall: 1 / 6 });
    // to contact: 10, 20, 5, 40 → (10 + 20) / 2; to report: 30, 15 → 22.5; to land: 60
    expect(figures.medianDays).toEqual({ toContact: 15, toReport: 22.5, toLand: 60 });
  });

  it('an empty set has no rates', () => {
    const figures = computeFunnel([]);
    expect(figures.rates).toEqual({ contact: null, report: null, land: null, overall: null });
  });
});

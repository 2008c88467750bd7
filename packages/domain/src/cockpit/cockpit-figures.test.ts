import { describe, expect, it } from 'vitest';
import {
  asOfNotes,
  cityOf,
  cockpitDay,
  landOf,
  isLargeProject,
  landedOf,
  monthsThrough,
  pipelineOf,
} from './cockpit-figures.ts';
import { COCKPIT_FIGURES } from './cockpit-figure-list.ts';
import type { CockpitFigures } from './cockpit.contract.ts';

describe('cockpitDay (issue #14: the day the cockpit counts to)', () => {
  it('defaults to today in the current year and to 31 Dec for a past year', () => {
    expect(cockpitDay(2026, undefined, '2026-12-06')).toEqual({ ok: true, asOf: '2026-12-06' });
    expect(cockpitDay(2025, undefined, '2026-12-06')).toEqual({ ok: true, asOf: '2025-12-31' });
  });
  it('takes today itself but refuses tomorrow, another year and a year not begun', () => {
    expect(cockpitDay(2026, '2026-12-06', '2026-12-06')).toEqual({ ok: true, asOf: '2026-12-06' });
    expect(cockpitDay(2026, '2026-12-07', '2026-12-06')).toMatchObject({
      ok: false,
      message: '统计截止日不能晚于今天',
    });
    expect(cockpitDay(2025, '2026-01-01', '2026-12-06')).toMatchObject({
      ok: false,
      message: '统计截止日应在 2025 年内',
    });
    expect(cockpitDay(2027, undefined, '2026-12-06')).toMatchObject({ ok: false });
    // 1 Jan of the year is its first day: the year has begun.
    expect(cockpitDay(2026, undefined, '2026-01-01')).toEqual({ ok: true, asOf: '2026-01-01' });
  });
});

describe('isLargeProject (R4.3 20亿元（含）以上)', () => {
  it('counts 200 000 万元 and above, not 199 999.99', () => {
    expect(isLargeProject('199999.99')).toBe(false);
    expect(isLargeProject('200000')).toBe(true);
    expect(isLargeProject('200000.00')).toBe(true);
    expect(isLargeProject('200000.01')).toBe(true);
  });
});

describe('pipelineOf', () => {
  it('lists every stage in order, sums money exactly and leaves landed, lost and rejected out of the open count', () => {
    const pipeline = pipelineOf([
      { status: 'negotiating', count: 2, investment: '0.1' },
      { status: 'negotiating', count: 1, investment: '0.2' },
      { status: 'reported', count: 4, investment: '1000' },
      { status: 'landed', count: 3, investment: '500000' },
      { status: 'lost', count: 1, investment: '7' },
      { status: 'rejected', count: 1, investment: '9' },
    ]);
    expect(pipeline.stages.map((s) => s.status)).toEqual([
      'reported',
      'feasible',
      'plan_submitted',
      'evaluated',
      'tracked',
      'negotiating',
      'signed',
      'landed',
      'lost',
      'rejected',
    ]);
    expect(pipeline.stages.find((s) => s.status === 'negotiating')).toMatchObject({
      count: 3,
      investment: '0.3',
      label: '商务谈判',
    });
    expect(pipeline.stages.find((s) => s.status === 'signed')).toMatchObject({ count: 0, investment: '0' });
    expect(pipeline.openCount).toBe(7);
    expect(pipeline.openInvestment).toBe('1000.3');
  });
});

const project = (id: number, totalInvestment: string, landedOn: string) => ({
  id,
  name: `项目${id}`,
  platformKey: 'zhenan',
  totalInvestment,
  landedOn,
});

describe('landedOf (R2.6 credit against the task, R4.3 behind schedule)', () => {
  const projects = [
    project(1, '200000', '2025-01-01'),
    project(2, '199999.99', '2025-06-30'),
    project(3, '300000', '2025-07-01'),
    project(4, '250000', '2024-12-31'),
  ];
  it('counts projects landed from 1 Jan through the day, large ones at 200 000 inclusive, biggest first', () => {
    const landed = landedOf({ year: 2025, asOf: '2025-06-30', credit: '2', task: '6', behindShare: 0.8, projects });
    expect(landed.landedCount).toBe(2);
    expect(landed.large.map((p) => p.id)).toEqual([1]);
    const later = landedOf({ year: 2025, asOf: '2025-07-01', credit: '3', task: '6', behindShare: 0.8, projects });
    expect(later.large.map((p) => p.id)).toEqual([3, 1]);
  });
  it('is behind at Q2 when the share is below 0.8 × 181/365 of the task, not at it', () => {
    // 6 × 0.8 × 181 / 365 = 2.38027…: a credit of 2.38 is behind, 2.39 is not.
    expect(
      landedOf({ year: 2025, asOf: '2025-06-30', credit: '2.38', task: '6', behindShare: 0.8, projects: [] }).behind,
    ).toBe(true);
    expect(
      landedOf({ year: 2025, asOf: '2025-06-30', credit: '2.39', task: '6', behindShare: 0.8, projects: [] }).behind,
    ).toBe(false);
    expect(
      landedOf({ year: 2025, asOf: '2025-03-30', credit: '0', task: '6', behindShare: 0.8, projects: [] }),
    ).toMatchObject({
      behind: false,
      taskShare: '0',
    });
  });
  it('has no share and no check without a task (null or 0)', () => {
    for (const task of [null, '0']) {
      const landed = landedOf({ year: 2025, asOf: '2025-12-31', credit: '1.5', task, behindShare: 0.8, projects: [] });
      expect(landed).toMatchObject({ task: null, taskShare: null, behind: false, credit: '1.5' });
    }
  });
  it('takes a count made in SQL and lists only the large ones among the candidates passed', () => {
    const landed = landedOf({
      year: 2025,
      asOf: '2025-07-01',
      credit: '3',
      task: '6',
      behindShare: 0.8,
      projects: [projects[0]!, projects[2]!],
      landedCount: 4120,
    });
    expect(landed.landedCount).toBe(4120);
    expect(landed.large.map((p) => p.id)).toEqual([3, 1]);
  });
  it('gives the share to four places exactly', () => {
    expect(
      landedOf({ year: 2025, asOf: '2025-12-31', credit: '1', task: '3', behindShare: 0.8, projects: [] }).taskShare,
    ).toBe('0.3333');
  });
});

function figures(over: Partial<CockpitFigures> = {}): CockpitFigures {
  return {
    pipeline: pipelineOf([{ status: 'tracked', count: 1, investment: '10.5' }]),
    landed: landedOf({
      year: 2025,
      asOf: '2025-12-31',
      credit: '1.3',
      task: '2',
      behindShare: 0.8,
      projects: [project(9, '200000', '2025-05-01')],
    }),
    abcd: null,
    land: {
      approvedNotSupplied: { count: 1, area: '10.25' },
      suppliedNotUsed: { count: 2, area: '3' },
      vacated: { count: 0, area: '0' },
      supplied: 1,
      started: 1,
      reused: 0,
      recovered: 1,
    },
    renewal: { open: 2, overdue: 1, closed: 1, closedOnTime: 1 },
    targets: { targets: 5, contacted: 4, reported: 2, landed: 1 },
    trips: { months: 12, monthsOk: 10, monthsMissing: 1 },
    assessment: { id: 7, year: 2024, rank: 1, score: 80, warnings: [] },
    keyTasks: { parts: 3, done: 1, overdue: 1 },
    ...over,
  };
}

describe('cityOf (the three platforms together)', () => {
  it('adds the platforms, recomputes the share from the sums and lists a circulated large project once', () => {
    const a = figures();
    const b = figures({
      landed: landedOf({
        year: 2025,
        asOf: '2025-12-31',
        credit: '0.7',
        task: '4',
        behindShare: 0.8,
        projects: [project(9, '200000', '2025-05-01')],
      }),
      assessment: {
        id: 7,
        year: 2024,
        rank: 3,
        score: 50,
        warnings: [{ platformKey: 'zhenan', label: '约谈', reason: '连续两年末位' }],
      },
    });
    const city = cityOf([a, b], null, {
      year: 2025,
      asOf: '2025-12-31',
      behindShare: 0.8,
      projects: [project(9, '200000', '2025-05-01'), project(10, '10', '2025-05-02')],
    });
    expect(city.landed).toMatchObject({ credit: '2', task: '6', taskShare: '0.3333', landedCount: 2 });
    // 2 of 6 at 31 Dec is below 0.8 of the task: the city is behind too.
    expect(city.landed.behind).toBe(true);
    expect(city.landed.large.map((p) => p.id)).toEqual([9]);
    expect(city.pipeline.openInvestment).toBe('21');
    expect(city.land.approvedNotSupplied).toEqual({ count: 2, area: '20.5' });
    expect(city.assessment).toMatchObject({ id: 7, rank: null, score: null, warnings: [{ reason: '连续两年末位' }] });
    expect(city.keyTasks).toEqual({ parts: 6, done: 2, overdue: 2 });
  });
  it('has no city task when one platform has none (a sum would understate it)', () => {
    const city = cityOf([figures(), figures({ landed: { ...figures().landed, task: null, taskShare: null } })], null, {
      year: 2025,
      asOf: '2025-12-31',
      behindShare: 0.8,
      projects: [],
    });
    expect(city.landed.task).toBeNull();
    expect(city.landed.taskShare).toBeNull();
  });
});

describe('monthsThrough and the figure list', () => {
  it('lists January through the month of the day', () => {
    expect(monthsThrough(2025, '2025-01-31')).toEqual(['2025-01']);
    expect(monthsThrough(2025, '2025-03-01')).toEqual(['2025-01', '2025-02', '2025-03']);
  });
  it('explains every figure and reads it from the figures', () => {
    const keys = new Set(COCKPIT_FIGURES.map((f) => f.key));
    expect(keys.size).toBe(COCKPIT_FIGURES.length);
    const f = figures();
    for (const def of COCKPIT_FIGURES) expect(def.explanation.length).toBeGreaterThan(10);
    expect(COCKPIT_FIGURES.find((d) => d.key === 'landedShare')?.value(f)).toBe('65.0%');
    expect(COCKPIT_FIGURES.find((d) => d.key === 'landHandled')?.value(f)).toBe(3);
    expect(COCKPIT_FIGURES.find((d) => d.key === 'abcdD')?.value(f)).toBeNull();
  });
});

describe('landOf (R3.1 sub-databases)', () => {
  it('puts approved and recovered parcels in 批而未供, supplied and started in 供而未用, vacated alone; completed and reused in none', () => {
    const land = landOf(
      [
        { state: 'approved', count: 2, area: '10.5' },
        { state: 'recovered', count: 1, area: '0.25' },
        { state: 'supplied', count: 1, area: '3' },
        { state: 'started', count: 4, area: '4' },
        { state: 'completed', count: 9, area: '90' },
        { state: 'vacated', count: 1, area: '1.1' },
        { state: 'reused', count: 5, area: '50' },
      ],
      { supplied: 1, started: 2, reused: 0, recovered: 1 },
    );
    expect(land.approvedNotSupplied).toEqual({ count: 3, area: '10.75' });
    expect(land.suppliedNotUsed).toEqual({ count: 5, area: '7' });
    expect(land.vacated).toEqual({ count: 1, area: '1.1' });
    expect(land.started).toBe(2);
    expect(landOf([], undefined)).toMatchObject({ approvedNotSupplied: { count: 0, area: '0' }, supplied: 0 });
  });
});

describe("asOfNotes (what a past day still counts from today's rows)", () => {
  it('says nothing for today and names what is not replayed for the day before', () => {
    expect(asOfNotes('2026-12-06', '2026-12-06')).toEqual([]);
    const notes = asOfNotes('2026-12-05', '2026-12-06');
    expect(notes.join('')).toContain('项目总投资、地块面积按当前台账计');
    expect(notes.join('')).toContain('2026-12-05');
  });
});

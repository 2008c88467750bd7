import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  clockEnd,
  DEFAULT_LAND_SETTINGS,
  parcelClock,
  periodEnd,
  type ClockStatus,
  type LandSettings,
} from '@pgs/domain';
import type { Database } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { parcelDelays, parcels } from './land.table.ts';
import { factsOf, type DelayRow, type ParcelRow } from './parcels.repository.ts';
import { idleStatusRows } from './idle-status.repository.ts';
import { idleStatuses } from './parcels.service.ts';

/**
 * The whole-ledger SQL (idle-status.repository.ts) against the domain's per-parcel clock, row by row, on a ledger
 * made to sit on every boundary of R3.6 / D22 / D23: the day before, of and after each full year (29 February
 * included), delays and one extension, two overlapping delays, 1/3 of the area and 25 % of the investment exactly
 * and just below, started late, completed / vacated / recovered, not yet supplied, no agreed start.
 */
let database: Database;
let rows: ParcelRow[] = [];
const delays = new Map<number, DelayRow[]>();
const asOfDays = new Set<string>();

const STARTS = ['2022-12-31', '2023-02-28', '2023-03-01', '2024-02-28', '2024-02-29', '2024-03-01', '2024-12-31'];
const NOW = new Date('2026-12-01T00:00:00Z');

type Variant = { code: string; over: Partial<typeof parcels.$inferInsert>; delays?: Array<[number, number]> };

/** The parcels of one agreed start (or suspension) day `s`; delays are [from, to] in days after `s`. */
function variants(s: string): Variant[] {
  const started = { startedOn: addDays(s, -100), agreedStartOn: addDays(s, -120), suspendedSince: s };
  return [
    { code: 'plain', over: {} },
    { code: 'extension', over: {}, delays: [[10, 374]] },
    { code: 'astride-start', over: {}, delays: [[-20, 5]] },
    { code: 'past-end', over: {}, delays: [[300, 420]] },
    {
      code: 'overlapping',
      over: {},
      delays: [
        [30, 60],
        [50, 90],
      ],
    },
    { code: 'area-third', over: { ...started, developedArea: '10' } },
    { code: 'area-below', over: { ...started, developedArea: '9.999999' } },
    { code: 'invest-quarter', over: { ...started, investedAmount: '2500', totalInvestment: '10000' } },
    { code: 'invest-below', over: { ...started, investedAmount: '2499.999999', totalInvestment: '10000' } },
    { code: 'invest-no-total', over: { ...started, investedAmount: '1' } },
    { code: 'suspended-delayed', over: { ...started, developedArea: '1' }, delays: [[0, 40]] },
    { code: 'started-late', over: { startedOn: addDays(s, 500) } },
    { code: 'completed', over: { ...started, developedArea: '1', completedOn: addDays(s, 400) } },
    { code: 'vacated', over: { vacatedOn: addDays(s, 400) } },
    { code: 'recovered', over: { recoveredOn: addDays(s, 800) } },
    { code: 'supplied-late', over: { contractDate: addDays(s, 380) } },
    { code: 'no-agreed-start', over: { agreedStartOn: null } },
  ];
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  for (const s of STARTS)
    for (const v of variants(s)) {
      const [row] = await db
        .insert(parcels)
        .values({
          code: `IS-${s}-${v.code}`,
          platformKey: v.code.length % 2 ? 'zhenan' : 'hitech',
          state: 'supplied',
          areaMu: '30',
          plannedUse: '工业用地',
          approvedOn: '2022-01-01',
          approvalDocument: '测试批文',
          responsiblePerson: '测试责任人',
          contractDate: addDays(s, -200),
          landPrice: '1000',
          agreedStartOn: s,
          agreedCompletionOn: addDays(s, 730),
          createdAt: NOW,
          updatedAt: NOW,
          ...v.over,
        })
        .returning();
      for (const [from, to] of v.delays ?? [])
        await db.insert(parcelDelays).values({
          parcelId: row!.id,
          cause: 'government',
          reason: '测试',
          fromOn: addDays(s, from),
          toOn: addDays(s, to),
          recordedAt: NOW,
          recordedBy: 'test',
        });
    }
  rows = await db.select().from(parcels);
  for (const d of await db.select().from(parcelDelays)) delays.set(d.parcelId, [...(delays.get(d.parcelId) ?? []), d]);
  // Each threshold of each parcel (as the domain places it, delays included), the day before, of and after; and
  // each day a parcel's life changed, the same.
  for (const row of rows) {
    const facts = factsOf(row, delays.get(row.id) ?? []);
    const starts = [row.agreedStartOn, row.suspendedSince].filter((d): d is string => d !== null);
    const ends = starts.flatMap((start) =>
      [1, 2].flatMap((years) => [periodEnd(start, years), clockEnd(start, years, facts.delays)]),
    );
    const changes = [row.contractDate, row.startedOn, row.completedOn, row.vacatedOn, row.recoveredOn];
    for (const day of [...ends.map((end) => addDays(end, 1)), ...changes])
      if (day) for (const shift of [-1, 0, 1]) asOfDays.add(addDays(day, shift));
  }
}, 120_000);
afterAll(() => database?.close());

const reference = (asOf: string, settings: LandSettings) =>
  new Map(rows.map((row) => [row.id, parcelClock(factsOf(row, delays.get(row.id) ?? []), asOf, settings).status]));

const LETTER: Record<string, ClockStatus> = { n: 'normal', i: 'idle', r: 'recovery' };
async function sqlStatuses(settings: LandSettings, asOf: string) {
  const result = await database.db.execute(idleStatusRows(asOf, settings, undefined));
  const out = new Map<number, ClockStatus>();
  for (const row of (result as { rows: Array<{ id: number | string; status: string }> }).rows)
    out.set(Number(row.id), LETTER[row.status]!);
  return out;
}

describe('the idle status in SQL equals the domain clock, parcel by parcel (R3.6, D22, D23)', () => {
  it('through idleStatuses with the settings in force, on every boundary day of the ledger', async () => {
    const seen = new Set<string>();
    const differing: string[] = [];
    for (const asOf of [...asOfDays].sort()) {
      const expected = reference(asOf, DEFAULT_LAND_SETTINGS);
      const got = await idleStatuses(database.db, SYSTEM_ACTOR, asOf);
      expect(got.length, asOf).toBe(rows.length);
      for (const { id, status } of got) {
        seen.add(status);
        if (expected.get(id) !== status) {
          const row = rows.find((r) => r.id === id)!;
          differing.push(`${row.code} as of ${asOf}: SQL ${status}, domain ${expected.get(id)}`);
        }
      }
    }
    expect(differing.slice(0, 10)).toEqual([]);
    expect(asOfDays.size).toBeGreaterThan(100);
    expect(seen).toEqual(new Set(['normal', 'idle', 'recovery']));
  });

  it('with other settings: 2 and 3 years, a suspension of 1 year, shares 1/2 and 0.3', async () => {
    const settings: LandSettings = {
      ...DEFAULT_LAND_SETTINGS,
      idleAfterYears: 2,
      recoveryAfterYears: 3,
      suspendedYears: 1,
      startedAreaShare: '1/2',
      startedInvestmentShare: '0.3',
    };
    const days = [...asOfDays].flatMap((day) => [day, addDays(day, 365), addDays(day, 366), addDays(day, 731)]);
    const differing: string[] = [];
    const seen = new Set<string>();
    for (const asOf of [...new Set(days)].sort()) {
      const expected = reference(asOf, settings);
      for (const [id, status] of await sqlStatuses(settings, asOf)) {
        seen.add(status);
        if (expected.get(id) !== status)
          differing.push(`parcel ${id} as of ${asOf}: SQL ${status}, domain ${expected.get(id)}`);
      }
    }
    expect(differing.slice(0, 10)).toEqual([]);
    expect(seen).toEqual(new Set(['normal', 'idle', 'recovery']));
  });

  it('a platform user gets its own platform’s parcels only', async () => {
    const mine = await idleStatuses(
      database.db,
      { ...SYSTEM_ACTOR, role: 'platform', platformKey: 'hitech' },
      '2026-01-01',
    );
    const hitech = rows.filter((r) => r.platformKey === 'hitech').map((r) => r.id);
    expect(mine.map((p) => p.id).sort((a, b) => a - b)).toEqual(hitech.sort((a, b) => a - b));
  });
});

describe('the ledger covers what it claims', () => {
  it('every variant is flagged on some boundary day and normal on another', () => {
    const flagged = new Set<string>();
    const normal = new Set<string>();
    for (const asOf of asOfDays)
      for (const [id, status] of reference(asOf, DEFAULT_LAND_SETTINGS)) {
        const code = rows.find((r) => r.id === id)!.code;
        (status === 'normal' ? normal : flagged).add(code);
      }
    const neverFlagged = rows.map((r) => r.code).filter((code) => !flagged.has(code));
    // 1/3 and 25 % exactly are not "below", an investment without its total is no share, and a parcel without an
    // agreed start has no clock: these must stay normal on every day; every other one must be flagged on some.
    const alwaysNormal = ['area-third', 'invest-quarter', 'invest-no-total', 'no-agreed-start'];
    expect(neverFlagged.sort()).toEqual(STARTS.flatMap((s) => alwaysNormal.map((v) => `IS-${s}-${v}`)).sort());
    expect(normal.size).toBe(rows.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import {
  casesClosedOnTime,
  landCleanup,
  PARCEL_ACTION_LABELS,
  PARCEL_STATE_LABELS,
  RENEWAL_TRACK_LABELS,
  shareDone,
  type CaseForAssessment,
  type FigureRow,
  type ParcelHistory,
  type ParcelMove,
} from '@pgs/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seededRandom, type Random } from '../../fuzz/fuzz-values.ts';
import { countAndKeepRows } from '../figure-rows.repository.ts';
import { casesOnTimeRows, landCleanupRows } from './figure-rows.sql.ts';

/**
 * SQL = domain reference (issue #15): the land and renewal rules of the assessment in SQL (figure-rows.sql.ts) give,
 * row by row and in the same order and words, what the domain's landCleanup and casesClosedOnTime give with the
 * row text the Node sources wrote before — on seeded random ledgers whose days crowd the boundaries (31 December,
 * 1 January, the assessment day), on PGlite and PostgreSQL. The moves and cases are handed to the SQL as VALUES, as
 * the land and renewal services hand out theirs.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 240_000);
afterAll(() => t?.close());

const YEAR = 2026;
const AS_OF = '2026-06-30';

const BOUNDARY_DAYS = [
  '2025-06-01',
  '2025-12-30',
  '2025-12-31',
  '2026-01-01',
  '2026-01-02',
  '2026-06-29',
  AS_OF,
  '2026-07-01',
];
// Seven days in ten on a boundary, the others the 15th of a month of the year before.
const dayOf = (random: Random) =>
  random.chance(0.7) ? random.pick(BOUNDARY_DAYS) : `2025-${String(1 + random.int(12)).padStart(2, '0')}-15`;

const MOVES: readonly [string, string | null][] = [
  ['create', 'approved'],
  ['supply', 'supplied'],
  ['start', 'started'],
  ['complete', 'completed'],
  ['vacate', 'vacated'],
  ['reuse', 'reused'],
  ['recover', 'recovered'],
  ['progress', null],
  ['delay', null],
  ['publish', null],
];

function ledger(seed: number, count: number): ParcelHistory[] {
  const random = seededRandom(seed);
  let seq = 0;
  const parcels: (ParcelHistory & { firstSeq: number })[] = [];
  for (let id = 1; id <= count; id++) {
    const moves: (ParcelMove & { seq: number })[] = [];
    const n = random.int(6);
    for (let i = 0; i < n; i++) {
      const [kind, toState] = random.pick(MOVES);
      moves.push({ kind, toState, on: dayOf(random), seq: ++seq });
    }
    // Codes repeat on purpose (equal codes are ordered by their first move); all upper case and digits, equal
    // length, so every collation orders them alike.
    if (moves.length > 0)
      parcels.push({
        id,
        code: `P${String(random.int(40)).padStart(3, '0')}`,
        moves,
        firstSeq: moves[0]!.seq,
      });
  }
  // In the order the land service lists them (by code, then recorded order).
  return parcels.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.firstSeq - b.firstSeq));
}

const label = (labels: Record<string, string>, key: string | null, none: string) =>
  key === null ? none : (labels[key] ?? key);

/** The rows as the land source wrote them in Node before issue #15. */
function landReference(parcels: ParcelHistory[]): FigureRow[] {
  return landCleanup(parcels, YEAR, AS_OF).verdicts.map((v) => ({
    kind: 'parcel',
    ref: String(v.parcel.id),
    name: v.parcel.code,
    figure: v.handledBy ? '1' : '0',
    note:
      `年初状态：${label(PARCEL_STATE_LABELS, v.stateAtStart, '尚未批准')}；` +
      (v.handledBy ? `${v.handledBy.on} ${label(PARCEL_ACTION_LABELS, v.handledBy.kind, '')}` : `截至 ${AS_OF} 未处置`),
  }));
}

function movesValues(parcels: ParcelHistory[]): SQL {
  const rows = parcels.flatMap((p) =>
    (p.moves as (ParcelMove & { seq: number })[]).map(
      (m) => sql`(${p.id}::int, ${p.code}::text, ${m.kind}::text, ${m.toState}::text, ${m.on}::date, ${m.seq}::int)`,
    ),
  );
  return sql`SELECT * FROM (VALUES ${sql.join(rows, sql`, `)}) AS v(parcel_id, code, kind, to_state, "on", seq)`;
}

async function rowsOf(select: SQL): Promise<FigureRow[]> {
  const result = await t.database.db.execute(
    sql`SELECT kind, ref, name, figure, note FROM (${select}) AS r ORDER BY ord`,
  );
  return (result as { rows: FigureRow[] }).rows;
}

describe('R3.6 / R4.2 土地清理与利用: SQL = domain landCleanup', () => {
  it.each([1, 2, 3])('seeded ledger %i: the same rows, order, words and counts', async (seed) => {
    const parcels = ledger(seed, 300).map((p) => ({ ...p, moves: p.moves.filter((m) => m.on <= AS_OF) }));
    const withMoves = parcels.filter((p) => p.moves.length > 0);
    const expected = landReference(withMoves);
    // The ledger reaches every case: counted at the start, became clean-up land in the year, handled or not.
    expect(expected.filter((r) => r.figure === '1').length).toBeGreaterThan(10);
    expect(expected.filter((r) => r.figure === '0').length).toBeGreaterThan(10);
    expect(expected.filter((r) => r.note.startsWith('年初状态：尚未批准')).length).toBeGreaterThan(0);
    const select = landCleanupRows(movesValues(withMoves), YEAR, AS_OF);
    expect(await rowsOf(select)).toEqual(expected);
    const domain = landCleanup(withMoves, YEAR, AS_OF);
    const counts = await countAndKeepRows(t.database.db, select, null);
    expect(counts).toEqual({ due: domain.due, done: domain.handled });
    expect(shareDone(counts.done, counts.due)).toBe(domain.share);
  });
});

function cases(seed: number, count: number): CaseForAssessment[] {
  const random = seededRandom(seed);
  const list: CaseForAssessment[] = [];
  for (let id = 1; id <= count; id++) {
    const status = random.pick(['planned', 'in_progress', 'completed', 'withdrawn']);
    const deadline = dayOf(random);
    list.push({
      id,
      enterpriseName: `企业${id}`,
      track: random.pick(Object.keys(RENEWAL_TRACK_LABELS)),
      status,
      deadline,
      completedOn: status === 'completed' || random.chance(0.1) ? dayOf(random) : null,
    });
  }
  // Also cases due outside the window (each side of the rule must leave them out), in the order the renewal
  // service lists them (deadline, then id).
  return list.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id));
}

describe('R3.4–R3.5 / R4.2 整治与更新个案按期销号: SQL = domain casesClosedOnTime', () => {
  it.each([1, 2])('seeded cases %i: the same rows, order, words and counts', async (seed) => {
    const due = cases(seed, 400);
    const domain = casesClosedOnTime(due, YEAR, AS_OF);
    const expected: FigureRow[] = domain.verdicts.map((v) => ({
      kind: 'case',
      ref: String(v.case.id),
      name: `${v.case.enterpriseName}（${label(RENEWAL_TRACK_LABELS, v.case.track, '')}）`,
      figure: v.onTime ? '1' : '0',
      note:
        `期限 ${v.case.deadline}，` +
        (v.case.completedOn
          ? `${v.case.completedOn} 完成${v.onTime ? '（按期）' : '（逾期）'}`
          : '尚未完成（逾期未销号）'),
    }));
    expect(expected.filter((r) => r.figure === '1').length).toBeGreaterThan(5);
    const values = due.map(
      (c) =>
        sql`(${c.id}::int, ${c.enterpriseName}::text, ${c.track}::text, ${c.status}::text, ${c.deadline}::date, ${c.completedOn}::date)`,
    );
    const select = casesOnTimeRows(
      sql`SELECT * FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, enterprise_name, track, status, deadline, completed_on)`,
      YEAR,
      AS_OF,
    );
    expect(await rowsOf(select)).toEqual(expected);
    expect(await countAndKeepRows(t.database.db, select, null)).toEqual({ due: domain.due, done: domain.onTime });
  });
});

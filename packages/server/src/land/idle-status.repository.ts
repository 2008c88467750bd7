import { sql, type SQL } from 'drizzle-orm';
import { clockStartBounds, clockStatusTerms, type LandSettings } from '@pgs/domain';
import { parcelDelays, parcels } from './land.table.ts';

/**
 * Every parcel's idle-land status as of a day, decided by the database in one statement: rows (id, status) with
 * status 'n' (normal), 'i' (idle) or 'r' (recovery). It evaluates the domain's clockStatusTerms (R3.6, D22, D23),
 * whose equality with parcelClockStatus is tested in the domain; this SQL's equality with parcelClockStatus is tested
 * row by row on a ledger covering every boundary (idle-status.test.ts, PGlite and PostgreSQL). The per-parcel clock
 * (GET /parcels/:id/clock) stays the domain's own function.
 *
 * - D22: PostgreSQL's `date + make_interval(years => n)` is periodEnd (2024-02-29 + 1 year = 2025-02-28, the end
 *   of the month as the civil code counts).
 * - D23: a parcel's delays as one datemultirange (their union: overlapping days count once), cut to the days
 *   strictly between the clock's start and the day (clockRunOut).
 * - clockStartBounds skips, with a date comparison alone, the clocks too young to have run out.
 */
export function idleStatusRows(asOf: string, settings: LandSettings, where: SQL | undefined): SQL {
  const terms = clockStatusTerms(settings);
  const bounds = clockStartBounds(asOf, settings);
  const day = sql`${asOf}::date`;
  const onOrBefore = (column: SQL | typeof parcels.contractDate) => sql`${column} <= ${day}`;
  const below = (part: SQL, whole: SQL, share: { numerator: string; denominator: string }) =>
    sql`${part} * ${share.denominator}::numeric < ${whole} * ${share.numerator}::numeric`;
  const years = (n: SQL | number) => sql`make_interval(years => ${typeof n === 'number' ? sql`${n}::int` : n})`;
  // runningClock: which clock runs as of the day ('n' not started, 's' suspended with too little done), or none.
  const kind = sql`CASE
    WHEN ${parcels.contractDate} IS NULL OR ${parcels.contractDate} > ${day} OR ${onOrBefore(parcels.completedOn)}
      OR ${onOrBefore(parcels.vacatedOn)} OR ${onOrBefore(parcels.recoveredOn)} THEN NULL
    WHEN ${parcels.startedOn} IS NULL OR ${parcels.startedOn} > ${day} THEN
      CASE WHEN ${parcels.agreedStartOn} IS NOT NULL THEN 'n' END
    WHEN ${onOrBefore(parcels.suspendedSince)} AND (
      ${below(sql`${parcels.developedArea}`, sql`${parcels.areaMu}`, terms.areaShare)}
      OR ${below(sql`${parcels.investedAmount}`, sql`${parcels.totalInvestment}`, terms.investmentShare)}) THEN 's'
  END`;
  const running = sql`CROSS JOIN LATERAL (SELECT ${kind} AS kind) AS running`;
  const start = sql`CASE running.kind WHEN 'n' THEN ${parcels.agreedStartOn} WHEN 's' THEN ${parcels.suspendedSince} END`;
  // The delayed days of the few parcels with delays, in their own aggregate: a per-row subquery over the whole
  // ledger made PostgreSQL's estimate large enough to compile the statement (JIT, seconds) on every call.
  const delayed = sql`
    SELECT g.parcel_id, sum(upper(r) - lower(r))::int AS days
    FROM (
      SELECT ${parcelDelays.parcelId} AS parcel_id,
        range_agg(daterange(${parcelDelays.fromOn}, ${parcelDelays.toOn}, '[]'))
          * datemultirange(daterange(${start}, greatest(${start}, ${day}), '()')) AS days
      FROM ${parcelDelays} JOIN ${parcels} ON ${parcels.id} = ${parcelDelays.parcelId} ${running}
      WHERE running.kind IS NOT NULL
      GROUP BY ${parcelDelays.parcelId}, ${start}
    ) AS g CROSS JOIN LATERAL unnest(g.days) AS r
    GROUP BY g.parcel_id`;
  return sql`
    SELECT c.id,
      CASE WHEN c.kind IS NULL OR c.start > c.bound THEN 'n'
        WHEN (c.start + ${years(terms.recoveryYears)})::date + c.delayed < ${day} THEN 'r'
        WHEN (c.start + ${years(sql`c.years`)})::date + c.delayed < ${day} THEN 'i'
        ELSE 'n' END AS status
    FROM (
      SELECT ${parcels.id} AS id, running.kind, ${start} AS start, coalesce(d.days, 0) AS delayed,
        CASE running.kind WHEN 'n' THEN ${terms.notStartedIdleYears}::int ELSE ${terms.suspendedIdleYears}::int END AS years,
        CASE running.kind WHEN 'n' THEN ${bounds.agreedStartOnOrBefore}::date ELSE ${bounds.suspendedOnOrBefore}::date END AS bound
      FROM ${parcels} ${running}
      LEFT JOIN (${delayed}) AS d ON d.parcel_id = ${parcels.id}
      WHERE ${where ?? sql`true`}
    ) AS c`;
}

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
  return sql`
    SELECT c.id,
      CASE WHEN c.kind IS NULL OR c.start > c.bound THEN 'n'
        WHEN (c.start + ${years(terms.recoveryYears)})::date + c.delayed < ${day} THEN 'r'
        WHEN (c.start + ${years(sql`c.years`)})::date + c.delayed < ${day} THEN 'i'
        ELSE 'n' END AS status
    FROM (
      SELECT k.id, k.kind, k.start,
        CASE k.kind WHEN 'n' THEN ${terms.notStartedIdleYears}::int ELSE ${terms.suspendedIdleYears}::int END AS years,
        CASE k.kind WHEN 'n' THEN ${bounds.agreedStartOnOrBefore}::date ELSE ${bounds.suspendedOnOrBefore}::date END AS bound,
        CASE WHEN k.days IS NULL OR k.start IS NULL THEN 0 ELSE (
          SELECT coalesce(sum(upper(r) - lower(r)), 0)::int
          FROM unnest(k.days * datemultirange(daterange(k.start, greatest(k.start, ${day}), '()'))) AS r
        ) END AS delayed
      FROM (
        SELECT ${parcels.id} AS id, running.kind, d.days,
          CASE running.kind WHEN 'n' THEN ${parcels.agreedStartOn} WHEN 's' THEN ${parcels.suspendedSince} END AS start
        FROM ${parcels}
        CROSS JOIN LATERAL (SELECT ${kind} AS kind) AS running
        LEFT JOIN (
          SELECT ${parcelDelays.parcelId} AS parcel_id,
            range_agg(daterange(${parcelDelays.fromOn}, ${parcelDelays.toOn}, '[]')) AS days
          FROM ${parcelDelays} GROUP BY ${parcelDelays.parcelId}
        ) AS d ON d.parcel_id = ${parcels.id}
        WHERE ${where ?? sql`true`}
      ) AS k
    ) AS c`;
}

import { sql, type SQL } from 'drizzle-orm';
import {
  CLEANUP_MOVES,
  CLEANUP_STATES,
  PARCEL_ACTION_LABELS,
  PARCEL_STATE_LABELS,
  RENEWAL_TRACK_LABELS,
} from '@pgs/domain';

/**
 * The domain's landCleanup and casesClosedOnTime as SQL over the moves and cases the land and renewal services hand
 * out (issue #15: 100 000 parcels counted where they are). Each gives the figure's rows — (ord, kind, ref, name,
 * figure, note), figure '1' when the parcel was handled or the case closed on time — in the order and words of the
 * Node sources they replace; `countAndKeepRows` counts them and keeps them. Their equality with the domain's
 * functions is tested row by row (figure-rows.sql.test.ts, PGlite and PostgreSQL).
 */

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`;
const labels = (map: Record<string, string>) => sql`${JSON.stringify(map)}::jsonb`;
const day = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`;

/**
 * R3.6 / R4.2 土地清理与利用 (domain landCleanup): per parcel, the state after its last move (recorded order) effective
 * by 31 December of the year before; counted when that state is clean-up land or a move in the window (1 January to
 * `asOf`) makes it so; handled by its first handling move in the window. `moves`: (parcel_id, code, kind, to_state,
 * on, seq) up to `asOf`, `seq` the recorded order.
 */
export function landCleanupRows(moves: SQL, year: number, asOf: string): SQL {
  const states = textArray(CLEANUP_STATES);
  const handling = textArray(CLEANUP_MOVES);
  const inWindow = sql`m."on" BETWEEN ${`${year}-01-01`}::date AND ${asOf}::date`;
  const handles = sql`${inWindow} AND m.kind = ANY(${handling})`;
  return sql`
    SELECT row_number() OVER (ORDER BY p.code, p.first_seq) AS ord, 'parcel'::text AS kind, p.parcel_id::text AS ref,
      p.code AS name, CASE WHEN p.handled_kind IS NULL THEN '0' ELSE '1' END AS figure,
      '年初状态：' || coalesce(${labels(PARCEL_STATE_LABELS)} ->> p.state_at_start, p.state_at_start, '尚未批准') || '；' ||
        CASE WHEN p.handled_kind IS NULL THEN '截至 ' || ${asOf}::text || ' 未处置'
          ELSE ${day(sql`p.handled_on`)} || ' ' || coalesce(${labels(PARCEL_ACTION_LABELS)} ->> p.handled_kind, p.handled_kind)
        END AS note
    FROM (
      SELECT m.parcel_id, min(m.code) AS code, min(m.seq) AS first_seq,
        (array_agg(m.to_state ORDER BY m.seq DESC)
          FILTER (WHERE m."on" <= ${`${year - 1}-12-31`}::date AND m.to_state IS NOT NULL))[1] AS state_at_start,
        coalesce(bool_or(${inWindow} AND m.to_state = ANY(${states})), false) AS became,
        (array_agg(m.kind ORDER BY m.seq) FILTER (WHERE ${handles}))[1] AS handled_kind,
        (array_agg(m."on" ORDER BY m.seq) FILTER (WHERE ${handles}))[1] AS handled_on
      FROM (${moves}) AS m
      GROUP BY m.parcel_id
    ) AS p
    WHERE p.state_at_start = ANY(${states}) OR p.became`;
}

/**
 * R3.4–R3.5 / R4.2 整治与更新个案按期销号 (domain casesClosedOnTime): the cases due in the window, withdrawn ones left
 * out, on time when completed on or before the deadline. `cases`: (id, enterprise_name, track, status, deadline,
 * completed_on).
 */
export function casesOnTimeRows(cases: SQL, year: number, asOf: string): SQL {
  return sql`
    SELECT row_number() OVER (ORDER BY c.deadline, c.id) AS ord, 'case'::text AS kind, c.id::text AS ref,
      c.enterprise_name || '（' || coalesce(${labels(RENEWAL_TRACK_LABELS)} ->> c.track, c.track) || '）' AS name,
      CASE WHEN t.on_time THEN '1' ELSE '0' END AS figure,
      '期限 ' || ${day(sql`c.deadline`)} || '，' ||
        CASE WHEN c.completed_on IS NULL THEN '尚未完成（逾期未销号）'
          ELSE ${day(sql`c.completed_on`)} || ' 完成' || CASE WHEN t.on_time THEN '（按期）' ELSE '（逾期）' END
        END AS note
    FROM (${cases}) AS c
      CROSS JOIN LATERAL (SELECT c.status = 'completed' AND c.completed_on IS NOT NULL
        AND c.completed_on <= c.deadline AS on_time) AS t
    WHERE c.status <> 'withdrawn' AND c.deadline BETWEEN ${`${year}-01-01`}::date AND ${asOf}::date`;
}

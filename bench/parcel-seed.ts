import type pg from 'pg';

/**
 * Bench parcels in every state, shared by the land and cockpit benches: per six parcels one approved, two supplied,
 * one started, one completed, one vacated; contract 60 days before the agreed start, the agreed starts spread over
 * four years from `firstStart`; areas 10–209 亩 over the three platforms. With `moves`, each parcel also gets its
 * dated history as the land service writes it (parcel_events: created as approved, then one move to its state on
 * the day it got there), which a past day's replay reads.
 */
export async function seedBenchParcels(
  pool: pg.Pool,
  options: { count: number; codePrefix: string; firstStart: string; moves?: boolean },
) {
  await pool.query(
    `INSERT INTO parcels (code, platform_key, state, area_mu, planned_use, approved_on, approval_document, responsible_person,
       contract_date, land_price, agreed_start_on, agreed_completion_on, started_on, completed_on, vacated_on, created_at, updated_at)
     SELECT $2::text || n, (ARRAY['oujiangkou','zhenan','hitech'])[1 + n % 3],
       CASE WHEN n % 6 = 0 THEN 'approved' WHEN n % 6 IN (1,2) THEN 'supplied' WHEN n % 6 = 3 THEN 'started' WHEN n % 6 = 4 THEN 'completed' ELSE 'vacated' END,
       10 + n % 200, '工业用地', DATE '2022-01-01', '基准批文', '基准责任人',
       CASE WHEN n % 6 = 0 THEN NULL ELSE s - 60 END, CASE WHEN n % 6 = 0 THEN NULL ELSE 1000 + n % 5000 END,
       CASE WHEN n % 6 = 0 THEN NULL ELSE s END, CASE WHEN n % 6 = 0 THEN NULL ELSE s + 730 END,
       CASE WHEN n % 6 >= 3 THEN s + 30 END, CASE WHEN n % 6 >= 4 THEN s + 400 END, CASE WHEN n % 6 = 5 THEN s + 500 END,
       now(), now()
     FROM generate_series(1, $1) AS n, LATERAL (SELECT $3::date + (n % 1460) AS s) AS start`,
    [options.count, options.codePrefix, options.firstStart],
  );
  if (options.moves) {
    await pool.query(
      `INSERT INTO parcel_events (parcel_id, version, kind, from_state, to_state, effective_date, summary, at, actor_name)
       SELECT id, 1, 'create', NULL, 'approved', approved_on, '基准登记', created_at, 'bench' FROM parcels WHERE code LIKE $1::text || '%'
       UNION ALL
       SELECT id, 2, 'move', 'approved', state, coalesce(vacated_on, completed_on, started_on, contract_date), '基准变更', created_at, 'bench'
       FROM parcels WHERE code LIKE $1::text || '%' AND state <> 'approved'`,
      [options.codePrefix],
    );
    await pool.query('VACUUM ANALYZE parcel_events');
  }
  await pool.query('VACUUM ANALYZE parcels');
}

import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { PlatformKey, TargetStatus, TargetTier, TargetType } from '@pgs/domain';
import { FOCUS_CITIES, TIER_ORDER } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { anyOf, firstRow } from '../platform/rows.ts';
import { targetChannels, targetEvents, targetQuarters, targets } from './targets.table.ts';

/** SQL of the target library only (routes → service → repository). */

export type TargetRow = typeof targets.$inferSelect;
export type TargetRowWithChannel = TargetRow & { channelName: string | null; quarterClosed: boolean };

export type TargetListFilter = {
  /** null: every platform. */
  platformKey: PlatformKey | null;
  quarter?: string;
  tier?: TargetTier | 'none';
  type?: TargetType;
  status?: TargetStatus;
  channelId?: number;
  hqProvince?: string;
  hqCity?: string;
  focus?: boolean;
  q?: string;
};

export function listCondition(filter: TargetListFilter): SQL | undefined {
  const q = filter.q;
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    filter.platformKey ? eq(targets.platformKey, filter.platformKey) : undefined,
    filter.quarter ? eq(targets.quarter, filter.quarter) : undefined,
    filter.tier === 'none' ? sql`${targets.tier} IS NULL` : filter.tier ? eq(targets.tier, filter.tier) : undefined,
    filter.type ? sql`${filter.type} = ANY(${targets.types})` : undefined,
    filter.status ? eq(targets.status, filter.status) : undefined,
    filter.channelId ? eq(targets.channelId, filter.channelId) : undefined,
    filter.hqProvince ? eq(targets.hqProvince, filter.hqProvince) : undefined,
    filter.hqCity ? eq(targets.hqCity, filter.hqCity) : undefined,
    filter.focus === true ? inArray(targets.hqCity, [...FOCUS_CITIES]) : undefined,
    filter.focus === false ? sql`${targets.hqCity} NOT IN ${[...FOCUS_CITIES]}` : undefined,
    q && like ? anyOf([ilike(targets.name, like), ilike(targets.owner, like), eq(targets.creditCode, q)]) : undefined,
  );
}

const withChannel = {
  channelName: targetChannels.name,
  quarterClosed: sql<boolean>`${targetQuarters.closedAt} IS NOT NULL`,
};

function viewQuery(db: Db | Tx) {
  return db
    .select({ target: targets, ...withChannel })
    .from(targets)
    .leftJoin(targetChannels, eq(targetChannels.id, targets.channelId))
    .leftJoin(
      targetQuarters,
      and(eq(targetQuarters.platformKey, targets.platformKey), eq(targetQuarters.quarter, targets.quarter)),
    );
}

const flatten = (row: { target: TargetRow; channelName: string | null; quarterClosed: boolean | null }) => ({
  ...row.target,
  channelName: row.channelName,
  quarterClosed: row.quarterClosed === true,
});

/** The tiers' reading order in SQL, from the domain's TIER_ORDER (50亿 → 0 … no tier last). */
const tierRankSql = sql`CASE ${targets.tier} ${sql.join(
  TIER_ORDER.filter((tier) => tier !== null).map((tier, rank) => sql`WHEN ${tier} THEN ${rank}::int`),
  sql` `,
)} ELSE ${TIER_ORDER.length - 1}::int END`;

export async function listPage(
  db: Db,
  condition: SQL | undefined,
  limit: number,
  offset: number,
  sort?: 'tier' | 'tier_reverse',
) {
  const natural = [desc(targets.quarter), desc(targets.expectedInvestment), asc(targets.id)];
  const order =
    sort === 'tier'
      ? [asc(tierRankSql), ...natural]
      : sort === 'tier_reverse'
        ? [desc(tierRankSql), ...natural]
        : natural;
  const [rows, [total]] = await Promise.all([
    viewQuery(db)
      .where(condition)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(targets).where(condition),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** Every row of a filter in id order after `after`, `limit` at a time (the export). */
export async function listAfter(db: Db, condition: SQL | undefined, after: number, limit: number) {
  const rows = await viewQuery(db)
    .where(and(condition, sql`${targets.id} > ${after}`))
    .orderBy(asc(targets.id))
    .limit(limit);
  return rows.map(flatten);
}

export async function findTargetRow(db: Db | Tx, id: number): Promise<TargetRowWithChannel | undefined> {
  const [row] = await viewQuery(db).where(eq(targets.id, id));
  return row ? flatten(row) : undefined;
}

export async function lineageRows(db: Db, lineageId: number) {
  return db
    .select({ id: targets.id, quarter: targets.quarter, status: targets.status, tier: targets.tier })
    .from(targets)
    .where(eq(targets.lineageId, lineageId))
    .orderBy(asc(targets.quarter));
}

export async function lineageEvents(db: Db, lineageId: number) {
  return db.select().from(targetEvents).where(eq(targetEvents.lineageId, lineageId)).orderBy(asc(targetEvents.id));
}

/** The rows of one platform's quarter, as the carry-forward and its diff read them. */
export async function quarterRows(db: Db | Tx, platformKey: PlatformKey, quarter: string) {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.platformKey, platformKey), eq(targets.quarter, quarter)))
    .orderBy(asc(targets.id));
}

export async function quarterState(db: Db | Tx, platformKey: PlatformKey, quarter: string) {
  const [row] = await db
    .select()
    .from(targetQuarters)
    .where(and(eq(targetQuarters.platformKey, platformKey), eq(targetQuarters.quarter, quarter)));
  return row;
}

/**
 * Locks a platform's quarter for the rest of the transaction (creating its row when missing) and returns it: every
 * write of the quarter takes this lock, so closing the quarter and a write into it cannot interleave.
 */
export async function lockQuarter(tx: Tx, platformKey: PlatformKey, quarter: string) {
  const locked = () =>
    tx
      .select()
      .from(targetQuarters)
      .where(and(eq(targetQuarters.platformKey, platformKey), eq(targetQuarters.quarter, quarter)))
      .for('update');
  // The quarter's row exists for every write but a quarter's first: one statement then, not an insert that does
  // nothing before it (issue #15: a statement of every target write).
  const [existing] = await locked();
  if (existing) return existing;
  await tx.insert(targetQuarters).values({ platformKey, quarter }).onConflictDoNothing();
  // Inserted just above, or by a writer that got there first.
  return firstRow(await locked(), 'lock target quarter');
}

/** Every quarter a platform (or every platform) has rows or a state for, with its count. */
export async function quarterSummaries(db: Db, platformKey: PlatformKey | null) {
  const result = (await db.execute(sql`
    SELECT coalesce(t.platform_key, q.platform_key) AS "platformKey", coalesce(t.quarter, q.quarter) AS quarter,
           coalesce(t.n, 0)::int AS targets, q.closed_at AS "closedAt", q.closed_by AS "closedBy",
           q.carried_from AS "carriedFrom", q.carried_at AS "carriedAt"
    FROM (SELECT platform_key, quarter, count(*) AS n FROM targets
          ${platformKey ? sql`WHERE platform_key = ${platformKey}` : sql``} GROUP BY platform_key, quarter) t
    FULL JOIN (SELECT * FROM target_quarters ${platformKey ? sql`WHERE platform_key = ${platformKey}` : sql``}) q
      ON q.platform_key = t.platform_key AND q.quarter = t.quarter
    ORDER BY 2 DESC, 1`)) as {
    rows: Array<{
      platformKey: string;
      quarter: string;
      targets: number;
      closedAt: string | Date | null;
      closedBy: string | null;
      carriedFrom: string | null;
      carriedAt: string | Date | null;
    }>;
  };
  return result.rows;
}

export type FunnelSqlRow = {
  key: string | null;
  targets: number;
  contacted: number;
  reported: number;
  landed: number;
  toContact: number | null;
  toReport: number | null;
  toLand: number | null;
};

const GROUP_KEYS = {
  platform: sql`j.platform_key`,
  quarter: sql`j.quarter`,
  tier: sql`coalesce(j.tier, 'none')`,
  type: sql`g.k`,
  channel: sql`coalesce(j.channel_id::text, 'none')`,
} as const;

/** The target column each grouping reads besides the platform (the base query selects it only then). */
const GROUP_COLUMNS: Partial<Record<keyof typeof GROUP_KEYS, string[]>> = {
  quarter: ['quarter'],
  tier: ['tier'],
  type: ['types'],
  channel: ['channel_id'],
};

/**
 * The funnel of funnel.ts (the domain's definition) in one statement: the targets of the filter (one quarter, or
 * the latest row of each enterprise) joined with the first reports of the projects service's subquery (this
 * module never names the projects table), counted per group and in total (key null), with
 * percentile_cont(0.5) as the median. `type` groups by each of a target's types, so its total is a second query.
 */
export async function funnelFigures(
  db: Db,
  input: {
    platformKey: PlatformKey | null;
    quarter?: string;
    year?: number;
    latestPerEnterprise: boolean;
    groupBy: keyof typeof GROUP_KEYS;
    /** The projects service's first reports as a subquery (id, code, platform, reported, landed). */
    projects: SQL;
    /**
     * false: the counts only (the medians come back null). The cockpit shows counts; the three percentile_cont sorts
     * were most of its funnel's time at 100 000 targets (bench/cockpit.bench.ts).
     */
    medians?: boolean;
  },
): Promise<FunnelSqlRow[]> {
  const where = and(
    input.platformKey ? sql`platform_key = ${input.platformKey}` : undefined,
    input.quarter ? sql`quarter = ${input.quarter}` : undefined,
    input.year ? sql`quarter LIKE ${`${input.year}Q%`}` : undefined,
  );
  // Only the columns j reads: the latest-row sort then carries narrow rows, not whole targets (plans, notes …) —
  // the group's own column and the medians' day only when asked (the cockpit's counts by platform sort 5 columns).
  const columns = sql.raw(
    [
      'platform_key, status, contacted_on, project_id, credit_code',
      ...(input.medians === false ? [] : ['identified_on']),
      ...(GROUP_COLUMNS[input.groupBy] ?? []),
    ].join(', '),
  );
  const base = input.latestPerEnterprise
    ? sql`SELECT DISTINCT ON (lineage_id) ${columns} FROM targets ${where ? sql`WHERE ${where}` : sql``}
        ORDER BY lineage_id, quarter DESC`
    : sql`SELECT ${columns} FROM targets ${where ? sql`WHERE ${where}` : sql``}`;
  const medians = sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY j.contacted_on - j.identified_on) AS "toContact",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY j.reported_on - j.contacted_on) AS "toReport",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY j.landed_on - j.reported_on) AS "toLand"`;
  const figures = sql`count(*)::int AS targets,
      (count(*) FILTER (WHERE j.contacted_on IS NOT NULL OR j.pid IS NOT NULL
        OR j.status IN ('contact', 'negotiating', 'reported')))::int AS contacted,
      (count(*) FILTER (WHERE j.pid IS NOT NULL OR j.status = 'reported'))::int AS reported,
      (count(*) FILTER (WHERE j.landed_on IS NOT NULL))::int AS landed,
      ${input.medians === false ? sql`NULL AS "toContact", NULL AS "toReport", NULL AS "toLand"` : medians}`;
  // NOT MATERIALIZED: p is read twice, so PostgreSQL would materialise it and lose the projects' key and statistics;
  // its join estimate then ran to millions of rows and the statement spent seconds in JIT compilation (cockpit bench).
  const joined = sql`
    WITH p AS NOT MATERIALIZED (${input.projects}),
    bycode AS (SELECT DISTINCT ON (code, platform) * FROM p WHERE code IS NOT NULL
      ORDER BY code, platform, reported, id),
    base AS (${base}),
    j AS (SELECT b.*, coalesce(pl.id, pc.id) AS pid, coalesce(pl.reported, pc.reported) AS reported_on,
                 coalesce(pl.landed, pc.landed) AS landed_on
          FROM base b
          LEFT JOIN p pl ON pl.id = b.project_id
          LEFT JOIN bycode pc ON b.project_id IS NULL AND pc.code = b.credit_code AND pc.platform = b.platform_key)`;
  const key = GROUP_KEYS[input.groupBy];
  const statement =
    input.groupBy === 'type'
      ? sql`${joined}
          SELECT ${key} AS key, ${figures} FROM j CROSS JOIN LATERAL unnest(j.types) AS g(k) GROUP BY 1
          UNION ALL SELECT NULL, ${figures} FROM j`
      : sql`${joined} SELECT ${key} AS key, ${figures} FROM j GROUP BY GROUPING SETS ((${key}), ())`;
  // percentile_cont gives float8, which both drivers hand back as a number.
  const result = (await db.execute(statement)) as { rows: FunnelSqlRow[] };
  return result.rows;
}

/** Targets per province and city (the China map), with their tiers. */
export async function targetsByCity(db: Db, platformKey: PlatformKey | null, quarter: string | null) {
  const where = and(
    platformKey ? eq(targets.platformKey, platformKey) : undefined,
    quarter ? eq(targets.quarter, quarter) : undefined,
  );
  return db
    .select({ province: targets.hqProvince, city: targets.hqCity, tier: targets.tier, n: count() })
    .from(targets)
    .where(where)
    .groupBy(targets.hqProvince, targets.hqCity, targets.tier);
}

export async function latestQuarter(db: Db, platformKey: PlatformKey | null): Promise<string | null> {
  const [row] = await db
    .select({ quarter: sql<string>`max(${targets.quarter})` })
    .from(targets)
    .where(platformKey ? eq(targets.platformKey, platformKey) : undefined);
  return row?.quarter ?? null;
}

import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { type PlatformKey } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { projects } from './projects.table.ts';
import { stageFiguresOn } from './project-stages-on.repository.ts';

/** Whether any project of the ledger names this investor credit code (the land module checks a parcel's holder). */
export async function investorCreditCodeKnown(db: Db | Tx, creditCode: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.investorCreditCode, creditCode))
    .limit(1);
  return row !== undefined;
}

/**
 * For the targets module's funnel and maps (issue #13): every first-reported project's link keys and dates, no
 * permission check (the targets service checks its own first and holds the platform scope). `reportedOn` is the
 * Asia/Shanghai day of the report. Duplicates (D9) are left out: they are the same project.
 */
export async function projectsForTargets(db: Db, platformKeys: readonly PlatformKey[] | null) {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      platformKey: projects.platformKey,
      reportedPlatformKey: projects.reportedPlatformKey,
      creditCode: projects.investorCreditCode,
      reportedOn: sql<string>`to_char(${projects.reportedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
      landedOn: projects.landedOn,
    })
    .from(projects)
    .where(
      and(
        eq(projects.firstReport, true),
        platformKeys === null ? undefined : inArray(projects.reportedPlatformKey, [...platformKeys]),
      ),
    );
  return rows.map((row) => ({ ...row, status: row.status }));
}

/**
 * For the targets funnel (issue #13): the first reports as an SQL subquery — (id, code, platform, reported, landed),
 * `reported` the Asia/Shanghai day — that the targets module embeds in its one statement. The projects module keeps
 * its table to itself (the targets module never names it) while the database joins with the table's statistics and
 * nothing is shipped to Node and back (the bench: handing ~6 700 rows over as a jsonb parameter cost most of the
 * API's overhead).
 */
export function firstReportsForTargets(platformKeys: readonly PlatformKey[] | null): SQL {
  const where = and(
    eq(projects.firstReport, true),
    platformKeys === null ? undefined : inArray(projects.reportedPlatformKey, [...platformKeys]),
  );
  return sql`SELECT ${projects.id} AS id, ${projects.investorCreditCode} AS code,
    ${projects.reportedPlatformKey} AS platform,
    (${projects.reportedAt} AT TIME ZONE 'Asia/Shanghai')::date AS reported, ${projects.landedOn} AS landed
    FROM ${projects} WHERE ${where}`;
}

/** For the Wenzhou map (issue #13): how many projects each platform holds in each stage; no permission check. */
export async function projectStageCounts(db: Db) {
  return db
    .select({ platformKey: projects.platformKey, status: projects.status, count: count() })
    .from(projects)
    .where(eq(projects.firstReport, true))
    .groupBy(projects.platformKey, projects.status);
}

/**
 * For the cockpit (issue #14): first reports per platform and stage with the sum of their total investment (万元,
 * exact text); no permission check (the cockpit checks its own and scopes a platform user). With `day` before today,
 * as they stood at the end of that day (replayed from the dated history, project-stages-on.repository.ts).
 */
export async function projectStageFigures(db: Db, day?: string) {
  if (day !== undefined) return stageFiguresOn(db, day);
  const rows = await db
    .select({
      platformKey: projects.platformKey,
      status: projects.status,
      count: count(),
      investment: sql<string>`coalesce(sum(${projects.totalInvestment}), 0)::text`,
    })
    .from(projects)
    .where(eq(projects.firstReport, true))
    .groupBy(projects.platformKey, projects.status);
  return rows;
}

import { sql } from 'drizzle-orm';
import type { PlatformKey, ProjectStatus } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { projectCirculations, projectEvents, projects } from './projects.table.ts';

/**
 * SQL only: first reports per platform and stage with their total investment as they stood at the end of `day`,
 * replayed from the dated history (project_events). Only projects with a move dated after the day are replayed (a
 * project's later history is short, so this reads few events); the others are in their current stage. A stage's
 * day is its effective date (R2.4, the day the move happened, as `landed_on`); an undone move and its undo never
 * happened (as `earliestStageDate`). A project circulated after the day was still its first platform's; one reported
 * after the day is not counted.
 */
export async function stageFiguresOn(db: Db, day: string) {
  const result = await db.execute(sql`
    WITH later AS (
      SELECT DISTINCT ${projectEvents.projectId} AS id FROM ${projectEvents} WHERE ${projectEvents.effectiveDate} > ${day}
    ),
    undone AS (
      SELECT (${projectEvents.details} ->> 'undoneEventId')::int AS id FROM ${projectEvents}
      WHERE ${projectEvents.kind} = 'undo' AND ${projectEvents.projectId} IN (SELECT id FROM later)
    ),
    replayed AS (
      SELECT DISTINCT ON (${projectEvents.projectId}) ${projectEvents.projectId} AS id, ${projectEvents.toStatus} AS status
      FROM ${projectEvents}
      WHERE ${projectEvents.projectId} IN (SELECT id FROM later) AND ${projectEvents.effectiveDate} <= ${day}
        AND ${projectEvents.kind} IN ('reported', 'transition') AND ${projectEvents.id} NOT IN (SELECT id FROM undone WHERE id IS NOT NULL)
      ORDER BY ${projectEvents.projectId}, ${projectEvents.id} DESC
    )
    SELECT CASE WHEN (${projectCirculations.at} AT TIME ZONE 'Asia/Shanghai')::date > ${day}
                THEN ${projectCirculations.fromPlatformKey} ELSE ${projects.platformKey} END AS "platformKey",
           coalesce(r.status, ${projects.status}) AS status, count(*)::int AS count,
           coalesce(sum(${projects.totalInvestment}), 0)::text AS investment
    FROM ${projects}
    LEFT JOIN replayed r ON r.id = ${projects.id}
    LEFT JOIN ${projectCirculations} ON ${projectCirculations.projectId} = ${projects.id}
    WHERE ${projects.firstReport} AND (${projects.reportedAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${day}
      AND (r.id IS NOT NULL OR ${projects.id} NOT IN (SELECT id FROM later))
    GROUP BY 1, 2`);
  return (
    result as {
      rows: { platformKey: PlatformKey; status: ProjectStatus; count: number; investment: string }[];
    }
  ).rows;
}

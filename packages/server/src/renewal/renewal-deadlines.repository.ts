import { and, asc, between, eq, sql, type SQL } from 'drizzle-orm';
import type { PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { renewalCases } from './renewal.table.ts';

/** SQL only (STYLE.md): a platform's cases whose deadline lies between two days (both included). */
export async function casesWithDeadlineBetween(db: Db, platformKey: PlatformKey, from: string, to: string) {
  return db
    .select({
      id: renewalCases.id,
      enterpriseName: renewalCases.enterpriseName,
      track: renewalCases.track,
      status: renewalCases.status,
      deadline: renewalCases.deadline,
      completedOn: renewalCases.completedOn,
    })
    .from(renewalCases)
    .where(and(eq(renewalCases.platformKey, platformKey), between(renewalCases.deadline, from, to)))
    .orderBy(asc(renewalCases.deadline), asc(renewalCases.id));
}

/**
 * The same cases as `casesWithDeadlineBetween`, as an SQL subquery with the columns (id, enterprise_name, track,
 * status, deadline, completed_on), for a statement that counts them where they are.
 */
export function casesWithDeadlineBetweenQuery(platformKey: PlatformKey, from: string, to: string): SQL {
  return sql`SELECT ${renewalCases.id} AS id, ${renewalCases.enterpriseName} AS enterprise_name,
      ${renewalCases.track} AS track, ${renewalCases.status} AS status, ${renewalCases.deadline} AS deadline,
      ${renewalCases.completedOn} AS completed_on
    FROM ${renewalCases}
    WHERE ${renewalCases.platformKey} = ${platformKey} AND ${renewalCases.deadline} BETWEEN ${from}::date AND ${to}::date`;
}

import { and, asc, between, eq } from 'drizzle-orm';
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

import { sql, type SQL } from 'drizzle-orm';
import type { CaseForAssessment, PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { casesWithDeadlineBetween, casesWithDeadlineBetweenQuery } from './renewal-deadlines.repository.ts';

/**
 * For the yearly assessment (R4.2 存量产业有机更新): a platform's renewal cases (淘汰落后, 过剩产能清理, 僵尸出清,
 * R1.6 搬迁/技改) whose deadline lies between `from` and `to`, with status and completion day — every status,
 * withdrawn included, so the caller's rule decides what counts. A platform user reads only its own (D10).
 */
export async function casesDueBetween(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  from: string,
  to: string,
): Promise<CaseForAssessment[]> {
  requirePermission(actor, 'renewal.read');
  const scope = platformScope(actor);
  if (scope !== null && scope !== platformKey) return [];
  return casesWithDeadlineBetween(db, platformKey, from, to);
}

/**
 * The same cases as `casesDueBetween`, as an SQL subquery — (id, enterprise_name, track, status, deadline,
 * completed_on) — that the yearly assessment counts in one statement (issue #15), the renewal module keeping its
 * table to itself. A platform user reads only its own (another gets no case, D10).
 */
export function casesDueBetweenQuery(actor: Actor, platformKey: PlatformKey, from: string, to: string): SQL {
  requirePermission(actor, 'renewal.read');
  const scope = platformScope(actor);
  const query = casesWithDeadlineBetweenQuery(platformKey, from, to);
  return scope !== null && scope !== platformKey ? sql`SELECT * FROM (${query}) AS c WHERE false` : query;
}

import type { CaseForAssessment, PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { casesWithDeadlineBetween } from './renewal-deadlines.repository.ts';

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

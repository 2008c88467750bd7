import type { Db } from '../platform/db.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listRuns, publishRun, runEvaluation } from '../mu-evaluation/mu-evaluation.service.ts';

/** The demo's published evaluation: the year before the latest, so the eitc can still run and publish the latest. */
export const DEMO_PUBLISHED_YEAR = 2024;

/**
 * In demo mode the leadership group and the platforms should find a published ABCD result (R3.2, D17) on first
 * start; the eitc runs it with the default method through the same services as the page, once.
 */
export async function ensureDemoEvaluation(db: Db, now: Date): Promise<number | null> {
  const eitc = await actorOfUsername(db, 'eitc');
  if (!eitc) throw new Error('演示账号 eitc 不存在');
  const existing = await listRuns(db, eitc, { year: DEMO_PUBLISHED_YEAR, page: 1, pageSize: 1 });
  if (existing.total > 0) return null;
  const run = await runEvaluation(db, eitc, { year: DEMO_PUBLISHED_YEAR }, now);
  await publishRun(db, eitc, run.id, now);
  return run.id;
}
